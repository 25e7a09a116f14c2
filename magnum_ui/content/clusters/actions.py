"""Row and table actions of the clusters tables."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from horizon import exceptions
from horizon import tables

from magnum_ui.api import magnum
from magnum_ui.content.clusters import allowed
from magnum_ui.content.clusters.certificates import actions as cert_actions
from magnum_ui.content.clusters import workflows as cluster_workflows


class CreateCluster(tables.LinkAction):
    name = 'create'
    verbose_name = _('Create Cluster')
    url = 'horizon:project:clusters:create'
    classes = ('btn-launch',)
    icon = 'plus'
    policy_rules = (('container-infra', 'cluster:create'),)


class DeleteCluster(tables.DeleteAction):
    policy_rules = (('container-infra', 'cluster:delete'),)

    @staticmethod
    def action_present(count):
        return ngettext_lazy('Delete Cluster', 'Delete Clusters', count)

    @staticmethod
    def action_past(count):
        return ngettext_lazy('Deletion of Cluster requested',
                             'Deletion of Clusters requested', count)

    def allowed(self, request, datum=None):
        return allowed.can_delete(datum)

    def delete(self, request, obj_id):
        try:
            magnum.cluster_delete(request, obj_id)
        except Exception as exc:
            # escalate: Horizon then skips its own reason-less summary.
            exceptions.handle(
                request, _('Unable to delete cluster %s.') % obj_id,
                details=magnum.error_message(exc), escalate=True)
        # Shown busy (or gone) on the page the user returns to, so the row
        # keeps refreshing until Magnum has removed it.
        cluster_workflows.wait_until_busy(request, obj_id)


class ResizeCluster(tables.LinkAction):
    name = 'resize'
    verbose_name = _('Resize Cluster')
    url = 'horizon:project:clusters:resize'
    classes = ('ajax-modal',)
    icon = 'arrows-h'
    policy_rules = (('container-infra', 'cluster:resize'),)

    def allowed(self, request, datum=None):
        return (allowed.can_resize(datum)
                and magnum.supports(request, 'resize'))


class UpgradeCluster(tables.LinkAction):
    name = 'upgrade'
    verbose_name = _('Upgrade Cluster')
    url = 'horizon:project:clusters:upgrade'
    classes = ('ajax-modal',)
    icon = 'level-up'
    policy_rules = (('container-infra', 'cluster:upgrade'),)

    def allowed(self, request, datum=None):
        return (allowed.can_upgrade(datum)
                and magnum.supports(request, 'upgrade'))


class ClusterFilter(tables.FilterAction):
    """Client-side filter over the listed clusters."""

    filter_type = 'query'


def detail_url(cluster):
    return reverse('horizon:project:clusters:detail', args=[cluster.id])


def certificate_actions():
    """The kubeconfig, CA and rotation actions of a cluster row."""
    return (cert_actions.DownloadKubeconfig, cert_actions.ShowCA,
            cert_actions.SignCSR, cert_actions.RotateCA,
            cert_actions.RotateCredentials)
