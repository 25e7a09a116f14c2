"""What a create or resize would use, against the project's quotas.

For any form that adds clusters or nodes (cluster create, resize,
nodegroup create)::

    inputs = quota_projection.inputs(request)   # once per page render
    # (clusters=False: without Magnum's cluster quota, to add nodes)
    demand = quota_projection.cluster_demand(inputs, template, master_count=1,
                                             node_count=3, flavor_id=...)
    # or nodes_demand(inputs, flavor_id, count, floating_ips=True)
    projection = quota_projection.project(inputs, demand)
    projection.rows        # Row(resource, label, current, after, limit, fits)
    projection.blocking    # the rows that do not fit
    projection.message()   # '' or one sentence naming each blocking resource

``inputs`` asks Magnum (its cluster quota and stats), Nova (absolute
limits with usage, and flavors) and Neutron (floating IP quota details):
each once, with Horizon's own API modules, as Horizon's quota usage does
(openstack_dashboard/usage/quotas.py). A failed service leaves its rows
unknown and says why in ``inputs.errors``: nothing is blocked on a guess,
Magnum and Nova still judge the request. The inputs are kept in the cache
for INPUTS_SECONDS so that previews of changed counts or flavors
(``cached_inputs``) ask no service. That is short: Horizon's workers may
each have a cache of their own (a local memory cache), and a preview
answered by another worker must not show usage or limits older than that.

Demand follows Magnum's Kubernetes driver: one server per master and per
worker, each with a floating IP when floating IPs are enabled, and one
more floating IP for the API load balancer when it has one.
"""

import collections
import logging

from django.core.cache import cache
from django.utils.translation import gettext_lazy as _
from openstack_dashboard import api

from magnum_ui.content.common import errors
from magnum_ui.content.common import label_types
from magnum_ui.content.project.clusters import usage

LOG = logging.getLogger(__name__)
# What a page was shown with (a cluster's nodes, template sizes).
PREVIEW_SECONDS = 300
# Usage and limits, which change (see above).
INPUTS_SECONDS = 30

RESOURCES = (
    ('clusters', _('Clusters')),
    ('instances', _('Instances')),
    ('cores', _('VCPUs')),
    ('ram', _('RAM (MB)')),
    ('floating_ips', _('Floating IPs')),
)
NOVA_LIMITS = {'instances': ('totalInstancesUsed', 'maxTotalInstances'),
               'cores': ('totalCoresUsed', 'maxTotalCores'),
               'ram': ('totalRAMUsed', 'maxTotalRAMSize')}

Row = collections.namedtuple(
    'Row', 'resource label current after limit fits')


class Inputs(object):
    """Usage and limits by resource, flavors by id and name."""

    def __init__(self):
        self.used = {}      # resource -> int
        self.limits = {}    # resource -> int, or None for unlimited
        self.flavors = {}   # id or name -> (vcpus, ram)
        self.errors = []
        # usage.Usage of Magnum's clusters (or None without Magnum stats)
        self.magnum_usage = None

    def known(self, resource):
        return resource in self.used


def _limit(value):
    if value is None or value == float('inf') or value < 0:
        return None
    return int(value)


def _failed(found, text, exc):
    LOG.info('Quota projection: %s', exc)
    found.errors.append('%s %s' % (text, errors.reason(exc)))


def _load(request, clusters):
    found = Inputs()
    magnum_usage = found.magnum_usage = usage.project_usage(
        request, fresh=True) if clusters else None
    if magnum_usage is not None and magnum_usage.error is None:
        found.used['clusters'] = magnum_usage.clusters
        found.limits['clusters'] = (magnum_usage.cluster_limit
                                    if magnum_usage.has_limit else None)
    elif magnum_usage is not None:
        found.errors.append(str(magnum_usage.error))
    try:
        limits = api.nova.tenant_absolute_limits(request, reserved=True)
    except Exception as exc:
        _failed(found, _('Compute limits unavailable:'), exc)
    else:
        for resource, (used, limit) in NOVA_LIMITS.items():
            if limit in limits:
                found.used[resource] = int(limits.get(used) or 0)
                found.limits[resource] = _limit(limits[limit])
    try:
        detail = api.neutron.tenant_quota_detail_get(request).get(
            'floatingip')
    except Exception as exc:
        _failed(found, _('Floating IP quota unavailable:'), exc)
    else:
        if detail:  # none without Neutron's router extension
            found.used['floating_ips'] = int(detail.get('used') or 0) + \
                int(detail.get('reserved') or 0)
            found.limits['floating_ips'] = _limit(detail.get('limit'))
    try:
        flavors = api.nova.flavor_list(request)
    except Exception as exc:
        _failed(found, _('Flavors unavailable:'), exc)
    else:
        for flavor in flavors:
            size = (int(flavor.vcpus), int(flavor.ram))
            found.flavors[flavor.name] = size
            found.flavors[flavor.id] = size
    return found


