"""Clusters as the project panel shows them.

The list is paged with Magnum's limit and marker (one page, one call).
Template names for the template column come from a short-lived cache and
are listed only when a shown template id is unknown or the cache expired,
so a reload or a row refresh usually costs one Magnum call (the cluster
list). The row refresh lists the page its rows are on, and every cluster
of the project only when a row is not on it.
"""

import logging

from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from openstack_dashboard.utils import settings as dashboard_settings

from magnum_ui.api import magnum
from magnum_ui.content.common import errors
from magnum_ui import exceptions as magnum_exceptions

LOG = logging.getLogger(__name__)
TEMPLATE_NAMES_SECONDS = 60


def _own(request, clusters):
    """This project's clusters (Magnum lists every project's to admins)."""
    project_id = request.user.project_id
    return [c for c in clusters
            if not c.project_id or c.project_id == project_id]


def project_clusters(request, **list_args):
    """This project's clusters; ``list_args`` as for cluster_list."""
    return _own(request, magnum.cluster_list(request, **list_args))


def every_project_cluster(request):
    """Every cluster of the project, however many pages Magnum has."""
    return project_clusters(request, limit=magnum.EVERY)


def clusters_page(request, page_size, marker=None, prev_marker=None):
    """(clusters, has_more, has_prev) of one page, from one list call.

    One cluster more than the page is asked for, to know whether a next
    page exists. Backwards (``prev_marker``) the page is listed in
    descending order from the marker and reversed, as Horizon's paged
    views do. An admin's page is filtered to the project afterwards, so it
    may show fewer rows than the page size.
    """
    if prev_marker:
        listed = magnum.cluster_list(request, limit=page_size + 1,
                                     marker=prev_marker, sort_dir='desc')
        has_prev = len(listed) > page_size
        listed = list(reversed(listed[:page_size]))
        has_more = True
    else:
        listed = magnum.cluster_list(request, limit=page_size + 1,
                                     marker=marker)
        has_more = len(listed) > page_size
        listed = listed[:page_size]
        has_prev = bool(marker)
    return _own(request, listed), has_more, has_prev


def clusters_for_rows(request, ids, marker=None, prev_marker=None):
    """(clusters, complete): where the row refresh finds the rows ``ids``.

    The page the rows were shown on (the index's markers), from one list
    call. Every cluster of the project (a second call) only when some id is
    not on it and Magnum has other pages: the name filter, or a new
    cluster's placeholder, shows rows of other pages; an id on none is
    gone. ``complete`` is False when the clusters are one page of several.
    A marker Magnum no longer knows (its cluster was deleted) means the
    page is gone: every cluster, then.
    """
    try:
        clusters, has_more, has_prev = clusters_page(
            request, dashboard_settings.get_page_size(request),
            marker=marker, prev_marker=prev_marker)
    except magnum_exceptions.NOT_FOUND:
        if not (marker or prev_marker):
            raise
        return every_project_cluster(request), True
    if not (has_more or has_prev):
        return clusters, True
    listed = {cluster.id for cluster in clusters}
    if all(cluster_id in listed for cluster_id in ids):
        return clusters, False
    return every_project_cluster(request), True


def filter_by_name(clusters, text):
    """Clusters whose name holds ``text`` (case-insensitive)."""
    text = text.strip().lower()
    return [c for c in clusters if text in (c.name or '').lower()]


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


def fetch_template_names(request, wanted_ids=()):
    """{template id: name}, listed now and cached; raises what Magnum does.

    Wanted ids Magnum does not list (a template this project cannot see)
    are remembered as None, so they do not cause a listing on every load.
    """
    names = {t.uuid: t.name for t in magnum.cluster_template_list(request)}
    names.update({tid: None for tid in wanted_ids
                  if tid and tid not in names})
    cache.set(_template_names_key(request), names, TEMPLATE_NAMES_SECONDS)
    return names


def known_template_names(request):
    """The cached names, without asking Magnum."""
    return cache.get(_template_names_key(request)) or {}


def template_names(request, template_ids):
    """Names for these template ids, listing only for unknown ids.

    Raises what Magnum does when it has to list.
    """
    template_ids = set(template_ids)
    names = known_template_names(request)
    if any(tid and tid not in names for tid in template_ids):
        names = fetch_template_names(request, template_ids)
    return names


def cached_template_names(request, template_ids):
    """Names for these template ids, listing again only for unknown ids.

    For the row refresh, which has no page to show a message on: when
    Magnum fails, the names known so far (template ids show for others).
    """
    try:
        return template_names(request, template_ids)
    except Exception as exc:
        LOG.info('Cluster template names unavailable: %s', exc)
        return known_template_names(request)


def name_templates(clusters, names):
    """Attach ``template_name`` to each cluster (for the template column)."""
    for cluster in clusters:
        cluster.template_name = names.get(cluster.cluster_template_id)
    return clusters
