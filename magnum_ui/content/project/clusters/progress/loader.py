"""Cluster progress from the cluster's Heat stack (see ``model``).

``get_progress`` (the Progress tab) fetches the stack, its resources and
events through ``magnum_ui.api.heat`` and never raises for a backend
answer: a cluster without a Heat stack, a user Heat refuses, or an answer
this code cannot read gets an explanation instead.
``cluster_progress_summary`` is the "done/total" of a cluster row (with
the stack's last change and what is in progress, for stall detection), or
None when Heat cannot tell (or this request may ask Heat no more).
``request_progress`` is ``get_progress`` once per request and cluster.
"""

import collections
import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from horizon import exceptions as horizon_exceptions
from openstack import exceptions as sdk_exceptions

from magnum_ui.api import heat
from magnum_ui.content.common import errors
from magnum_ui.content.project.clusters.diagnosis import stall
from magnum_ui.content.project.clusters.progress.model import build_progress
from magnum_ui.content.project.clusters.progress.model import count_progress
from magnum_ui.content.project.clusters.progress.model import ERROR
from magnum_ui.content.project.clusters.progress.model import EVENT_LIMIT
from magnum_ui.content.project.clusters.progress.model import FORBIDDEN
from magnum_ui.content.project.clusters.progress.model import index_resources
from magnum_ui.content.project.clusters.progress.model import NESTED_DEPTH
from magnum_ui.content.project.clusters.progress.model import NO_STACK
from magnum_ui.content.project.clusters.progress.model import NOT_HEAT
from magnum_ui.content.project.clusters.progress.model import Progress
from magnum_ui import exceptions as magnum_ui_exceptions

LOG = logging.getLogger(__name__)


def _is_forbidden(exc):
    return (isinstance(exc, sdk_exceptions.ForbiddenException) or
            getattr(exc, 'status_code', None) == 403)


def _unavailable(cluster, state, message=None):
    return Progress(
        state=state,
        busy=bool(cluster.is_busy) and state in (NO_STACK, NOT_HEAT, ERROR),
        cluster_status=cluster.status,
        cluster_status_reason=cluster.status_reason,
        stack_id=cluster.stack_or_cluster_id, message=message)


def _unreadable(cluster):
    """The ERROR state for an answer of Heat this code did not expect."""
    LOG.warning('Unreadable Heat stack %s of cluster %s',
                cluster.stack_or_cluster_id, cluster.id, exc_info=True)
    return _unavailable(cluster, ERROR, message=_(
        "Heat's answer about the stack could not be read."))


def get_progress(request, cluster):
    """The cluster's Progress; never raises for a backend answer."""
    stack_id = cluster.stack_or_cluster_id
    if not stack_id:
        return _unavailable(cluster, NO_STACK)
    try:
        stack = heat.stack_get(request, stack_id)
        # name/id is Heat's canonical path: no redirect, half the requests
        identity = heat.stack_identity(stack)
        raw_resources = heat.stack_resources(request, identity,
                                             nested_depth=NESTED_DEPTH)
        raw_events = heat.stack_events(request, identity,
                                       nested_depth=NESTED_DEPTH,
                                       limit=EVENT_LIMIT)
    except sdk_exceptions.NotFoundException:
        return _unavailable(cluster, NOT_HEAT)
    except horizon_exceptions.ServiceCatalogException:
        return _unavailable(cluster, NOT_HEAT)
    except magnum_ui_exceptions.RECOVERABLE as exc:
        if _is_forbidden(exc):
            return _unavailable(cluster, FORBIDDEN)
        LOG.info('Heat stack %s of cluster %s: %s', stack_id, cluster.id, exc)
        # Heat's own words: openstacksdk's str() starts with its lookup
        # message ("No Stack found for <id>") whatever Heat answered.
        return _unavailable(cluster, ERROR, message=errors.reason(exc))
    except Exception:
        return _unreadable(cluster)
    try:
        return build_progress(stack, raw_resources, raw_events, cluster)
    except Exception:
        return _unreadable(cluster)


