"""Row and table actions of the clusters tables."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from horizon import tables

from magnum_ui.api import magnum
from magnum_ui.content.common import errors
from magnum_ui.content.common import links
from magnum_ui.content.common import many_rows
from magnum_ui.content.common import policy
from magnum_ui.content.project.clusters.certificates \
    import actions as cert_actions
from magnum_ui.content.project.clusters.operations import actions as operations
from magnum_ui.content.project.clusters.operations import allowed
from magnum_ui.content.project.clusters import pending
from magnum_ui.content.project.clusters import usage


class CreateCluster(policy.CheckedOncePerRequest, tables.LinkAction):
    name = 'create'
    verbose_name = _('Create Cluster')
    url = 'horizon:project:clusters:create:index'
    classes = ('btn-launch',)
    icon = 'plus'
    policy_rules = (('container-infra', 'cluster:create'),)


class DeleteCluster(policy.CheckedOncePerRequest, tables.DeleteAction):
    policy_rules = (('container-infra', 'cluster:delete'),)

    @staticmethod
    @many_rows.remembered
    def action_present(count):
        return ngettext_lazy('Delete Cluster', 'Delete Clusters', count)

    @staticmethod
    @many_rows.remembered
    def action_past(count):
        return ngettext_lazy('Deletion of Cluster requested',
                             'Deletion of Clusters requested', count)

    def allowed(self, request, datum=None):
        return allowed.can_delete(datum)

    def update(self, request, datum):
        super().update(request, datum)
        if datum is not None and datum.status == 'DELETE_FAILED':
            # The recovery of a failed delete: the same call, again.
            self.verbose_name = _('Retry Delete')

    def delete(self, request, obj_id):
        try:
            magnum.cluster_delete(request, obj_id)
        except Exception as exc:
            # escalate: Horizon then skips its own reason-less summary.
            errors.handle(request, _('Unable to delete cluster %s.') % obj_id,
                          exc, escalate=True)
        # Shown busy on the page the user returns to, so the row keeps
        # refreshing until Magnum has removed it.
        pending.remember(request, obj_id, pending.DELETING,
                         cluster=self.table.get_object_by_id(obj_id))
        usage.forget(request)


class ClusterFilter(tables.FilterAction):
    """Client-side filter over the listed clusters (the admin table)."""

    filter_type = 'query'


class ClusterNameFilter(tables.FilterAction):
    """Filter by name over every cluster of the project, not one page.

    Magnum cannot filter clusters by name, so a filtered list asks for
    every cluster (one call per Magnum max_limit, 1000 by default) and
    filters here; the unfiltered list stays one page, one call.
    """

    filter_type = 'server'
    filter_choices = (('name', _('Name'), True),)


def detail_url(cluster):
    return links.object_url('horizon:project:clusters:detail', cluster.id)


def operation_actions():
    """Resize and upgrade, the day-2 actions of a cluster row."""
    return (operations.ResizeCluster, operations.UpgradeCluster)


def list_row_actions():
    """The everyday actions, in the menu of every row of the list.

    Each row renders its whole menu, so every action here costs a page of
    20 rows 20 renders; the rarer ones are on the cluster's page only.
    """
    return operation_actions() + (cert_actions.DownloadKubeconfig,
                                  DeleteCluster)


def page_actions():
    """Every action of one cluster: the buttons of its detail page."""
    return operation_actions() + (
        cert_actions.DownloadKubeconfig, cert_actions.ShowCA,
        cert_actions.SignCSR, cert_actions.RotateCA,
        cert_actions.RotateCredentials, DeleteCluster)
