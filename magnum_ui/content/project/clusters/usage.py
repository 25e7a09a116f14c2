"""The project's clusters and nodes against its cluster quota.

The clusters page shows the picture from a short per-project cache, so a
reload within USAGE_SECONDS costs no stats or quota call; accepted
creates and deletes forget it. When it is not cached the page does not
wait for it: it shows a placeholder and loads the picture (the usage view)
after it is shown.
"""

import logging

from django.core.cache import cache
from django.utils.translation import gettext_lazy as _
from magnumclient import exceptions as mc_exceptions

from magnum_ui.api import magnum
from magnum_ui.content.common import errors
from magnum_ui import exceptions as magnum_exceptions

LOG = logging.getLogger(__name__)
USAGE_SECONDS = 30


class Usage(object):
    """What the stats picture and the create wizard's quota check need."""

    def __init__(self, clusters, nodes, cluster_limit=None, error=None):
        self.clusters = clusters or 0
        self.nodes = nodes or 0
        # None: no quota known (Magnum answered 404 or has no quotas API).
        self.cluster_limit = cluster_limit
        self.error = error

    @property
    def has_limit(self):
        return self.cluster_limit is not None and self.cluster_limit >= 0

    @property
    def clusters_percent(self):
        if not self.has_limit:
            return 0
        if self.cluster_limit == 0:
            return 100
        return min(100, int(round(100.0 * self.clusters /
                                  self.cluster_limit)))

    @property
    def clusters_left(self):
        if not self.has_limit:
            return None
        return max(0, self.cluster_limit - self.clusters)

    def would_exceed(self, new_clusters=1):
        return self.has_limit and \
            self.clusters + new_clusters > self.cluster_limit


def cluster_limit(request, project_id):
    """The project's cluster hard limit; None for "no limit" or unknown.

    Magnum's 404 (no quota set) and 403 (quotas not readable here) mean no
    known limit; any other failure is raised.
    """
    if not magnum.supports(request, 'quotas'):
        return None
    try:
        return magnum.quota_get(request, project_id).hard_limit
    except magnum_exceptions.NOT_FOUND + (mc_exceptions.Forbidden,):
        return None


def _usage_key(request):
    return 'magnum_ui:usage:%s:%s' % (request.user.services_region,
                                      request.user.project_id)


def forget(request):
    """Drop the cached picture (the project's clusters just changed)."""
    cache.delete(_usage_key(request))


def cached_usage(request):
    """The cached picture, or None when it is not cached; asks nothing."""
    cached = cache.get(_usage_key(request))
    return cached[0] if cached is not None else None


def offered(request):
    """Whether Magnum may have stats, judged without any network call."""
    return magnum.supports_cached(request, 'stats')


def project_usage(request, fresh=False):
    """Usage of the current project, or None when Magnum has no stats.

    Cached for USAGE_SECONDS unless ``fresh``; a failure is not cached.
    """
    key = _usage_key(request)
    if not fresh:
        cached = cache.get(key)
        if cached is not None:
            return cached[0]
    usage = _project_usage(request)
    if usage is None or usage.error is None:
        cache.set(key, (usage,), USAGE_SECONDS)
    return usage


def _project_usage(request):
    try:
        if not magnum.supports(request, 'stats'):
            return None
        project_id = request.user.project_id
        stats = magnum.stats_get(request, project_id=project_id)
    except Exception as exc:
        return Usage(0, 0, error=_('Usage unavailable: %s')
                     % errors.reason(exc))
    try:
        limit = cluster_limit(request, project_id)
    except Exception as exc:
        LOG.info('Cluster quota of %s unavailable: %s', project_id, exc)
        return Usage(stats.clusters, stats.nodes,
                     error=_('Cluster quota unavailable: %s')
                     % errors.reason(exc))
    return Usage(stats.clusters, stats.nodes, limit)