_PROGRESS = '_magnum_ui_cluster_progress'


def request_progress(request, cluster):
    """``get_progress``, asked once per request and cluster (the overview's
    diagnosis and the Timeline tab read the same stack).
    """
    memo = request.__dict__.setdefault(_PROGRESS, {})
    if cluster.id not in memo:
        memo[cluster.id] = get_progress(request, cluster)
    return memo[cluster.id]


# (done, total) leaves, the newest time of a resource (datetime) and the
# (path, since) of the leaves in progress.
Summary = collections.namedtuple('Summary',
                                 ['done', 'total', 'changed_at', 'waiting'],
                                 defaults=(None, ()))


# Row summaries: cached per stack for a few seconds (a failure or a stack
# without resources yet for less), and at most MAGNUM_UI_PROGRESS_PER_REQUEST
# stacks asked per request, those asked least recently first, so a page or
# row refresh makes O(1) Heat calls however many rows are busy; the others
# show their status without a count until a later refresh picks them.
SUMMARY_SECONDS = 10
NO_SUMMARY_SECONDS = 2
ASKED_SECONDS = 300
DEFAULT_PER_REQUEST = 3
_STATE = '_magnum_ui_progress'


def per_request():
    return getattr(settings, 'MAGNUM_UI_PROGRESS_PER_REQUEST',
                   DEFAULT_PER_REQUEST)


def _state(request):
    state = getattr(request, _STATE, None)
    if state is None:
        state = {'left': per_request(), 'chosen': None, 'memo': {}}
        setattr(request, _STATE, state)
    return state


def _target(cluster):
    """(summary cache key, asked cache key, stack id, deleting), or None."""
    stack_id = cluster.stack_or_cluster_id
    if not stack_id:
        return None
    deleting = (cluster.status or '').startswith('DELETE')
    return ('magnum_ui:progress:%s:%d' % (stack_id, deleting),
            'magnum_ui:progress-asked:%s' % stack_id, stack_id, deleting)


def choose(request, clusters):
    """Pick the busy clusters this request may ask Heat about.

    Those without a cached summary, least recently asked first, up to the
    request's budget; one cache round trip, no Heat call.
    """
    targets = [t for t in map(_target, clusters) if t]
    known = cache.get_many([key for target in targets for key in target[:2]])
    missing = [t for t in targets if t[0] not in known]
    missing.sort(key=lambda target: known.get(target[1], 0))
    _state(request)['chosen'] = {t[2] for t in missing[:per_request()]}


def _ask(request, stack_id, deleting):
    try:
        raw = heat.stack_resources(request, stack_id,
                                   nested_depth=NESTED_DEPTH)
        items = index_resources(raw)
        done, total = count_progress(items, deleting)
    except Exception as exc:
        # The row then shows its status without a count; the Progress tab
        # explains what Heat said.
        LOG.info('No progress for stack %s: %s', stack_id, exc)
        return None
    if not total:
        return None
    return Summary(done, total,
                   stall.newest(item.updated for item in items),
                   tuple(stall.heat_waiting(items)))


def cluster_progress_summary(request, cluster):
    """The Summary of the cluster's stack, or None.

    From the request's memo or the short cache; else Heat, if this request
    has budget left and ``choose`` (when called) picked the stack. Never
    raises.
    """
    target = _target(cluster)
    if target is None:
        return None
    key, asked_key, stack_id, deleting = target
    state = _state(request)
    if key in state['memo']:
        return state['memo'][key]
    cached = cache.get(key)
    if cached is not None:
        return cached[0]
    if state['left'] <= 0 or (state['chosen'] is not None and
                              stack_id not in state['chosen']):
        return None
    state['left'] -= 1
    summary = _ask(request, stack_id, deleting)
    cache.set(key, (summary,),
              SUMMARY_SECONDS if summary else NO_SUMMARY_SECONDS)
    cache.set(asked_key, time.time(), ASKED_SECONDS)
    state['memo'][key] = summary
    return summary
