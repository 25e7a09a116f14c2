"""The quota projection of a resize.

The resized group's size (its flavor and node count, the cluster's
floating IPs) is kept in the cache with the projection's inputs when the
form is shown, so the preview of another count asks no service.
"""

from django.core.cache import cache

from magnum_ui.content.project.clusters import quota_projection


class Basis(object):
    """What a resize starts from: {group name: (flavor, node count)}; the
    key '' is the cluster's default worker group.
    """

    def __init__(self, cluster, nodegroups):
        self.floating_ips = bool(cluster.floating_ip_enabled)
        self.groups = {ng.name: (ng.flavor_id, ng.node_count or 0)
                       for ng in nodegroups}
        default = next((ng for ng in nodegroups if ng.is_default),
                       nodegroups[0] if nodegroups else None)
        self.groups[''] = ((default.flavor_id, default.node_count or 0)
                           if default else
                           (cluster.flavor_id, cluster.node_count or 0))

    def projection(self, found, node_count, nodegroup=None):
        flavor, current = self.groups.get(nodegroup or '',
                                          self.groups[''])
        demand = quota_projection.nodes_demand(
            found, flavor, node_count - current,
            floating_ips=self.floating_ips)
        return quota_projection.project(found, demand)


def inputs(request, cached=False):
    """The projection's inputs without Magnum's cluster quota (a resize
    adds no cluster); ``cached``: as the form was shown (previews).
    """
    if cached:
        return quota_projection.cached_inputs(request, clusters=False)
    return quota_projection.inputs(request, clusters=False)


def _key(request, cluster_id):
    return 'magnum_ui:resize-basis:%s:%s:%s' % (
        request.user.services_region, request.user.project_id, cluster_id)


def remember(request, cluster_id, basis):
    cache.set(_key(request, cluster_id), basis,
              quota_projection.PREVIEW_SECONDS)


def recall(request, cluster_id):
    """The basis the form was shown with, or None when it expired."""
    return cache.get(_key(request, cluster_id))
