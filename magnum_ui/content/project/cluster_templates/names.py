"""Names for the ids a template holds (image, flavors, networks, subnet).

Magnum keeps whatever the user gave (a name or an id); each lookup matches
either and falls back to the stored value when the service fails.
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


def _flavor_names(request, template):
    try:
        flavors = api.nova.flavor_list(request)
    except Exception:
        LOG.warning('Unable to load flavors', exc_info=True)
        return {}
    return {
        field: _match(flavors, getattr(template, field), lambda f: f.name)
        for field in ('flavor_id', 'master_flavor_id')
        if getattr(template, field)}


def _image_name(request, image_id):
    images = image_names(request)
    if image_id in images:
        return images[image_id]
    return image_id


def _network_names(request, template):
    wanted = [field for field in ('external_network_id', 'fixed_network')
              if getattr(template, field)]
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
    if template.fixed_subnet:
        try:
            subnets = api.neutron.subnet_list(request)
        except Exception:
            LOG.warning('Unable to load subnets', exc_info=True)
            subnets = []
        result['fixed_subnet'] = _match(
            subnets, template.fixed_subnet,
            lambda s: '%s (%s)' % (s.name or s.id, s.cidr))
    return result


def resource_names(request, template):
    """{Magnum attribute: display name} for the attributes holding ids."""
    names = {}
    if template.image_id:
        names['image_id'] = _image_name(request, template.image_id)
    names.update(_flavor_names(request, template))
    names.update(_network_names(request, template))
    if template.keypair_id:
        names['keypair_id'] = template.keypair_id
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
