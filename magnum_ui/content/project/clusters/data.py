"""Clusters as the project panel shows them.

Template names for the template column come from the template list the
full page makes anyway; the batched row refresh reuses that list through a
short-lived cache, so a refresh usually costs one Magnum call (the cluster
list).
"""

import logging

from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from magnum_ui.api import magnum
from magnum_ui.content.common import errors

LOG = logging.getLogger(__name__)
TEMPLATE_NAMES_SECONDS = 60


def project_clusters(request):
    """This project's clusters (Magnum lists every project's to admins)."""
    project_id = request.user.project_id
    return [c for c in magnum.cluster_list(request)
            if not c.project_id or c.project_id == project_id]


def get_cluster_or_redirect(request, cluster_id, redirect_url):
    """The cluster a page is about; else a message and a redirect."""
    try:
        return magnum.cluster_get(request, cluster_id)
    except Exception as exc:
        errors.handle(request, _('Unable to retrieve cluster %s.')
                      % cluster_id, exc, redirect=redirect_url)


def _template_names_key(request):
    return 'magnum_ui:template-names:%s:%s' % (
        request.user.services_region, request.user.project_id)


def fetch_template_names(request):
    """{template id: name}, listed now and cached; raises what Magnum does."""
    names = {t.uuid: t.name for t in magnum.cluster_template_list(request)}
    cache.set(_template_names_key(request), names, TEMPLATE_NAMES_SECONDS)
    return names


def cached_template_names(request, template_ids):
    """Names for these template ids, listing again only for unknown ids.

    For the row refresh, which has no page to show a message on: when
    Magnum fails, the names known so far (template ids show for others).
    """
    names = cache.get(_template_names_key(request)) or {}
    if any(tid and tid not in names for tid in template_ids):
        try:
            names = fetch_template_names(request)
        except Exception as exc:
            LOG.info('Cluster template names unavailable: %s', exc)
    return names


def name_templates(clusters, names):
    """Attach ``template_name`` to each cluster (for the template column)."""
    for cluster in clusters:
        cluster.template_name = names.get(cluster.cluster_template_id)
    return clusters
