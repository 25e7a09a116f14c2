"""Choice lists of both wizards, from Magnum, Nova, Neutron and Glance.

Each loader returns a list of ``(value, label)`` whose first choice is the
empty one, with the text the calling wizard gives for it. When the service
fails the list is a single empty choice saying so, and the rest of the form
still works.

Values are what Magnum stores: flavor, image and network ids, key pair
names. A subnet choice carries its network, and ``FixedNetworkChoices``
gives a Network step the fixed network and subnet choices and refuses a
subnet of another network.
"""

import logging

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from horizon import forms
from horizon.utils import memoized
from openstack_dashboard import api

from magnum_ui.api import magnum
from magnum_ui.content.common import errors

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


def _failed(message):
    LOG.warning('%s', message, exc_info=True)
    return [('', message)]


def _first(placeholder, choices):
    return [('', placeholder)] + list(choices)


@memoized.memoized
def templates_by_id(request):
    """Templates this project may use, by uuid.

    When Magnum fails: {} and the request's error message (once per
    request: memoized) with Magnum's words; the wizard still renders.
    """
    try:
        found = magnum.cluster_template_list(request)
    except Exception as exc:
        errors.handle(request, _('Unable to retrieve cluster templates.'),
                      exc)
        return {}
    return {t.uuid: t for t in found if not t.hidden}


def template(request, template_id):
    return templates_by_id(request).get(template_id) if template_id else None


def templates(request):
    found = sorted(templates_by_id(request).values(),
                   key=lambda t: (t.name or t.uuid).lower())
    if not found:
        return [('', _('No cluster template available'))]
    return _first(_('Select a cluster template'), [
        (t.uuid, '%s (%s)' % (t.name or t.uuid, t.coe)) for t in found])


def os_distro(image):
    properties = getattr(image, 'properties', None) or {}
    return properties.get('os_distro') or getattr(image, 'os_distro', None)


def _image_label(image):
    distro = os_distro(image)
    name = image.name or image.id
    return '%s (%s)' % (name, distro) if distro else name


def images(request):
    try:
        found, _more, _prev = api.glance.image_list_detailed(request)
    except Exception:
        return _failed(_('Unable to load images'))
    found = [image for image in found
             if getattr(image, 'container_format', None) not in
             ('ari', 'aki')]
    # Images Magnum can boot carry an os_distro property: those first.
    found.sort(key=lambda image: (not os_distro(image),
                                  (image.name or image.id).lower()))
    return _first(_('Select an image'), [
        (image.id, _image_label(image)) for image in found])


def keypairs(request, placeholder):
    try:
        found = api.nova.keypair_list(request)
    except Exception:
        return _failed(_('Unable to load key pairs'))
    return _first(placeholder, sorted(
        (keypair.name, keypair.name) for keypair in found))


def flavors(request, placeholder):
    try:
        found = api.nova.flavor_list(request)
    except Exception:
        return _failed(_('Unable to load flavors'))
    found = sorted(found, key=lambda flavor: (flavor.vcpus, flavor.ram,
                                              flavor.name))
    return _first(placeholder, [
        (flavor.id, _('%(name)s (%(vcpus)s VCPU, %(ram)s MB RAM)') % {
            'name': flavor.name, 'vcpus': flavor.vcpus, 'ram': flavor.ram})
        for flavor in found])


def availability_zones(request):
    """Nova's available zones, one call; when Nova fails the single choice
    says so with Nova's words and the cluster takes Nova's default zone.
    """
    try:
        found = api.nova.availability_zone_list(request)
    except Exception as exc:
        LOG.warning('Unable to load availability zones', exc_info=True)
        return [('', _('Unable to load availability zones: %s')
                 % errors.reason(exc))]
    names = sorted(zone.name for zone in found
                   if (getattr(zone, 'state', None) or {}).get('available'))
    if not names:
        return [('', _('The default zone (Nova lists none)'))]
    return _first(_('The default zone'), [(name, name) for name in names])


def external_networks(request):
    try:
        found = api.neutron.network_list(request, **{'router:external': True})
    except Exception:
        return _failed(_('Unable to load external networks'))
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


# A subnet choice remembers its network so the page can filter the
# subnet list when the network changes (data-network on each <option>).
# (Not a tuple: Django would read a tuple label as an option group.)
class SubnetLabel(object):
    def __init__(self, label, network):
        self.label = label
        self.network = network

    def __str__(self):
        return self.label


def fixed_networks(networks, placeholder):
    if networks is None:
        return [('', _('Unable to load networks'))]
    return _first(placeholder, [
        (network.id, network.name_or_id) for network in networks])


def fixed_subnets(networks, placeholder):
    if networks is None:
        return [('', _('Unable to load subnets'))]
    result = [('', placeholder)]
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


def fixed_network_field():
    return forms.ThemableChoiceField(
        label=_('Fixed Network'), required=False,
        widget=forms.SelectWidget(
            attrs={'class': 'form-control magnum-fixed-network'}))


def fixed_subnet_field():
    # The page shows only the chosen network's subnets (data-network).
    return forms.ThemableChoiceField(
        label=_('Fixed Subnet'), required=False,
        help_text=_('Only subnets of the chosen fixed network are offered.'),
        widget=forms.SelectWidget(
            attrs={'class': 'form-control magnum-fixed-subnet'},
            data_attrs=('network',), transform=lambda label: label.label))


class FixedNetworkChoices(object):
    """Mixin of a wizard's Network step holding ``fixed_network_field``
    and ``fixed_subnet_field``: their choices from one Neutron call, and a
    subnet of another network refused.
    """
    new_network_text = None  # the empty choice of each field
    new_subnet_text = None

    def __init__(self, request, *args, **kwargs):
        # Before the fields are populated, which the base __init__ does.
        self._networks = project_networks(request)
        super().__init__(request, *args, **kwargs)

    def populate_fixed_network_choices(self, request, context):
        return fixed_networks(self._networks, self.new_network_text)

    def populate_fixed_subnet_choices(self, request, context):
        return fixed_subnets(self._networks, self.new_subnet_text)

    def clean(self):
        data = super().clean()
        subnet = data.get('fixed_subnet')
        if not subnet or self.fields['fixed_subnet'].disabled:
            return data
        network = data.get('fixed_network')
        owner = subnet_network(self.fields['fixed_subnet'].choices, subnet)
        if not network:
            self.add_error('fixed_subnet', _(
                'Choose the fixed network of this subnet first.'))
        elif owner and owner != network:
            self.add_error('fixed_subnet', _(
                'This subnet is not in the chosen fixed network.'))
        return data
