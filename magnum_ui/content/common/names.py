"""Names for the ids a template, cluster or nodegroup holds (image,
flavors, networks, subnet): one list call per kind, per request.

Magnum keeps whatever the user gave (a name or an id); each lookup matches
either and falls back to the stored value when the service fails.

    resource_names(request, obj)  {Magnum attribute: display name} of the
                                  attributes ``obj`` holds
    flavor_names(request)         {flavor id or name: name}, for tables
                                  (the Nodegroups tab): one Nova call
"""

import logging

from openstack_dashboard import api

LOG = logging.getLogger(__name__)


def image_names(request):
    """{image id: name} for the index table; {} when Glance fails."""
    try:
        images, _more, _prev = api.glance.image_list_detailed(request)
    except Exception:
        LOG.warning('Unable to load image names', exc_info=True)
        return {}
    return {image.id: image.name for image in images if image.name}


def _match(items, value, label):
    for item in items:
        if value in (item.id, getattr(item, 'name', None)):
            return label(item)
    return value


def _attribute(obj, field):
    # Magnum's wrappers raise AttributeError for attributes not theirs.
    return getattr(obj, field, None)


def flavor_names(request):
    """{flavor id: name} and {name: name}; {} when Nova fails.

    Horizon memoizes flavor_list per request: every caller of one request
    shares one call.
    """
    try:
        flavors = api.nova.flavor_list(request)
    except Exception:
        LOG.warning('Unable to load flavors', exc_info=True)
        return {}
    found = {flavor.name: flavor.name for flavor in flavors}
    found.update((flavor.id, flavor.name) for flavor in flavors)
    return found


def _flavor_names(request, obj):
    wanted = [field for field in ('flavor_id', 'master_flavor_id')
              if _attribute(obj, field)]
    known = flavor_names(request) if wanted else {}
    return {field: known.get(_attribute(obj, field), _attribute(obj, field))
            for field in wanted}


def _image_name(request, image_id):
    images = image_names(request)
    if image_id in images:
        return images[image_id]
    return image_id


def _network_names(request, template):
    wanted = [field for field in ('external_network_id', 'fixed_network')
              if _attribute(template, field)]
    result = {}
    if wanted:
        try:
            networks = api.neutron.network_list(request)
        except Exception:
            LOG.warning('Unable to load networks', exc_info=True)
            networks = []
        for field in wanted:
            result[field] = _match(networks, getattr(template, field),
                                   lambda n: n.name_or_id)
    if _attribute(template, 'fixed_subnet'):
        try:
            subnets = api.neutron.subnet_list(request)
        except Exception:
            LOG.warning('Unable to load subnets', exc_info=True)
            subnets = []
        result['fixed_subnet'] = _match(
            subnets, template.fixed_subnet,
            lambda s: '%s (%s)' % (s.name or s.id, s.cidr))
    return result


def resource_names(request, obj):
    """{Magnum attribute: display name} for the attributes holding ids."""
    names = {}
    if _attribute(obj, 'image_id'):
        names['image_id'] = _image_name(request, obj.image_id)
    names.update(_flavor_names(request, obj))
    names.update(_network_names(request, obj))
    if _attribute(obj, 'keypair_id'):
        names['keypair_id'] = obj.keypair_id
    return names


# The inverse, for imported and cloned values: the wizard's selects list ids.

def _project_networks(request):
    return api.neutron.network_list_for_tenant(request,
                                               request.user.project_id)


# (attributes, loader of the resources they name), one call each.
ID_SOURCES = (
    (('image_id',), lambda r: api.glance.image_list_detailed(r)[0]),
    (('flavor_id', 'master_flavor_id'), lambda r: api.nova.flavor_list(r)),
    (('external_network_id',),
     lambda r: api.neutron.network_list(r, **{'router:external': True})),
    (('fixed_network', 'fixed_subnet'), _project_networks),
)


def _unique_id(items, value):
    """The id of the one item named ``value``; ``value`` itself when it is
    an id, unknown or ambiguous (the wizard then says it is not a choice).
    """
    if any(item.id == value for item in items):
        return value
    named = [item.id for item in items
             if getattr(item, 'name', None) == value]
    return named[0] if len(named) == 1 else value


def resource_ids(request, values):
    """``values`` with image, flavor and network names replaced by the ids
    the wizard lists; unchanged where the service fails.
    """
    result = dict(values)
    for fields, loader in ID_SOURCES:
        wanted = [field for field in fields if result.get(field)]
        if not wanted:
            continue
        try:
            items = loader(request)
        except Exception:
            LOG.warning('Unable to load %s', fields[0], exc_info=True)
            continue
        for field in wanted:
            if field == 'fixed_subnet':
                items = [subnet for network in items
                         for subnet in network.subnets or ()]
            result[field] = _unique_id(items, result[field])
    return result
