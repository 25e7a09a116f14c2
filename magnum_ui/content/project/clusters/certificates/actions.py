"""Row and detail actions for a cluster's kubeconfig, CA and rotations.

The Clusters table adds these classes to its row actions; the views apply
the same conditions to requests that do not come through an action.
"""

from django.utils.translation import gettext_lazy as _

from horizon import tables

from magnum_ui.api import magnum
from magnum_ui.content.common import links
from magnum_ui.content.common import policy
from magnum_ui import statuses

URL_NAMESPACE = 'horizon:project:clusters:certificates'

# Magnum's conductor refuses credential rotation outside these states
# (magnum/conductor/handlers/credential_conductor.py).
CREDENTIAL_ROTATION_EXTRA_STATES = ('UPDATE_IN_PROGRESS', 'UPDATE_FAILED')


def is_settled(cluster):
    """A *_COMPLETE cluster that still exists: Magnum's rotate_ca states."""
    return (statuses.is_complete(cluster.status)
            and cluster.status != 'DELETE_COMPLETE')


def can_download_kubeconfig(cluster):
    return is_settled(cluster) and bool(cluster.api_address)


def can_get_ca(cluster):
    return bool(cluster.status) and not cluster.status.startswith('DELETE_')


def can_rotate_credentials(cluster):
    return (is_settled(cluster)
            or cluster.status in CREDENTIAL_ROTATION_EXTRA_STATES)


def cluster_policy_target(cluster):
    """Magnum checks certificate rules against the cluster's owner."""
    if cluster is None:
        return {}
    return {'project_id': cluster.project_id, 'user_id': cluster.user_id}


class ClusterLinkAction(policy.CheckedOncePerRequest,
                        tables.LinkAction):
    url_name = None
    # The API feature (magnum_ui.api.versions) the action needs, if any.
    feature = None

    @staticmethod
    def can(cluster):
        """Whether Magnum accepts the action in the cluster's status."""
        return True

    def allowed(self, request, cluster=None):
        if self.feature and not magnum.supports(request, self.feature):
            return False
        return cluster is None or self.can(cluster)

    def get_link_url(self, datum=None):
        return links.object_url('%s:%s' % (URL_NAMESPACE, self.url_name),
                                datum.uuid)

    def get_policy_target(self, request, datum=None):
        return cluster_policy_target(datum)


class DownloadKubeconfig(ClusterLinkAction):
    name = 'download_kubeconfig'
    verbose_name = _('Download Kubeconfig')
    url_name = 'kubeconfig'
    classes = ('ajax-modal',)
    icon = 'download'
    policy_rules = (('container-infra', 'certificate:create'),
                    ('container-infra', 'certificate:get'))
    can = staticmethod(can_download_kubeconfig)


class ShowCA(ClusterLinkAction):
    name = 'show_ca'
    verbose_name = _('Download CA Certificate')
    url_name = 'ca'
    icon = 'download'
    policy_rules = (('container-infra', 'certificate:get'),)
    can = staticmethod(can_get_ca)


class SignCSR(ClusterLinkAction):
    name = 'sign_csr'
    verbose_name = _('Sign Certificate Request')
    url_name = 'sign_csr'
    classes = ('ajax-modal',)
    icon = 'pencil'
    policy_rules = (('container-infra', 'certificate:create'),)
    can = staticmethod(is_settled)


class RotateCA(ClusterLinkAction):
    name = 'rotate_ca'
    verbose_name = _('Rotate CA Certificate')
    url_name = 'rotate_ca'
    classes = ('ajax-modal', 'btn-danger')
    icon = 'refresh'
    policy_rules = (('container-infra', 'certificate:rotate_ca'),)
    feature = 'rotate_ca'
    can = staticmethod(is_settled)


class RotateCredentials(ClusterLinkAction):
    name = 'rotate_credentials'
    verbose_name = _('Rotate Credentials')
    url_name = 'rotate_credentials'
    classes = ('ajax-modal', 'btn-danger')
    icon = 'refresh'
    policy_rules = (('container-infra', 'credential:rotate'),)
    feature = 'credentials'
    can = staticmethod(can_rotate_credentials)

    def get_policy_target(self, request, datum=None):
        # Magnum checks credential:rotate against the caller, not the
        # cluster (magnum/api/controllers/v1/credential.py).
        return {}
