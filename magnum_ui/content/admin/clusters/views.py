from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from horizon import tables

from magnum_ui.api import magnum
from magnum_ui.content.admin.clusters import tables as admin_tables
from magnum_ui.content.common import errors
from magnum_ui.content.common import projects
from magnum_ui.content.project.clusters import views as cluster_views


class IndexView(tables.DataTableView):
    table_class = admin_tables.AdminClustersTable
    template_name = 'horizon/common/_data_table_view.html'
    page_title = _('Clusters')

    def get_data(self):
        try:
            clusters = magnum.cluster_list(self.request)
        except Exception as exc:
            errors.handle(self.request, _('Unable to retrieve clusters.'),
                          exc)
            return []
        return projects.name_projects(self.request, clusters)


class DetailView(cluster_views.DetailView):
    redirect_url = reverse_lazy('horizon:admin:clusters:index')
    table_class = admin_tables.AdminClustersTable
