"""The "done/total" text shown beside a busy cluster's status.

The numbers come from ``magnum_ui.api.progress.cluster_progress_summary``
(written by the Progress work). Until that module exists, or when it cannot
answer, the status is shown without a count.
"""

import logging

LOG = logging.getLogger(__name__)


def _summary_function():
    try:
        from magnum_ui.api import progress
    except ImportError:
        return None
    return getattr(progress, 'cluster_progress_summary', None)


def progress_summary(request, cluster):
    """(done, total) for a busy cluster, else None. Never raises."""
    if not getattr(cluster, 'is_busy', False):
        return None
    summarize = _summary_function()
    if summarize is None:
        return None
    try:
        summary = summarize(request, cluster)
    except Exception:
        LOG.info('No progress summary for cluster %s', cluster.id,
                 exc_info=True)
        return None
    if not summary:
        return None
    done, total = summary
    if not total:
        return None
    return done, total