def _cache_key(request, clusters):
    return 'magnum_ui:quota-inputs:%s:%s:%s' % (
        request.user.services_region, request.user.project_id,
        'clusters' if clusters else 'nodes')


def inputs(request, clusters=True):
    """The inputs, asked now (once per request) and kept for previews;
    ``clusters``: with Magnum's cluster quota (not needed to add nodes).
    """
    memo = request.__dict__.setdefault('_magnum_quota_inputs', {})
    if clusters not in memo:
        memo[clusters] = _load(request, clusters)
        cache.set(_cache_key(request, clusters), memo[clusters],
                  INPUTS_SECONDS)
    return memo[clusters]


def cached_inputs(request, clusters=True):
    """The inputs a page rendered a moment ago; asked again only when they
    expired (a preview then costs what the page did).
    """
    found = cache.get(_cache_key(request, clusters))
    return found if found is not None else inputs(request, clusters)


def _flavor_demand(found, flavor, count, demand):
    demand['instances'] = demand.get('instances', 0) + count
    size = found.flavors.get(flavor) if flavor else None
    if size is None and count:
        size = (None, None)  # a flavor Nova does not list: unknown
    for resource, amount in zip(('cores', 'ram'), size or (0, 0)):
        if amount is None or demand.get(resource, 0) is None:
            demand[resource] = None
        else:
            demand[resource] = demand.get(resource, 0) + amount * count


def nodes_demand(found, flavor, count, floating_ips=False):
    """{resource: amount} for ``count`` servers of ``flavor`` (id or name);
    negative counts (a shrink) need nothing.
    """
    count = max(0, count or 0)
    demand = {}
    _flavor_demand(found, flavor, count, demand)
    demand['floating_ips'] = count if floating_ips else 0
    return demand


def _pick(value, default):
    return default if value in (None, '') else value


def cluster_demand(found, template, master_count=1, node_count=1,
                   master_flavor_id=None, flavor_id=None,
                   floating_ip_enabled=None, master_lb_enabled=None,
                   labels=None):
    """{resource: amount} of a new cluster; empty values as ``template``
    (a dict of its attributes, or the template itself).
    """
    def default(name):
        if isinstance(template, dict):
            return template.get(name)
        return getattr(template, name, None)

    masters = max(0, master_count or 0)
    workers = max(0, node_count or 0)
    floating = bool(_pick(floating_ip_enabled, default('floating_ip_enabled')))
    balanced = bool(_pick(master_lb_enabled, default('master_lb_enabled')))
    merged = dict(default('labels') or {}, **(labels or {}))
    lb_ip = label_types.parse_bool(
        merged.get('master_lb_floating_ip_enabled'))
    demand = {'clusters': 1}
    _flavor_demand(found, _pick(master_flavor_id, default('master_flavor_id')),
                   masters, demand)
    _flavor_demand(found, _pick(flavor_id, default('flavor_id')), workers,
                   demand)
    demand['floating_ips'] = (masters + workers if floating else 0) + \
        (1 if balanced and (floating if lb_ip is None else lb_ip) else 0)
    return demand


class Projection(object):
    def __init__(self, rows, errors):
        self.rows = rows
        self.errors = errors

    @property
    def blocking(self):
        return [row for row in self.rows if not row.fits]

    def message(self):
        """One sentence naming each resource that does not fit, or ''."""
        parts = [_('%(resource)s: %(after)s needed, the limit is '
                   '%(limit)s (%(current)s in use)') % {
                       'resource': row.label, 'after': row.after,
                       'limit': row.limit, 'current': row.current}
                 for row in self.blocking]
        if not parts:
            return ''
        return _('Not enough quota. %s.') % '; '.join(parts)


def project(found, demand):
    """Rows of current / after / limit for each resource ``demand`` names
    (floating IPs only when some are needed).
    """
    rows = []
    for resource, label in RESOURCES:
        if resource not in demand or not found.known(resource):
            continue
        if resource == 'floating_ips' and not demand[resource]:
            continue
        current = found.used[resource]
        limit = found.limits.get(resource)
        after = None if demand[resource] is None \
            else current + demand[resource]
        fits = limit is None or after is None or after <= limit
        rows.append(Row(resource, label, current, after, limit, fits))
    return Projection(rows, found.errors)
