"""The diagnosis at the top of a cluster's overview: root cause, stall,
recovery. Reads the cluster's Heat stack once per request (the Progress
loader); without a Heat stack, Magnum's nodegroups instead.
"""

import dataclasses
import logging
import typing

from openstack_dashboard import policy

from magnum_ui.api import magnum
from magnum_ui.content.project.clusters.diagnosis import cause
from magnum_ui.content.project.clusters.diagnosis import recovery
from magnum_ui.content.project.clusters.diagnosis import stall
from magnum_ui.content.project.clusters.progress import loader
from magnum_ui import statuses

LOG = logging.getLogger(__name__)
_NODEGROUPS = '_magnum_ui_cluster_nodegroups'


@dataclasses.dataclass
class Diagnosis:
    root_cause: typing.Optional[cause.RootCause] = None
    stall: typing.Any = None              # a stall.Stall
    recoveries: list = dataclasses.field(default_factory=list)
    # The Progress read from Heat (its state says why Heat told nothing).
    progress: typing.Any = None
    nodegroups_error: typing.Optional[str] = None

    @property
    def from_heat(self):
        return bool(self.progress is not None and self.progress.available)

    def __bool__(self):
        return bool(self.root_cause or self.stall or self.recoveries)


def request_nodegroups(request, cluster):
    """(nodegroups, error text or None), asked once per request."""
    memo = request.__dict__.setdefault(_NODEGROUPS, {})
    if cluster.id not in memo:
        try:
            groups = (magnum.nodegroup_list(request, cluster.id)
                      if magnum.supports(request, 'nodegroups') else [])
            memo[cluster.id] = (groups, None)
        except Exception as exc:
            LOG.info('Nodegroups of %s unavailable: %s', cluster.id, exc)
            memo[cluster.id] = ([], magnum.error_message(exc))
    return memo[cluster.id]


def _allowed(request, item):
    return policy.check((('container-infra', recovery.RULES[item.kind]),),
                        request)


def diagnose(request, cluster):
    """The Diagnosis of a failed or busy cluster; an empty one (no call)
    for the others.
    """
    failed = statuses.is_failed(cluster.status)
    if not (failed or cluster.is_busy):
        return Diagnosis()
    result = Diagnosis(progress=loader.request_progress(request, cluster))
    groups = ()
    if not result.from_heat:
        # Without Heat (no stack, a Cluster API driver, Heat refusing):
        # Magnum's nodegroups say which part failed or is still busy.
        groups, result.nodegroups_error = request_nodegroups(request,
                                                             cluster)
    if failed:
        result.root_cause = cause.root_cause(cluster, result.progress,
                                             groups)
        result.recoveries = [item for item in recovery.recoveries(cluster)
                             if _allowed(request, item)]
    elif result.from_heat:
        result.stall = stall.from_heat(
            cluster, result.progress.resources,
            [event.time for event in result.progress.events])
    else:
        result.stall = stall.from_magnum(cluster, groups)
    return result
