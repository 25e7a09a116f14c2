"""Every project's clusters, for administrators."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from horizon import tables

from magnum_ui.content.project.clusters import actions as cluster_actions
from magnum_ui.content.project.clusters import tables as cluster_tables


class AdminDeleteCluster(cluster_actions.DeleteCluster):
    policy_rules = (('container-infra', 'cluster:delete_all_projects'),)


class TriageClusters(tables.LinkAction):
    name = 'triage'
    verbose_name = _('Triage')
    url = 'horizon:admin:clusters:triage:index'
    icon = 'stethoscope'


def detail_url(cluster):
    return reverse('horizon:admin:clusters:detail', args=[cluster.id])


class AdminClustersTable(cluster_tables.ClustersTable):
    project = tables.Column('project_name', verbose_name=_('Project'))
    name = tables.WrappingColumn('name', verbose_name=_('Name'),
                                 link=detail_url)
    # No Heat call per busy row of every project: marks from Magnum only.
    status = cluster_tables.MarkedStatusColumn()

    class Meta(object):
        name = 'clusters'
        verbose_name = _('Clusters')
        columns = ('project', 'name', 'status', 'health_status',
                   'coe_version', 'master_count', 'node_count', 'created_at')
        status_columns = ['status']
        row_class = cluster_tables.StatusRow
        table_actions = (cluster_actions.ClusterFilter, TriageClusters,
                         AdminDeleteCluster)
        row_actions = (AdminDeleteCluster,)
