"""The "done/total" text shown beside a busy cluster's status.

The numbers come from ``magnum_ui.content.project.clusters.progress.loader.cluster_progress_summary``;
when it cannot answer, the status is shown without a count.
"""

import logging

from magnum_ui.content.project.clusters.progress import loader as progress

LOG = logging.getLogger(__name__)


def progress_summary(request, cluster):
    """(done, total) for a busy cluster, else None. Never raises."""
    if not getattr(cluster, 'is_busy', False):
        return None
    try:
        summary = progress.cluster_progress_summary(request, cluster)
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
