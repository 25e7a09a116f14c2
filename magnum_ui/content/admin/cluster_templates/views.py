"""Admin views: every project's cluster templates (Magnum's admin context)."""

from django.utils.translation import gettext_lazy as _

from horizon import exceptions
from openstack_dashboard import api

from magnum_ui.content.admin.cluster_templates import tables
from magnum_ui.content.project.cluster_templates import views as project_views


def project_names(request):
    try:
        projects, _more = api.keystone.tenant_list(request)
    except Exception:
        exceptions.handle(request, _('Unable to retrieve project names.'))
        return {}
    return {project.id: project.name for project in projects}


class IndexView(project_views.IndexView):
    table_class = tables.AdminClusterTemplatesTable

    def get_data(self):
        templates = super().get_data()
        names = project_names(self.request) if templates else {}
        for template in templates:
            template.project_name = names.get(template.project_id,
                                              template.project_id)
        return templates


class DetailView(project_views.DetailView):
    index_url = 'horizon:admin:cluster_templates:index'
    table_class = tables.AdminClusterTemplatesTable
