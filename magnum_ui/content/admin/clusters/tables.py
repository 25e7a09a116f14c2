"""Every project's clusters, for administrators."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from horizon import tables
from horizon.utils import filters

from magnum_ui import statuses
from magnum_ui.content.project.clusters import actions as cluster_actions
from magnum_ui.content.project.clusters import tables as cluster_tables


class AdminDeleteCluster(cluster_actions.DeleteCluster):
    policy_rules = (('container-infra', 'cluster:delete_all_projects'),)


class AdminClusterFilter(tables.FilterAction):
    filter_type = 'query'


def project_name(cluster):
    return getattr(cluster, 'project_name', None) or cluster.project_id


def detail_url(cluster):
    return reverse('horizon:admin:clusters:detail', args=[cluster.id])


class AdminClustersTable(tables.DataTable):
    project = tables.Column(project_name, verbose_name=_('Project'))
    name = tables.WrappingColumn('name', verbose_name=_('Name'),
                                 link=detail_url)
    status = tables.Column(
        'status', verbose_name=_('Status'), status=True,
        status_choices=cluster_tables.STATUS_CHOICES,
        display_choices=statuses.CLUSTER_STATUS_DISPLAY)
    health_status = tables.Column(
        'health_status', verbose_name=_('Health'),
        display_choices=statuses.HEALTH_STATUS_DISPLAY, empty_value='-')
    coe_version = tables.Column('coe_version', verbose_name=_('COE Version'),
                                empty_value='-')
    master_count = tables.Column('master_count', verbose_name=_('Masters'))
    node_count = tables.Column('node_count', verbose_name=_('Nodes'))
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
        table_actions = (AdminClusterFilter, AdminDeleteCluster)
        row_actions = (AdminDeleteCluster,)
