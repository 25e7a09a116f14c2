"""Admin views: every project's cluster templates (Magnum's admin context)."""

from magnum_ui.content.admin.cluster_templates import tables
from magnum_ui.content.common import projects
from magnum_ui.content.project.cluster_templates import views as project_views


class IndexView(project_views.IndexView):
    table_class = tables.AdminClusterTemplatesTable

    def get_data(self):
        return projects.name_projects(self.request, super().get_data())


class DetailView(project_views.DetailView):
    index_url = 'horizon:admin:cluster_templates:index'
    table_class = tables.AdminClusterTemplatesTable
