"""What a failed cluster can do next, within what Magnum allows.

DELETE_FAILED: delete again. CREATE_FAILED: create a cluster with the
same settings (the wizard filled in from this one). UPDATE_FAILED: resize
again (Magnum resizes after a failed update). Each with its CLI command.
"""

import dataclasses
import typing

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from magnum_ui.content.common import cli
from magnum_ui.content.project.clusters.create import labels as create_labels
from magnum_ui.content.project.clusters.create import prefill

RETRY_DELETE = 'retry_delete'
RECREATE = 'recreate'
RESIZE = 'resize'
# The policy rule each recovery needs (Magnum's rule names).
RULES = {RETRY_DELETE: 'cluster:delete', RECREATE: 'cluster:create',
         RESIZE: 'cluster:resize'}
_COPIED = ('cluster_template_id', 'keypair', 'master_count', 'node_count',
           'master_flavor_id', 'flavor_id', 'docker_volume_size',
           'create_timeout', 'fixed_network', 'fixed_subnet',
           'floating_ip_enabled', 'master_lb_enabled')


@dataclasses.dataclass(frozen=True)
class Recovery:
    kind: str
    title: str
    help: str
    command: str
    url: typing.Optional[str] = None   # None: the page's own row action
    modal: bool = False


def _label_values(cluster):
    """(labels, merge_labels, management values) to create it again.

    The labels the cluster added to or changed from its template's,
    merged with the template's; all of its labels, not merged, when Magnum
    does not tell which differ or the cluster dropped some. The labels the
    wizard's Management step sets go there.
    """
    labels = dict(cluster.labels or {})
    added, overridden = cluster.labels_added, cluster.labels_overridden
    merge = not (added is None and overridden is None) and \
        not cluster.labels_skipped
    if merge:
        keys = set(added or {}) | set(overridden or {})
        labels = {key: value for key, value in labels.items() if key in keys}
    managed = {key: labels.pop(key) for key in create_labels.MANAGED_LABELS
               if key in labels}
    management = {
        'auto_healing_enabled': cli.is_true(
            managed.get('auto_healing_enabled')),
        'auto_scaling_enabled': cli.is_true(
            managed.get('auto_scaling_enabled')),
        'min_node_count': managed.get('min_node_count'),
        'max_node_count': managed.get('max_node_count')}
    return labels, merge, management


def recreate_values(cluster):
    """The create wizard's values for a cluster like this one."""
    values = {name: getattr(cluster, name) for name in _COPIED}
    values['name'] = cluster.name
    labels, merge, management = _label_values(cluster)
    values.update(management, labels=labels, merge_labels=merge)
    return {key: value for key, value in values.items()
            if value not in (None, '')}


def recoveries(cluster):
    """The Recovery choices of a cluster's status ([] for none)."""
    ident = cluster.name or cluster.id
    if cluster.status == 'DELETE_FAILED':
        return [Recovery(
            RETRY_DELETE, _('Retry delete'),
            _('Magnum deletes the cluster and what it built again; use '
              'the Retry Delete action.'), cli.cluster_delete(ident))]
    if cluster.status == 'CREATE_FAILED':
        values = recreate_values(cluster)
        return [Recovery(
            RECREATE, _('Recreate with the same settings'),
            _('Opens the create wizard filled in with this cluster\'s '
              'settings. Delete this cluster when you no longer need its '
              'record.'),
            cli.cluster_create(create_labels.create_values(values)),
            url=prefill.url(values))]
    if cluster.status == 'UPDATE_FAILED':
        return [Recovery(
            RESIZE, _('Resize again'),
            _('Magnum accepts a resize after a failed update: ask for the '
              'size again, or for another one.'),
            cli.cluster_resize(ident, cluster.node_count),
            url=reverse('horizon:project:clusters:operations:resize',
                        args=[cluster.id]), modal=True)]
    return []
