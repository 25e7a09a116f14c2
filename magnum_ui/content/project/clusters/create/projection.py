"""The create wizard's quota projection: its table, preview and check.

The wizard's values (cleaned, or raw as a preview posts them) are turned
into a cluster's demand with ``quota_projection``. The templates' sizes
(flavors, floating IPs, load balancer, labels) are kept in the cache with
the projection's other inputs, so a preview asks no service.
"""

from django.core.cache import cache

from magnum_ui.content.common import choices
from magnum_ui.content.common import labels as labels_text
from magnum_ui.content.project.clusters import quota_projection

TEMPLATE_SIZES = ('flavor_id', 'master_flavor_id', 'floating_ip_enabled',
                  'master_lb_enabled', 'labels')
SWITCHES = {'true': True, 'false': False}
# The wizard's fields a projection reads.
FIELDS = ('cluster_template_id', 'master_count', 'node_count',
          'master_flavor_id', 'flavor_id', 'floating_ip_enabled',
          'master_lb_enabled', 'labels')


def _key(request):
    return 'magnum_ui:create-template-sizes:%s:%s' % (
        request.user.services_region, request.user.project_id)


def _template_sizes(request, cached):
    sizes = cache.get(_key(request)) if cached else None
    if sizes is None:
        sizes = {uuid: {name: getattr(template, name) for name in
                        TEMPLATE_SIZES}
                 for uuid, template in choices.templates_by_id(
                     request).items()}
        cache.set(_key(request), sizes, quota_projection.PREVIEW_SECONDS)
    return sizes


def _switch(value):
    if isinstance(value, str):
        return SWITCHES.get(value.strip().lower())
    return value


def _count(value, default):
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def wizard_projection(request, values, cached=False):
    """The projection of the wizard's ``values`` (Magnum attribute names);
    ``cached``: from the inputs the page was rendered with (previews).
    """
    found = (quota_projection.cached_inputs(request) if cached
             else quota_projection.inputs(request))
    template = _template_sizes(request, cached).get(
        values.get('cluster_template_id')) or {}
    labels = values.get('labels')
    if not isinstance(labels, dict):
        labels = labels_text.valid_labels(labels or '')
    demand = quota_projection.cluster_demand(
        found, template,
        master_count=_count(values.get('master_count'), 1),
        node_count=_count(values.get('node_count'), 1),
        master_flavor_id=values.get('master_flavor_id'),
        flavor_id=values.get('flavor_id'),
        floating_ip_enabled=_switch(values.get('floating_ip_enabled')),
        master_lb_enabled=_switch(values.get('master_lb_enabled')),
        labels=labels)
    return quota_projection.project(found, demand)
