"""Cluster overview: names instead of ids, autoscaler bounds, commands."""

import types

from openstack_dashboard import api
from openstack_dashboard.test import helpers

from magnum_ui.api import magnum
from magnum_ui.content.project.clusters import autoscaling
from tests.unit.content.project.clusters import base
from tests.unit.content.project.clusters import test_detail
from tests.unit.content.project.clusters import test_quota_projection as qp
from tests.unit import magnum_data

MOCKS = {magnum: ['cluster_get', 'cluster_template_get'],
         api.nova: ['flavor_list'],
         api.neutron: ['network_list', 'subnet_list']}
NET = types.SimpleNamespace(id='net-1', name='private', name_or_id='private')
SUBNET = types.SimpleNamespace(id='sub-1', name='private-subnet',
                               cidr='10.0.0.0/24')


class OverviewTests(base.ClustersTestCase):
    def render(self, cluster):
        self.mock_cluster_get.return_value = cluster
        self.mock_cluster_template_get.return_value = \
            self.cluster_templates.first()
        self.mock_flavor_list.return_value = qp.FLAVORS
        self.mock_network_list.return_value = [NET]
        self.mock_subnet_list.return_value = [SUBNET]
        return self.client.get(test_detail.detail_url(cluster.id))

    @helpers.create_mocks(MOCKS)
    def test_flavors_and_networks_by_name_one_call_each(self):
        cluster = magnum_data._cluster(
            flavor_id='f-large', master_flavor_id='f-small',
            fixed_network='net-1', fixed_subnet='sub-1')
        res = self.render(cluster)
        self.assertContains(res, '<dd id="cluster-flavor">m1.large</dd>')
        self.assertContains(
            res, '<dd id="cluster-master-flavor">m1.small</dd>')
        self.assertContains(
            res, '<dd id="cluster-fixed-network">private</dd>')
        self.assertContains(res, 'private-subnet (10.0.0.0/24)')
        self.assertNotContains(res, 'f-large')
        self.mock_flavor_list.assert_called_once()
        self.mock_network_list.assert_called_once()
        self.mock_subnet_list.assert_called_once()

    @helpers.create_mocks(MOCKS)
    def test_names_fall_back_to_ids_when_nova_fails(self):
        cluster = magnum_data._cluster(flavor_id='f-large')
        self.mock_flavor_list.side_effect = Exception('nova down')
        self.mock_cluster_get.return_value = cluster
        self.mock_cluster_template_get.return_value = \
            self.cluster_templates.first()
        res = self.client.get(test_detail.detail_url(cluster.id))
        self.assertContains(res, '<dd id="cluster-flavor">f-large</dd>')

    @helpers.create_mocks(MOCKS)
    def test_autoscaling_bounds_and_a_count_that_differs(self):
        cluster = magnum_data._cluster(
            node_count=3, node_addresses=['10.0.0.11', '10.0.0.12'],
            labels={'auto_scaling_enabled': 'true', 'min_node_count': '1',
                    'max_node_count': '5'})
        res = self.render(cluster)
        self.assertContains(res, 'autoscaling between 1 and 5')
        self.assertContains(res, 'node-count-differs')
        self.assertContains(res, '2 reported')

    @helpers.create_mocks(MOCKS)
    def test_commands_of_every_cluster_action_with_copy(self):
        cluster = self.cluster()
        res = self.render(cluster)
        for command in ('openstack coe cluster config %s',
                        'openstack coe cluster resize %s 2',
                        'openstack coe cluster upgrade %s '
                        '&#x27;&lt;cluster-template&gt;&#x27;',
                        'openstack coe ca rotate %s',
                        'openstack coe cluster delete %s'):
            self.assertContains(res, command % cluster.id)
        self.assertContains(res, 'class="magnum-cli"', count=5)
        self.assertNotContains(res, 'node-count-differs')
        self.assertNotContains(res, 'autoscaling between')


class ScalingTests(base.ClustersTestCase):
    def test_cluster_without_autoscaling(self):
        scaling = autoscaling.cluster_scaling(self.cluster())
        self.assertFalse(scaling.enabled)
        self.assertEqual((2, 2), (scaling.requested, scaling.running))
        self.assertFalse(scaling.differs)

    def test_no_addresses_means_unknown_not_zero(self):
        scaling = autoscaling.cluster_scaling(
            magnum_data._cluster(node_addresses=[]))
        self.assertIsNone(scaling.running)
        self.assertFalse(scaling.differs)

    def test_nodegroup_bounds_and_enablement_from_the_cluster(self):
        group = magnum_data._nodegroup(
            name='workers', node_count=6, min_node_count=1, max_node_count=5,
            node_addresses=['a'] * 6, labels={})
        cluster = magnum_data._cluster(
            labels={'auto_scaling_enabled': 'True'})
        scaling = autoscaling.nodegroup_scaling(group, cluster)
        self.assertTrue(scaling.enabled)
        self.assertEqual((1, 5), (scaling.low, scaling.high))
        self.assertTrue(scaling.outside)
        self.assertFalse(scaling.differs)
        own = magnum_data._nodegroup(
            name='w', node_count=1, labels={'auto_scaling_enabled': 'false'})
        self.assertFalse(autoscaling.nodegroup_scaling(own, cluster).enabled)
