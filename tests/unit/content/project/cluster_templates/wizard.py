"""Shared setup of the cluster template wizard tests: URLs, the mocks of
the services behind the wizard's choices, and their answers."""

from django.urls import reverse
from openstack_dashboard import api
from openstack_dashboard.test import helpers

from magnum_ui.api import magnum
from tests.unit import helpers as magnum_helpers

INDEX_URL = reverse('horizon:project:cluster_templates:index')
CREATE_URL = reverse('horizon:project:cluster_templates:create')
CHOICE_MOCKS = {api.glance: ['image_list_detailed'],
                api.nova: ['flavor_list', 'keypair_list'],
                api.neutron: ['network_list', 'network_list_for_tenant']}


def mocks(magnum_calls=()):
    targets = dict(CHOICE_MOCKS)
    if magnum_calls:
        targets[magnum] = list(magnum_calls)
    return helpers.create_mocks(targets)


class WizardTestBase(magnum_helpers.MagnumTestCase):
    def mock_choices(self):
        self.mock_image_list_detailed.return_value = (
            self.images.list(), False, False)
        self.mock_flavor_list.return_value = self.flavors.list()
        self.mock_keypair_list.return_value = self.keypairs.list()
        self.mock_network_list.return_value = [
            n for n in self.networks.list() if n['router:external']]
        self.mock_network_list_for_tenant.return_value = [
            n for n in self.networks.list() if not n['router:external']]

    def form_data(self, **changes):
        network = self.networks.first()
        data = {
            'name': 'new-template', 'coe': 'kubernetes',
            'floating_ip_enabled': 'on',
            'image_id': self.images.first().id,
            'keypair_id': self.keypairs.first().name,
            'flavor_id': self.flavors.first().id,
            'master_flavor_id': self.flavors.first().id,
            'volume_driver': 'cinder', 'docker_volume_size': '20',
            'docker_storage_driver': 'overlay2', 'server_type': 'vm',
            'network_driver': 'calico',
            'external_network_id': self.networks.get(name='ext_net').id,
            'fixed_network': network.id,
            'fixed_subnet': network.subnets[0].id,
            'dns_nameserver': '8.8.8.8',
            'http_proxy': '', 'https_proxy': '', 'no_proxy': '',
            'labels': 'kube_tag=v1.30.1\nk8s.io/Role=Edge', 'tags': ''}
        data.update(changes)
        return {k: v for k, v in data.items() if v is not None}
