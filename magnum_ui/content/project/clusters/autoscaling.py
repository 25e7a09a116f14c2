"""Node counts against the autoscaler's bounds, as far as Magnum tells.

What Magnum's API gives: a cluster's and a nodegroup's ``node_count`` is
the size last requested (by a user, or by the cluster autoscaler, which
resizes through Magnum's API); the bounds are the labels
``auto_scaling_enabled``, ``min_node_count`` and ``max_node_count`` of the
cluster, and a nodegroup's own ``min_node_count`` / ``max_node_count``.
How many nodes exist is not a count Magnum keeps: ``node_addresses``
lists the nodes the driver reported from its stack, so a count of them
that differs from the requested size means the nodes have not caught up
(or the driver reports no addresses: ``running`` is then None).

    cluster_scaling(cluster) -> Scaling
    nodegroup_scaling(nodegroup, cluster=None) -> Scaling (for the
                              Nodegroups tab; enabled from the group's
                              labels, else the cluster's)
"""

import collections

from magnum_ui.content.common import label_types


class Scaling(collections.namedtuple(
        'Scaling', 'enabled low high requested running')):
    """``low``/``high`` None when not set; ``running`` None when unknown."""

    @property
    def differs(self):
        """The nodes reported differ from the size last requested."""
        return self.running is not None and self.running != self.requested

    @property
    def outside(self):
        """The requested size is outside the bounds (Magnum allows it)."""
        requested = self.requested or 0
        return ((self.low is not None and requested < self.low) or
                (self.high is not None and requested > self.high))


def _bound(value):
    if isinstance(value, int):
        return value
    return label_types.parse_int(value) if isinstance(value, str) else None


def _running(addresses):
    return len(addresses) if addresses else None


def _enabled(labels):
    return bool(label_types.parse_bool((labels or {}).get(
        'auto_scaling_enabled')))


def cluster_scaling(cluster):
    labels = cluster.labels or {}
    return Scaling(_enabled(labels), _bound(labels.get('min_node_count')),
                   _bound(labels.get('max_node_count')),
                   cluster.node_count, _running(cluster.node_addresses))


def nodegroup_scaling(nodegroup, cluster=None):
    labels = nodegroup.labels or {}
    enabled = _enabled(labels) if 'auto_scaling_enabled' in labels \
        else bool(cluster is not None and _enabled(cluster.labels))
    return Scaling(enabled, _bound(nodegroup.min_node_count),
                   _bound(nodegroup.max_node_count), nodegroup.node_count,
                   _running(nodegroup.node_addresses))
