"""Root cause of a failed cluster, and causes normalised for grouping.

Pure functions over a cluster (Magnum's fields), its nodegroups and the
Progress read from its Heat stack (progress.model): the first failing Heat
resource and its reason when Heat knows the failure (progress.model's
``find_failure`` already skips the echoes in parent stacks and the
siblings Heat cancelled), else what Magnum recorded: a failed nodegroup's
reason, the cluster's ``status_reason`` and ``faults``.
"""

import dataclasses
import re
import typing

from magnum_ui.content.project.clusters import health
from magnum_ui import statuses

ROW_REASON_LENGTH = 300


@dataclasses.dataclass(frozen=True)
class RootCause:
    reason: str
    resource: typing.Optional[str] = None   # Heat resource path or nodegroup
    source: str = 'magnum'                  # 'heat', 'nodegroup', 'magnum'
    details: tuple = ()                     # more (subject, message) pairs


def _action(status):
    return (status or '').split('_', 1)[0]


def from_progress(cluster, progress):
    """The failing Heat resource, when the stack failed the cluster's action.

    A stack that failed another action (a cluster whose delete Magnum
    refused keeps a stack that failed its create) is not this failure.
    """
    if progress is None or not progress.available or \
            progress.failed_resource is None:
        return None
    if _action(progress.stack_status) != _action(cluster.status):
        return None
    return RootCause(
        reason=progress.failure_reason or progress.stack_status_reason or '',
        resource=progress.failed_resource.display_path, source='heat')


def from_magnum(cluster, nodegroups=()):
    """From Magnum's own fields: a failed nodegroup's reason first (it
    names the part that failed), then ``status_reason``; faults as details.
    """
    faults = tuple(sorted((str(k), str(v))
                          for k, v in (cluster.faults or {}).items()))
    groups = [(group.name, group.status_reason) for group in nodegroups
              if statuses.is_failed(group.status) and group.status_reason]
    if groups:
        (name, reason), others = groups[0], tuple(groups[1:])
        return RootCause(reason=reason, resource=name, source='nodegroup',
                         details=others + faults)
    if cluster.status_reason:
        return RootCause(reason=cluster.status_reason, details=faults)
    if faults:
        return RootCause(reason=faults[0][1], resource=faults[0][0],
                         details=faults[1:])
    return None


def root_cause(cluster, progress=None, nodegroups=()):
    """The RootCause of a failed cluster; None when it has not failed."""
    if not statuses.is_failed(cluster.status):
        return None
    return from_progress(cluster, progress) or \
        from_magnum(cluster, nodegroups)


def row_reason(cluster):
    """Why a failed cluster failed, from its list entry alone (no call):
    its ``status_reason``, else its faults; '' if Magnum gave none.
    """
    if not statuses.is_failed(cluster.status):
        return ''
    text = cluster.status_reason or '; '.join(
        '%s: %s' % item for item in sorted((cluster.faults or {}).items()))
    text = ' '.join(str(text or '').split())
    if len(text) > ROW_REASON_LENGTH:
        text = text[:ROW_REASON_LENGTH - 1] + '\u2026'
    return text


def health_cause(reason):
    """The failing health checks without node names, e.g.
    "api: some nodes are not ready; ready: false" (the condition of a
    "<node>.<condition>" check, the check's name otherwise).
    """
    if not isinstance(reason, dict):
        return ''
    failing = {'%s: %s' % (str(key).rsplit('.', 1)[-1], value)
               for key, value in reason.items() if not health.is_good(value)}
    return '; '.join(sorted(failing))


_UUID = re.compile(r'[0-9a-f]{8}(-?[0-9a-f]{4}){3}-?[0-9a-f]{12}', re.I)
_HEX = re.compile(r'\b[0-9a-f]*[0-9][0-9a-f]*[a-f][0-9a-f]*\b|'
                  r'\b[0-9a-f]*[a-f][0-9a-f]*[0-9][0-9a-f]*\b', re.I)
_ADDRESS = re.compile(r'\b\d{1,3}(\.\d{1,3}){3}(:\d+)?\b')
_NUMBER = re.compile(r'\d+')
_QUOTED = re.compile(r'"[^"]*"|\'[^\']*\'')


def normalise(reason, names=()):
    """A grouping key for a failure reason: the same cause in two clusters
    gives the same key. Their names (and what is named after them, such
    as stacks and nodes), ids, addresses, numbers and quoted values are
    replaced by placeholders; case and spacing do not count.
    """
    text = ' '.join(str(reason or '').split())
    for name in sorted(filter(None, names), key=len, reverse=True):
        text = re.sub(re.escape(name) + r'(-[0-9A-Za-z]+)*', '<name>', text)
    text = _QUOTED.sub('<value>', text)
    text = _UUID.sub('<id>', text)
    text = _ADDRESS.sub('<address>', text)
    text = _HEX.sub('<id>', text)
    text = _NUMBER.sub('N', text)
    return text.lower()
