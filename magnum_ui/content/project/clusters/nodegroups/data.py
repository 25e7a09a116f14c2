"""Nodegroups as the cluster detail shows them.

The tab lists every group with all its attributes (Magnum's plain list
leaves out min/max counts, labels and version); those attributes are kept
for a while, so the row refresh costs one plain list call and fills them
in from what the page was built with. Groups just created, resized,
updated or deleted show busy from the user's session (``pending``) until
Magnum shows the change; flavors show by their Nova names.
"""

from django.core.cache import cache

from magnum_ui.api import magnum
from magnum_ui.content.common import names
from magnum_ui.content.project.clusters import pending
from magnum_ui.content.project.clusters import upgrades

DETAILS_SECONDS = 600
DETAIL_ATTRIBUTES = ('min_node_count', 'max_node_count', 'labels', 'version',
                     'node_labels', 'node_taints', 'docker_volume_size')
CREATING = pending.CREATING
UPDATING = pending.UPDATING
DELETING = pending.DELETING


def _details_key(request, cluster_id):
    return 'magnum_ui:nodegroup-details:%s:%s:%s' % (
        request.user.services_region, request.user.project_id, cluster_id)


def _remember_details(request, cluster_id, groups, cluster_tag):
    known = cache.get(_details_key(request, cluster_id)) or {'groups': {}}
    known['cluster_tag'] = cluster_tag
    known['groups'].update({group.id: {name: getattr(group, name)
                                       for name in DETAIL_ATTRIBUTES}
                            for group in groups})
    cache.set(_details_key(request, cluster_id), known, DETAILS_SECONDS)


def _fill_details(request, cluster_id, groups):
    """``groups`` with the remembered details; the cluster's version."""
    known = cache.get(_details_key(request, cluster_id)) or {'groups': {}}
    for group in groups:
        for name, value in (known['groups'].get(group.id) or {}).items():
            # The wrapper reads its attributes from the client's resource.
            setattr(group._apiresource, name, value)
    return groups, known.get('cluster_tag')


def remember(request, cluster_id, group, status, **placeholder):
    """Show ``group`` (its id, or the group as it was) as ``status``."""
    group_id = getattr(group, 'id', group)
    pending.remember(request, group_id, status,
                     cluster=None if group is group_id else group,
                     kind=pending.NODEGROUPS, scope=cluster_id,
                     **placeholder)


def _shown(request, cluster_id, groups, wanted_ids=None):
    return pending.apply(request, groups, wanted_ids=wanted_ids,
                         kind=pending.NODEGROUPS, scope=cluster_id)


def page_nodegroups(request, cluster_id, cluster_tag):
    """Every group with all its attributes, described (see ``describe``)
    against the cluster's Kubernetes version; raises what Magnum does.
    """
    groups = magnum.nodegroup_list(request, cluster_id)
    _remember_details(request, cluster_id, groups, cluster_tag)
    return describe(request, _shown(request, cluster_id, groups),
                    cluster_tag)


def row_nodegroups(request, cluster_id, ids):
    """The groups ``ids`` from one list call, described; raises what
    Magnum does.
    """
    groups, cluster_tag = _fill_details(
        request, cluster_id, magnum.nodegroup_list_brief(request, cluster_id))
    groups = _shown(request, cluster_id, groups, wanted_ids=ids)
    return describe(request, [g for g in groups if g.id in ids],
                    cluster_tag)


def describe(request, groups, cluster_tag=None):
    """Attach ``flavor_name`` (one Nova call per request) and ``drift``
    (another Kubernetes version than the cluster's) to each group.
    """
    behind = {group.id for group in upgrades.drifted(groups, cluster_tag)}
    flavor_names = names.flavor_names(request)
    for group in groups:
        group.flavor_name = flavor_names.get(group.flavor_id,
                                             group.flavor_id)
        group.drift = group.id in behind
    return groups
