"""The one place for Magnum's statuses and their display names."""

from django.utils.translation import pgettext_lazy

IN_PROGRESS_SUFFIX = '_IN_PROGRESS'
COMPLETE_SUFFIX = '_COMPLETE'
FAILED_SUFFIX = '_FAILED'
DELETE_COMPLETE = 'DELETE_COMPLETE'

CLUSTER_STATUS_DISPLAY = (
    ('CREATE_IN_PROGRESS', pgettext_lazy('Cluster status', 'Creating')),
    ('CREATE_COMPLETE', pgettext_lazy('Cluster status', 'Active')),
    ('CREATE_FAILED', pgettext_lazy('Cluster status', 'Create failed')),
    ('UPDATE_IN_PROGRESS', pgettext_lazy('Cluster status', 'Updating')),
    ('UPDATE_COMPLETE', pgettext_lazy('Cluster status', 'Active (updated)')),
    ('UPDATE_FAILED', pgettext_lazy('Cluster status', 'Update failed')),
    ('DELETE_IN_PROGRESS', pgettext_lazy('Cluster status', 'Deleting')),
    ('DELETE_COMPLETE', pgettext_lazy('Cluster status', 'Deleted')),
    ('DELETE_FAILED', pgettext_lazy('Cluster status', 'Delete failed')),
    ('RESUME_COMPLETE', pgettext_lazy('Cluster status', 'Resumed')),
    ('RESUME_FAILED', pgettext_lazy('Cluster status', 'Resume failed')),
    ('RESTORE_COMPLETE', pgettext_lazy('Cluster status', 'Restored')),
    ('ROLLBACK_IN_PROGRESS', pgettext_lazy('Cluster status', 'Rolling back')),
    ('ROLLBACK_COMPLETE', pgettext_lazy('Cluster status', 'Rolled back')),
    ('ROLLBACK_FAILED', pgettext_lazy('Cluster status', 'Rollback failed')),
    ('SNAPSHOT_COMPLETE', pgettext_lazy('Cluster status', 'Snapshot taken')),
    ('CHECK_COMPLETE', pgettext_lazy('Cluster status', 'Checked')),
    ('ADOPT_COMPLETE', pgettext_lazy('Cluster status', 'Adopted')),
)

HEALTH_STATUS_DISPLAY = (
    ('HEALTHY', pgettext_lazy('Cluster health', 'Healthy')),
    ('UNHEALTHY', pgettext_lazy('Cluster health', 'Unhealthy')),
    ('UNKNOWN', pgettext_lazy('Cluster health', 'Unknown')),
)


def is_in_progress(status):
    return bool(status) and status.endswith(IN_PROGRESS_SUFFIX)


def is_complete(status):
    return bool(status) and status.endswith(COMPLETE_SUFFIX)


def is_failed(status):
    return bool(status) and status.endswith(FAILED_SUFFIX)


def outcome(status):
    """Horizon's row status: None while busy, True when done, else False.

    Horizon and the batched refresh keep polling a row whose status is
    None, so only a Magnum *_IN_PROGRESS status answers None: a missing or
    unknown status is shown as not done instead of being polled forever.
    DELETE_COMPLETE is busy too: Magnum removes the record right after
    writing it, and a row refreshed in between must be polled on until it
    is gone (404), not stay "Deleted" for good.
    """
    if is_in_progress(status) or status == DELETE_COMPLETE:
        return None
    return is_complete(status)
