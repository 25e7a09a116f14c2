"""What the user just asked of a cluster, shown until Magnum shows it.

Magnum accepts a create, resize, upgrade or delete before its conductor
writes the new status (a new cluster is even missing from the list for a
moment). Rather than wait for that in the request, the accepted request is
kept in the user's session for a short while: the clusters list and its row
refresh show the cluster busy from it until Magnum reports a change of its
own, and the batched refresh then follows Magnum.

The session is shared by every Horizon worker, so this holds behind a
balancer; entries are few and small because sessions may be cookies.
"""

import collections
import time
import types

from django.conf import settings

from magnum_ui.api import wrappers
from magnum_ui import statuses

SESSION_KEY = 'magnum_ui_pending_clusters'
DEFAULT_SECONDS = 60
MAX_ENTRIES = 10
CREATING = 'CREATE_IN_PROGRESS'
UPDATING = 'UPDATE_IN_PROGRESS'
DELETING = 'DELETE_IN_PROGRESS'
# What a placeholder row of a cluster Magnum does not list yet shows.
PLACEHOLDER_FIELDS = ('name', 'cluster_template_id', 'keypair',
                      'master_count', 'node_count')
# What is pending: where it is kept, how a placeholder is wrapped, and
# which fields it shows.
Kind = collections.namedtuple('Kind', 'session_key wrapper fields')
CLUSTERS = Kind(SESSION_KEY, wrappers.Cluster, PLACEHOLDER_FIELDS)
NODEGROUPS = Kind('magnum_ui_pending_nodegroups', wrappers.Nodegroup,
                  ('name', 'role', 'node_count', 'min_node_count',
                   'max_node_count', 'flavor_id'))


def lifetime():
    return getattr(settings, 'MAGNUM_UI_PENDING_SECONDS', DEFAULT_SECONDS)


def _entries(request, kind=CLUSTERS):
    return dict(request.session.get(kind.session_key) or {})


def _save(request, entries, kind=CLUSTERS):
    if entries:
        newest = sorted(entries.items(), key=lambda item: -item[1]['until'])
        request.session[kind.session_key] = dict(newest[:MAX_ENTRIES])
    elif kind.session_key in request.session:
        del request.session[kind.session_key]


def remember(request, cluster_id, status, cluster=None, kind=CLUSTERS,
             scope=None, **placeholder):
    """Show ``cluster_id`` as ``status`` until Magnum reports otherwise.

    ``cluster`` is the cluster (or nodegroup, for kind NODEGROUPS) as it
    was before the request (its ``updated_at`` tells when Magnum has moved
    on); ``placeholder`` holds the kind's fields for one Magnum does not
    list yet; ``scope`` (a nodegroup's cluster) limits where it shows.
    """
    entries = _entries(request, kind)
    entry = {'status': status, 'until': time.time() + lifetime(),
             'since': getattr(cluster, 'updated_at', None)}
    fields = {key: value for key, value in placeholder.items()
              if key in kind.fields and value not in (None, '')}
    if fields:
        entry['fields'] = fields
    if scope:
        entry['scope'] = scope
    entries[cluster_id] = entry
    _save(request, entries, kind)


def _placeholder(request, cluster_id, entry, kind):
    values = dict(entry.get('fields') or {}, uuid=cluster_id,
                  status=entry['status'],
                  project_id=request.user.project_id)
    return kind.wrapper(types.SimpleNamespace(**values))


def _superseded(cluster, entry):
    """Magnum shows the request (busy) or has moved past it already.

    A brief nodegroup list has no ``updated_at``: its status tells then.
    """
    updated_at = getattr(cluster, 'updated_at', None)
    return (statuses.is_in_progress(cluster.status) or
            (updated_at is not None and updated_at != entry.get('since')))


def apply(request, clusters, wanted_ids=None, partial=False, kind=CLUSTERS,
          scope=None):
    """``clusters`` with the pending requests shown on them.

    A listed cluster Magnum has not yet marked takes the pending status;
    a pending create Magnum does not list yet gets a placeholder (only
    when its id is in ``wanted_ids``, if given). Entries Magnum has caught
    up with, or that are too old, are forgotten; when ``clusters`` is one
    page only (``partial``), entries of clusters not on it are kept, as
    are entries of another ``scope``.
    """
    entries = _entries(request, kind)
    if not entries:
        return clusters
    now = time.time()
    kept = {}
    listed = {cluster.id: cluster for cluster in clusters}
    result = list(clusters)
    for cluster_id, entry in entries.items():
        if entry['until'] < now:
            continue
        if entry.get('scope') != scope:
            kept[cluster_id] = entry
            continue
        cluster = listed.get(cluster_id)
        if cluster is None:
            if entry['status'] == CREATING:
                kept[cluster_id] = entry
                if wanted_ids is None or cluster_id in wanted_ids:
                    result.append(_placeholder(request, cluster_id, entry,
                                               kind))
            elif partial:
                kept[cluster_id] = entry
            continue
        if _superseded(cluster, entry):
            continue
        cluster.status = entry['status']
        # Busy since the request, not since Magnum's last change: no stall.
        cluster.is_pending = True
        kept[cluster_id] = entry
    if kept != entries:
        _save(request, kept, kind)
    return result
