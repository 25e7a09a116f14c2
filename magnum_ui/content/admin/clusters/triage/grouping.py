"""Every project's clusters in trouble, grouped by normalised cause.

Pure functions over Magnum's cluster list (with ``project_name`` set):
failed clusters by their status and reason, busy clusters whose record has
not changed for the stall time (judged from Magnum alone: no Heat call per
cluster), and unhealthy clusters by their failing health checks.
"""

import dataclasses
import hashlib

from django.utils.translation import gettext_lazy as _

from magnum_ui.content.project.clusters.diagnosis import cause
from magnum_ui.content.project.clusters.diagnosis import stall
from magnum_ui import statuses

FAILED = 'failed'
STALLED = 'stalled'
UNHEALTHY = 'unhealthy'
KINDS = ((FAILED, _('Failed')), (STALLED, _('Stalled')),
         (UNHEALTHY, _('Unhealthy')))
_ORDER = {kind: index for index, (kind, _name) in enumerate(KINDS)}


@dataclasses.dataclass
class Group:
    kind: str
    status: str
    cause: str          # the cause as the first cluster of the group says
    key: str            # the normalised cause
    clusters: list = dataclasses.field(default_factory=list)

    @property
    def id(self):
        text = '%s|%s|%s' % (self.kind, self.status, self.key)
        return hashlib.sha256(text.encode()).hexdigest()[:16]

    @property
    def count(self):
        return len(self.clusters)

    @property
    def projects(self):
        return sorted({str(getattr(c, 'project_name', None) or
                           c.project_id or '-') for c in self.clusters})


def problem(cluster, now=None, threshold=None):
    """(kind, status, cause text) of a cluster in trouble, else None.

    A failed cluster is listed as failed only (its failure explains its
    health).
    """
    if statuses.is_failed(cluster.status):
        return (FAILED, cluster.status, cause.row_reason(cluster) or
                str(_('Magnum recorded no reason.')))
    threshold = stall.stall_seconds() if threshold is None else threshold
    if stall.from_magnum(cluster, (), now, threshold) is not None:
        return (STALLED, cluster.status, str(
            _('No change recorded for %d seconds or more') % threshold))
    if cluster.health_status == 'UNHEALTHY':
        return (UNHEALTHY, cluster.health_status,
                cause.health_cause(cluster.health_status_reason) or
                str(_('Magnum recorded no reason.')))
    return None


def triage(clusters, now=None, threshold=None):
    """Groups of clusters in trouble: by kind, then most clusters first."""
    groups = {}
    for cluster in clusters:
        found = problem(cluster, now, threshold)
        if found is None:
            continue
        kind, status, text = found
        key = cause.normalise(text, [cluster.name])
        group = groups.setdefault((kind, status, key),
                                  Group(kind, status, text, key))
        group.clusters.append(cluster)
    return sorted(groups.values(), key=lambda g: (
        _ORDER[g.kind], -g.count, g.status, g.key))
