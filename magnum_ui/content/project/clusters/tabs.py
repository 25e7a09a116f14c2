"""Tabs of the cluster detail page: Overview, Nodegroups, Progress,
Timeline."""

from django.utils import functional
from django.utils.translation import gettext_lazy as _

from horizon import tabs

from magnum_ui.api import magnum
from magnum_ui.content.common import cli
from magnum_ui.content.common import errors
from magnum_ui.content.common import names
from magnum_ui.content.project.clusters import autoscaling
from magnum_ui.content.project.clusters.diagnosis import report
from magnum_ui.content.project.clusters import health
from magnum_ui.content.project.clusters.nodegroups \
    import tables as nodegroup_tables
from magnum_ui.content.project.clusters.progress import tab as progress_tab
from magnum_ui.content.project.clusters import tables as cluster_tables
from magnum_ui.content.project.clusters.timeline import tab as timeline_tab
from magnum_ui import statuses


class OverviewTab(tabs.Tab):
    name = _('Overview')
    slug = 'overview'
    template_name = 'magnum_ui/clusters/_detail_overview.html'

    def get_context_data(self, request):
        cluster = self.tab_group.kwargs['cluster']
        return {
            'cluster': cluster,
            # Failed or busy: why, and what to do (reads Heat once per
            # request). Lazy: Horizon loads this tab's context for every
            # other tab's refresh too, which must not pay for it.
            'diagnosis': functional.SimpleLazyObject(
                lambda: report.diagnose(request, cluster)),
            'template_url': cluster_tables.template_link(cluster),
            'status_display': dict(statuses.CLUSTER_STATUS_DISPLAY).get(
                cluster.status, cluster.status),
            'health_display': dict(statuses.HEALTH_STATUS_DISPLAY).get(
                cluster.health_status, cluster.health_status),
            'health_checks': health.health_checks(
                cluster.health_status_reason),
            'faults': sorted((cluster.faults or {}).items()),
            'labels': sorted((cluster.labels or {}).items()),
            'names': names.resource_names(request, cluster),
            'scaling': autoscaling.cluster_scaling(cluster),
            'commands': commands(cluster),
        }


def commands(cluster):
    """The CLI of this cluster's actions, as (title, command)."""
    ref = cluster.id
    return [
        (_('Kubeconfig'), cli.cluster_config(ref)),
        (_('Resize'), cli.cluster_resize(ref, cluster.node_count)),
        (_('Upgrade'), cli.cluster_upgrade(ref, None)),
        (_('Rotate the CA'), cli.ca_rotate(ref)),
        (_('Delete'), cli.cluster_delete(ref)),
    ]


class NodegroupsTab(tabs.TableTab):
    name = _('Nodegroups')
    slug = 'nodegroups'
    table_classes = (nodegroup_tables.NodegroupsTable,)
    template_name = 'horizon/common/_detail_table.html'
    preload = False

    def allowed(self, request):
        return magnum.supports(request, 'nodegroups')

    def get_nodegroups_data(self):
        cluster = self.tab_group.kwargs['cluster']
        try:
            return magnum.nodegroup_list(self.request, cluster.id)
        except Exception as exc:
            errors.handle(self.request,
                          _('Unable to retrieve nodegroups.'), exc)
            return []


class ClusterDetailTabs(tabs.DetailTabsGroup):
    slug = 'cluster_details'
    tabs = (OverviewTab, NodegroupsTab, progress_tab.ProgressTab,
            timeline_tab.TimelineTab)
    sticky = True
