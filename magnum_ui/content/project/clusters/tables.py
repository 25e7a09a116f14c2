"""The clusters table: one Horizon row per cluster, busy rows refresh."""

from django.urls import NoReverseMatch
from django.utils.translation import gettext_lazy as _

from horizon import tables
from horizon.utils import filters

from magnum_ui.content.common import links
from magnum_ui.content.common import many_rows
from magnum_ui.content.project.clusters import actions
from magnum_ui.content.project.clusters.diagnosis import marks
from magnum_ui.content.project.clusters.progress import loader
from magnum_ui import statuses

OPERATIONS = ('CREATE', 'UPDATE', 'DELETE', 'RESUME', 'RESTORE', 'ROLLBACK',
              'SNAPSHOT', 'CHECK', 'ADOPT')
# Every status Magnum knows, mapped to Horizon's row status: None = busy.
STATUS_CHOICES = tuple(
    (operation + suffix, statuses.outcome(operation + suffix))
    for operation in OPERATIONS
    for suffix in (statuses.IN_PROGRESS_SUFFIX, statuses.COMPLETE_SUFFIX,
                   statuses.FAILED_SUFFIX))


class StatusColumn(tables.Column):
    """A cluster's or nodegroup's status by its display name."""

    def __init__(self, **kwargs):
        super().__init__('status', verbose_name=_('Status'), status=True,
                         status_choices=STATUS_CHOICES,
                         display_choices=statuses.CLUSTER_STATUS_DISPLAY,
                         **kwargs)


class MarkedStatusColumn(StatusColumn):
    """The status, the cause of a failure as its tooltip, and the stall
    mark of a busy cluster (judged from Magnum's record: no call).
    """

    def summary(self, datum):
        return None

    def get_data(self, datum):
        text = super().get_data(datum)
        if statuses.is_failed(datum.status):
            return marks.failed_status(text, datum)
        if not datum.is_busy:
            return text
        return marks.busy_status(text, datum, self.summary(datum))


class ProgressStatusColumn(MarkedStatusColumn):
    """Adds "done/total" from Heat while the cluster is busy; the stall
    mark then names the resources Heat still has in progress.

    Heat is asked about a few busy rows per request only (see
    ``loader.choose``): the table's busy rows are offered to it once.
    """

    def summary(self, datum):
        if not getattr(self.table, '_progress_chosen', False):
            self.table._progress_chosen = True
            loader.choose(self.table.request,
                          [row for row in self.table.data or ()
                           if row.is_busy])
        return loader.cluster_progress_summary(self.table.request, datum)


def template_link(cluster):
    if not cluster.cluster_template_id:
        return None
    try:
        return links.object_url('horizon:project:cluster_templates:detail',
                                cluster.cluster_template_id)
    except NoReverseMatch:
        return None


def template_name(cluster):
    return (getattr(cluster, 'template_name', None)
            or cluster.cluster_template_id or '-')


class StatusRow(tables.Row):
    """A row busy only while Magnum says *_IN_PROGRESS (statuses.outcome).

    Horizon reads a status missing from status_choices (null, or one this
    plugin does not know) as busy, which would poll such a row forever.
    """

    @property
    def status(self):
        return statuses.outcome(getattr(self.datum, 'status', None))


class ClusterRow(StatusRow):
    """Horizon's row; refreshed by our batched poller, not Horizon's.

    ``ajax`` stays False so Horizon's per-row poller leaves these rows
    alone; busy rows carry Horizon's ``warning`` class and the table's
    wrapper carries the batched refresh URL (see index.html).
    """

    ajax = False

    def render(self):
        return self.table.render_in_context('magnum_ui/clusters/_row.html',
                                            row=self)


class ClustersTable(many_rows.ManyRowsTable, tables.DataTable):
    name = tables.WrappingColumn(
        'name', verbose_name=_('Name'), link=actions.detail_url)
    status = ProgressStatusColumn()
    health_status = tables.Column(
        'health_status', verbose_name=_('Health'),
        display_choices=statuses.HEALTH_STATUS_DISPLAY, empty_value='-')
    coe_version = tables.Column(
        'coe_version', verbose_name=_('COE Version'), empty_value='-')
    template = tables.Column(
        template_name, verbose_name=_('Cluster Template'),
        link=template_link)
    master_count = tables.Column('master_count', verbose_name=_('Masters'))
    node_count = tables.Column('node_count', verbose_name=_('Nodes'))
    keypair = tables.Column('keypair', verbose_name=_('Key Pair'),
                            empty_value='-')
    created_at = tables.Column(
        'created_at', verbose_name=_('Created'),
        filters=(filters.parse_isotime, filters.timesince_sortable),
        attrs={'data-type': 'timesince'})

    def get_object_display(self, datum):
        return datum.name or datum.id

    class Meta(object):
        name = 'clusters'
        verbose_name = _('Clusters')
        status_columns = ['status']
        row_class = ClusterRow
        cell_class = many_rows.Cell
        table_actions = (actions.ClusterNameFilter, actions.CreateCluster,
                         actions.DeleteCluster)
        row_actions = actions.list_row_actions()


class ClusterPageActions(ClustersTable):
    """The clusters table with every action, for one cluster's page."""

    class Meta(ClustersTable.Meta):
        row_actions = actions.page_actions()
