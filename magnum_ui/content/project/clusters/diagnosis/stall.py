"""Stall detection: a busy cluster on which nothing has changed for a while.

Pure functions over what Magnum and Heat already answered (their field
names and times); nothing is remembered between requests. What counts as a
change: a Heat resource or event of the cluster's stack when Heat was read,
else the cluster's and its nodegroups' Magnum records (``updated_at``).
"""

import dataclasses
import datetime
import typing

from django.conf import settings
from django.utils import dateparse
from django.utils import timesince
from django.utils import timezone
from django.utils.translation import ngettext

from magnum_ui import statuses

DEFAULT_STALL_SECONDS = 600


def stall_seconds():
    """Seconds without a change after which a busy cluster is stalled."""
    return int(getattr(settings, 'MAGNUM_UI_STALL_SECONDS',
                       DEFAULT_STALL_SECONDS))


def parse_time(text):
    """An aware datetime from Magnum's or Heat's ISO 8601 text, or None.

    Heat leaves the zone out of some times: they are UTC.
    """
    if not text:
        return None
    if isinstance(text, datetime.datetime):
        moment = text
    else:
        try:
            moment = dateparse.parse_datetime(str(text).strip())
        except ValueError:
            return None
    if moment is None:
        return None
    if timezone.is_naive(moment):
        moment = moment.replace(tzinfo=datetime.timezone.utc)
    return moment


def newest(times):
    """The latest of these times (text or datetime); None if none parse."""
    moments = [m for m in map(parse_time, times) if m is not None]
    return max(moments) if moments else None


@dataclasses.dataclass(frozen=True)
class Waiting:
    """Something still in progress, and since when (None: unknown)."""
    name: str
    since: typing.Optional[datetime.datetime] = None


@dataclasses.dataclass(frozen=True)
class Stall:
    since: datetime.datetime      # the last change seen
    seconds: int                  # how long ago that was
    waiting: tuple = ()           # Waiting items, oldest first
    source: str = 'magnum'        # 'heat' or 'magnum'

    @property
    def duration(self):
        """"12 minutes": how long nothing has changed, as detected."""
        if self.seconds < 120:
            return ngettext('%d second', '%d seconds',
                            self.seconds) % self.seconds
        return timesince.timesince(
            self.since, self.since + datetime.timedelta(seconds=self.seconds))


def detect(busy, changed_at, waiting=(), source='magnum', now=None,
           threshold=None):
    """A Stall when ``busy`` and ``changed_at`` is older than the threshold.

    ``waiting``: (name, since text or datetime) pairs still in progress.
    """
    changed_at = parse_time(changed_at)
    if not busy or changed_at is None:
        return None
    now = now or timezone.now()
    threshold = stall_seconds() if threshold is None else threshold
    age = (now - changed_at).total_seconds()
    if age < threshold:
        return None
    items = sorted((Waiting(str(name), parse_time(since))
                    for name, since in waiting),
                   key=lambda w: (w.since is None, w.since or now, w.name))
    return Stall(since=changed_at, seconds=int(age), waiting=tuple(items),
                 source=source)


def from_magnum(cluster, nodegroups=(), now=None, threshold=None):
    """Stall of a cluster judged from Magnum's records alone (no Heat).

    The last change is the newest ``updated_at``/``created_at`` of the
    cluster and its nodegroups; what waits is every busy nodegroup, else
    the cluster itself.
    """
    times = [cluster.updated_at, cluster.created_at]
    for group in nodegroups:
        times += [group.updated_at, group.created_at]
    busy_groups = [(group.name, group.updated_at or group.created_at)
                   for group in nodegroups
                   if statuses.is_in_progress(group.status)]
    waiting = busy_groups or [(cluster.status,
                               cluster.updated_at or cluster.created_at)]
    return detect(statuses.is_in_progress(cluster.status), newest(times),
                  waiting, 'magnum', now, threshold)


def heat_waiting(items):
    """(path, since) of the leaf resources Heat has in progress."""
    return [(item.display_path, item.updated) for item in items
            if item.is_leaf and item.status_class == 'in-progress']


def from_heat(cluster, items, event_times=(), now=None, threshold=None):
    """Stall of a cluster from its stack's resources (StackItems) and events.

    The last change is the newest of the resources' times, the events'
    times and the cluster's own ``updated_at``.
    """
    changed = newest([item.updated for item in items] + list(event_times) +
                     [cluster.updated_at, cluster.created_at])
    return detect(statuses.is_in_progress(cluster.status), changed,
                  heat_waiting(items), 'heat', now, threshold)


def from_row(cluster, summary, now=None, threshold=None):
    """Stall of a clusters-table row: from the row's Heat summary when the
    row has one (progress.loader, already fetched), else from Magnum's
    ``updated_at``. Costs no call. A status the dashboard shows for a
    request Magnum has not reported yet (``pending``) is no stall.
    """
    if getattr(cluster, 'is_pending', False):
        return None
    if summary is not None and getattr(summary, 'changed_at', None):
        changed = newest([summary.changed_at, cluster.updated_at,
                          cluster.created_at])
        return detect(cluster.is_busy, changed, summary.waiting, 'heat',
                      now, threshold)
    return from_magnum(cluster, (), now, threshold)
