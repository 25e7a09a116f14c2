"""The choice lists both wizards share."""

from openstack_dashboard import api
from openstack_dashboard.test import helpers

from magnum_ui.content.common import choices
from tests.unit import helpers as magnum_helpers


class ChoicesTests(magnum_helpers.MagnumTestCase):
    @helpers.create_mocks({api.nova: ['flavor_list']})
    def test_flavors_by_id_smallest_first_after_placeholder(self):
        self.mock_flavor_list.return_value = self.flavors.list()
        found = choices.flavors(self.request, 'Pick one')
        self.assertEqual(('', 'Pick one'), found[0])
        smallest = min(self.flavors.list(),
                       key=lambda f: (f.vcpus, f.ram, f.name))
        self.assertEqual((smallest.id, '%s (%s VCPU, %s MB RAM)' % (
            smallest.name, smallest.vcpus, smallest.ram)), found[1])

    @helpers.create_mocks({api.nova: ['flavor_list', 'keypair_list']})
    def test_failing_service_is_one_empty_choice_saying_so(self):
        self.mock_flavor_list.side_effect = self.exceptions.nova
        self.mock_keypair_list.side_effect = self.exceptions.nova
        self.assertEqual([('', 'Unable to load flavors')],
                         choices.flavors(self.request, 'Pick one'))
        self.assertEqual([('', 'Unable to load key pairs')],
                         choices.keypairs(self.request, 'Pick one'))

    def test_subnets_carry_their_network(self):
        networks = self.networks.list()
        found = choices.fixed_subnets(networks, 'New subnet')
        self.assertEqual(('', 'New subnet'), found[0])
        network = self.networks.first()
        subnet = network.subnets[0]
        self.assertEqual(network.id,
                         choices.subnet_network(found, subnet.id))
        self.assertIsNone(choices.subnet_network(found, 'unknown'))
        self.assertEqual([('', 'Unable to load subnets')],
                         choices.fixed_subnets(None, 'New subnet'))
