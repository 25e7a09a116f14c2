"""Triage of every project's clusters: failed, stalled, unhealthy.

One Magnum list (every cluster of every project) and one Keystone list
(project names); no Heat call.
"""

from django.utils.translation import gettext_lazy as _

from horizon import tables

from magnum_ui.api import magnum
from magnum_ui.content.admin.clusters.triage import grouping
from magnum_ui.content.admin.clusters.triage import tables as triage_tables
from magnum_ui.content.common import errors
from magnum_ui.content.common import projects
from magnum_ui.content.project.clusters.diagnosis import stall


class TriageView(tables.DataTableView):
    table_class = triage_tables.TriageTable
    template_name = 'magnum_ui/admin/clusters/triage.html'
    page_title = _('Cluster Triage')

    def get_data(self):
        try:
            clusters = magnum.cluster_list(self.request, limit=magnum.EVERY)
        except Exception as exc:
            errors.handle(self.request, _('Unable to retrieve clusters.'),
                          exc)
            return []
        groups = grouping.triage(clusters)
        projects.name_projects(self.request,
                               [c for g in groups for c in g.clusters])
        return groups

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context['stall_minutes'] = stall.stall_seconds() // 60
        context['stall_seconds'] = stall.stall_seconds()
        return context
