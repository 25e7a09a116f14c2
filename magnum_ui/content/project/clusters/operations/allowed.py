"""Which cluster actions Magnum accepts in which status.

Taken from Magnum's conductor: it refuses an update, resize or upgrade of a
cluster unless it is in one of these statuses.
"""

STABLE_STATUSES = (
    'CREATE_COMPLETE', 'UPDATE_COMPLETE', 'RESUME_COMPLETE',
    'RESTORE_COMPLETE', 'ROLLBACK_COMPLETE', 'SNAPSHOT_COMPLETE',
    'CHECK_COMPLETE', 'ADOPT_COMPLETE')

# Magnum also resizes after a failed update (to fix the size that failed).
RESIZE_STATUSES = STABLE_STATUSES + ('UPDATE_FAILED',)
UPGRADE_STATUSES = STABLE_STATUSES


def can_resize(cluster):
    return cluster is not None and cluster.status in RESIZE_STATUSES


def can_upgrade(cluster):
    return cluster is not None and cluster.status in UPGRADE_STATUSES


def can_delete(cluster):
    return cluster is None or cluster.status != 'DELETE_IN_PROGRESS'
