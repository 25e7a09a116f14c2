"""Choice lists from Nova, Neutron and Glance (through Horizon's api modules).

Each loader returns a list of ``(value, label)``; when the service fails the
list is a single empty choice saying so, and the rest of the form still works.
"""

import logging

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from openstack_dashboard import api

LOG = logging.getLogger(__name__)

DEFAULT_COE_CHOICES = (('kubernetes', _('Kubernetes')),)
COE_LABELS = {'kubernetes': _('Kubernetes'), 'swarm': _('Docker Swarm'),
              'swarm-mode': _('Docker Swarm Mode'), 'mesos': _('Mesos'),
              'dcos': _('DC/OS')}
NETWORK_DRIVERS = {
    'kubernetes': (('flannel', _('Flannel')), ('calico', _('Calico'))),
    'swarm': (('docker', _('Docker')), ('flannel', _('Flannel'))),
    'swarm-mode': (('docker', _('Docker')),),
    'mesos': (('docker', _('Docker')),),
}
VOLUME_DRIVERS = {
    'kubernetes': (('cinder', _('Cinder')),),
    'swarm': (('rexray', _('Rexray')),),
    'swarm-mode': (('rexray', _('Rexray')),),
    'mesos': (('rexray', _('Rexray')),),
}
DOCKER_STORAGE_DRIVERS = (('overlay2', _('overlay2')),
                          ('overlay', _('overlay')),
                          ('devicemapper', _('devicemapper')))
SERVER_TYPES = (('vm', _('Virtual machine')), ('bm', _('Bare metal')))

# A subnet choice remembers its network so the page can filter the
# subnet list when the network changes (data-network on each <option>).
# (Not a tuple: Django would read a tuple label as an option group.)
class SubnetLabel(object):
    def __init__(self, label, network):
        self.label = label
        self.network = network

    def __str__(self):
        return self.label


def coe_choices():
    """COEs offered: the MAGNUM_COE_CHOICES setting, else only kubernetes."""
    configured = getattr(settings, 'MAGNUM_COE_CHOICES', None)
    if not configured:
        return list(DEFAULT_COE_CHOICES)
    result = []
    for item in configured:
        if isinstance(item, (list, tuple)):
            result.append((item[0], item[1]))
        else:
            result.append((item, COE_LABELS.get(item, item)))
    return result


def _failed(request, message):
    LOG.warning('%s', message, exc_info=True)
    return [('', message)]


def _first(placeholder, choices):
    return [('', placeholder)] + choices


def images(request):
    try:
        found, _more, _prev = api.glance.image_list_detailed(request)
    except Exception:
        return _failed(request, _('Unable to load images'))
    found = [image for image in found
             if getattr(image, 'container_format', None) not in
             ('ari', 'aki')]
    # Images Magnum can boot carry an os_distro property: those first.
    found.sort(key=lambda image: (not os_distro(image),
                                  (image.name or image.id).lower()))
    return _first(_('Select an image'), [
        (image.id, _image_label(image)) for image in found])


def os_distro(image):
    properties = getattr(image, 'properties', None) or {}
    return properties.get('os_distro') or getattr(image, 'os_distro', None)


def _image_label(image):
    distro = os_distro(image)
    name = image.name or image.id
    return '%s (%s)' % (name, distro) if distro else name


def keypairs(request):
    try:
        found = api.nova.keypair_list(request)
    except Exception:
        return _failed(request, _('Unable to load key pairs'))
    return _first(_('Select a key pair'), sorted(
        (keypair.name, keypair.name) for keypair in found))


def flavors(request, placeholder=None):
    try:
        found = api.nova.flavor_list(request)
    except Exception:
        return _failed(request, _('Unable to load flavors'))
    found = sorted(found, key=lambda flavor: (flavor.vcpus, flavor.ram,
                                              flavor.name))
    return _first(placeholder or _('Select a flavor'), [
        (flavor.id, '%s (%s VCPU, %s MB RAM)' % (flavor.name, flavor.vcpus,
                                                 flavor.ram))
        for flavor in found])


def external_networks(request):
    try:
        found = api.neutron.network_list(request, **{'router:external': True})
    except Exception:
        return _failed(request, _('Unable to load external networks'))
    return _first(_('Select an external network'), [
        (network.id, network.name_or_id) for network in found])


def project_networks(request):
    """The project's networks with their subnets, or None when that fails."""
    try:
        return api.neutron.network_list_for_tenant(
            request, request.user.project_id)
    except Exception:
        LOG.warning('Unable to load networks', exc_info=True)
        return None


def fixed_networks(networks):
    if networks is None:
        return [('', _('Unable to load networks'))]
    return [('', _('Create a new network'))] + [
        (network.id, network.name_or_id) for network in networks]


def fixed_subnets(networks):
    if networks is None:
        return [('', _('Unable to load subnets'))]
    result = [('', _('Create a new subnet'))]
    for network in networks:
        for subnet in network.subnets or ():
            label = '%s (%s)' % (getattr(subnet, 'name', None) or subnet.id,
                                 subnet.cidr)
            result.append((subnet.id, SubnetLabel(label, network.id)))
    return result


def subnet_network(choices, subnet_id):
    """The network a subnet choice belongs to (None when unknown)."""
    for value, label in choices:
        if value == subnet_id and isinstance(label, SubnetLabel):
            return label.network
    return None
