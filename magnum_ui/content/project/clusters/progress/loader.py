"""Cluster progress from the cluster's Heat stack (see ``model``).

``get_progress`` (the Progress tab) fetches the stack, its resources and
events through ``magnum_ui.api.heat`` and never raises for a backend
answer: a cluster without a Heat stack, a user Heat refuses, or an answer
this code cannot read gets an explanation instead.
``cluster_progress_summary`` is the "done/total" of a cluster row, or None
when Heat cannot tell.
"""

import logging

from django.utils.translation import gettext_lazy as _

from horizon import exceptions as horizon_exceptions
from horizon.utils import memoized
from openstack import exceptions as sdk_exceptions

from magnum_ui.api import heat
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
        raw_resources = heat.stack_resources(request, stack['id'],
                                             nested_depth=NESTED_DEPTH)
        raw_events = heat.stack_events(request, stack['id'],
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
        return _unavailable(cluster, ERROR, message=str(exc))
    except Exception:
        return _unreadable(cluster)
    try:
        return build_progress(stack, raw_resources, raw_events, cluster)
    except Exception:
        return _unreadable(cluster)


@memoized.memoized
def _summary(request, stack_id, deleting):
    try:
        raw = heat.stack_resources(request, stack_id,
                                   nested_depth=NESTED_DEPTH)
        done, total = count_progress(index_resources(raw), deleting)
    except Exception as exc:
        # The row then shows its status without a count; the Progress tab
        # explains what Heat said.
        LOG.info('No progress for stack %s: %s', stack_id, exc)
        return None
    return (done, total) if total else None


def cluster_progress_summary(request, cluster):
    """(done, total) leaf resources of the cluster's stack, or None.

    One Heat call per cluster and request (memoized); never raises.
    """
    stack_id = cluster.stack_or_cluster_id
    if not stack_id:
        return None
    deleting = (cluster.status or '').startswith('DELETE')
    return _summary(request, stack_id, deleting)
