"""A cluster's timeline: what Magnum and Heat recorded, in time order.

Pure functions over the cluster and its nodegroups (Magnum's fields) and
the stack's events (progress.model EventItems). Nothing is kept by the
dashboard: Magnum keeps only the times of the last change of each record
(and no history of health), Heat keeps an event per resource change.
"""

import dataclasses
import datetime
import typing

from django.utils.translation import gettext_lazy as _

from magnum_ui.content.project.clusters.diagnosis import cause
from magnum_ui.content.project.clusters.diagnosis import stall
from magnum_ui.content.project.clusters.progress import model as progress

# Who recorded an entry (the By column).
BY_MAGNUM = _('Magnum')
BY_HEAT = _('Heat')

MAGNUM = 'magnum'
NODEGROUP = 'nodegroup'
HEAT = 'heat'
# Same time: Magnum's records before the Heat events they led to.
_ORDER = {MAGNUM: 0, NODEGROUP: 1, HEAT: 2}


@dataclasses.dataclass(frozen=True)
class Entry:
    time: typing.Optional[datetime.datetime]
    source: str
    subject: str
    status: str = ''
    text: str = ''
    actor: str = ''

    @property
    def status_class(self):
        return progress.status_class(self.status) if self.status else ''


def _entry(time, source, subject, status='', text='', actor=''):
    moment = stall.parse_time(time)
    if moment is None:
        return None
    return Entry(moment, source, str(subject), status or '',
                 str(text or ''), str(actor or ''))


def cluster_entries(cluster):
    name = cluster.name or cluster.id
    entries = [_entry(cluster.created_at, MAGNUM, name, '',
                      _('Cluster created'),
                      _('user %s') % cluster.user_id
                      if cluster.user_id else '')]
    changed = cluster.updated_at or cluster.created_at
    entries.append(_entry(changed, MAGNUM, name, cluster.status,
                          cluster.status_reason or _('Last change of the '
                                                     'cluster record'),
                          BY_MAGNUM))
    if cluster.health_status:
        health = cause.health_cause(cluster.health_status_reason)
        entries.append(_entry(
            changed, MAGNUM, name, '',
            _('Health %(status)s%(why)s') % {
                'status': cluster.health_status,
                'why': ': %s' % health if health else ''}, BY_MAGNUM))
    for where, message in sorted((cluster.faults or {}).items()):
        entries.append(_entry(changed, MAGNUM, where, '',
                              _('Fault: %s') % message, BY_MAGNUM))
    return entries


def nodegroup_entries(group):
    entries = [_entry(group.created_at, NODEGROUP, group.name, '',
                      _('Nodegroup created (%(role)s, %(count)s nodes)') % {
                          'role': group.role or '-',
                          'count': group.node_count}, BY_MAGNUM)]
    if group.updated_at or group.status:
        entries.append(_entry(group.updated_at or group.created_at,
                              NODEGROUP, group.name, group.status,
                              group.status_reason or '', BY_MAGNUM))
    return entries


def event_entries(events):
    return [_entry(event.time, HEAT, event.resource, event.status,
                   event.reason, BY_HEAT) for event in events]


def build(cluster, nodegroups=(), events=()):
    """Entries oldest first; the ones without a time are left out."""
    entries = cluster_entries(cluster)
    for group in nodegroups:
        entries += nodegroup_entries(group)
    entries += event_entries(events)
    entries = [entry for entry in entries if entry is not None]
    # Heat's events arrive newest first; equal times keep their order
    # reversed, i.e. as they happened.
    indexed = list(enumerate(entries))
    indexed.sort(key=lambda pair: (
        pair[1].time, _ORDER[pair[1].source],
        -pair[0] if pair[1].source == HEAT else pair[0]))
    return [entry for _index, entry in indexed]
