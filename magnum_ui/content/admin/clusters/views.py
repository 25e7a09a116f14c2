from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from horizon import exceptions
from horizon import tables
from openstack_dashboard import api

from magnum_ui.api import magnum
from magnum_ui.content.admin.clusters import tables as admin_tables
from magnum_ui.content.common import errors
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
        names = self._project_names()
        for cluster in clusters:
            cluster.project_name = names.get(cluster.project_id)
        return clusters

    def _project_names(self):
        try:
            projects, _more = api.keystone.tenant_list(self.request)
        except Exception:
            exceptions.handle(self.request,
                              _('Unable to retrieve project names.'))
            return {}
        return {p.id: p.name for p in projects}


class DetailView(cluster_views.DetailView):
    redirect_url = reverse_lazy('horizon:admin:clusters:index')

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        table = admin_tables.AdminClustersTable(self.request)
        context['actions'] = table.render_row_actions(context['cluster'])
        return context
