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
