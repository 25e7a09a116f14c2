"""Cluster template names by id, for the template column of cluster rows.

The full page lists templates anyway; the batched row refresh reuses that
list through a short-lived cache so that a refresh costs a single Magnum
call (the cluster list) in the usual case.
"""

from django.core.cache import cache

from magnum_ui.api import magnum

CACHE_SECONDS = 60


def _cache_key(request):
    return 'magnum_ui:template-names:%s:%s' % (
        request.user.services_region, request.user.project_id)


def fetch(request):
    """List templates now and remember their names; {} when Magnum fails."""
    try:
        templates = magnum.cluster_template_list(request)
    except Exception:
        return {}
    names = {t.uuid: t.name for t in templates}
    cache.set(_cache_key(request), names, CACHE_SECONDS)
    return names


def names_for(request, template_ids):
    """Names for these template ids, listing again only for unknown ids."""
    names = cache.get(_cache_key(request)) or {}
    if any(tid and tid not in names for tid in template_ids):
        names = fetch(request) or names
    return names
