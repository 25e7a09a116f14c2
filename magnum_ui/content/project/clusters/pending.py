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


def lifetime():
    return getattr(settings, 'MAGNUM_UI_PENDING_SECONDS', DEFAULT_SECONDS)


def _entries(request):
    return dict(request.session.get(SESSION_KEY) or {})


def _save(request, entries):
    if entries:
        newest = sorted(entries.items(), key=lambda item: -item[1]['until'])
        request.session[SESSION_KEY] = dict(newest[:MAX_ENTRIES])
    elif SESSION_KEY in request.session:
        del request.session[SESSION_KEY]


def remember(request, cluster_id, status, cluster=None, **placeholder):
    """Show ``cluster_id`` as ``status`` until Magnum reports otherwise.

    ``cluster`` is the cluster as it was before the request (its
    ``updated_at`` tells when Magnum has moved on); ``placeholder`` holds
    PLACEHOLDER_FIELDS for a cluster Magnum does not list yet.
    """
    entries = _entries(request)
    entry = {'status': status, 'until': time.time() + lifetime(),
             'since': getattr(cluster, 'updated_at', None)}
    fields = {key: value for key, value in placeholder.items()
              if key in PLACEHOLDER_FIELDS and value not in (None, '')}
    if fields:
        entry['fields'] = fields
    entries[cluster_id] = entry
    _save(request, entries)


def _placeholder(request, cluster_id, entry):
    values = dict(entry.get('fields') or {}, uuid=cluster_id,
                  status=entry['status'],
                  project_id=request.user.project_id)
    return wrappers.Cluster(types.SimpleNamespace(**values))


def _superseded(cluster, entry):
    """Magnum shows the request (busy) or has moved past it already."""
    return (statuses.is_in_progress(cluster.status) or
            cluster.updated_at != entry.get('since'))


def apply(request, clusters, wanted_ids=None, partial=False):
    """``clusters`` with the pending requests shown on them.

    A listed cluster Magnum has not yet marked takes the pending status;
    a pending create Magnum does not list yet gets a placeholder (only
    when its id is in ``wanted_ids``, if given). Entries Magnum has caught
    up with, or that are too old, are forgotten; when ``clusters`` is one
    page only (``partial``), entries of clusters not on it are kept.
    """
    entries = _entries(request)
    if not entries:
        return clusters
    now = time.time()
    kept = {}
    listed = {cluster.id: cluster for cluster in clusters}
    result = list(clusters)
    for cluster_id, entry in entries.items():
        if entry['until'] < now:
            continue
        cluster = listed.get(cluster_id)
        if cluster is None:
            if entry['status'] == CREATING:
                kept[cluster_id] = entry
                if wanted_ids is None or cluster_id in wanted_ids:
                    result.append(_placeholder(request, cluster_id, entry))
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
        _save(request, kept)
    return result
