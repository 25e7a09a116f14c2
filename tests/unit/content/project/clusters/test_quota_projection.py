"""quota_projection: inputs from Magnum, Nova, Neutron; demand; rows."""

import types

from openstack_dashboard import api
from openstack_dashboard.test import helpers

from magnum_ui.api import magnum
from magnum_ui.content.project.clusters import quota_projection
from tests.unit.content.project.clusters import base
from tests.unit.content.project.clusters import test_index

MOCKS = {magnum: ['stats_get', 'quota_get'],
         api.nova: ['tenant_absolute_limits', 'flavor_list'],
         api.neutron: ['tenant_quota_detail_get']}


def flavor(flavor_id, name, vcpus, ram):
    return types.SimpleNamespace(id=flavor_id, name=name, vcpus=vcpus,
                                 ram=ram)


FLAVORS = [flavor('f-small', 'm1.small', 2, 2048),
           flavor('f-large', 'm1.large', 8, 16384)]


def nova_limits(instances=(1, 10), cores=(2, 20), ram=(2048, 51200)):
    return {'totalInstancesUsed': instances[0],
            'maxTotalInstances': instances[1],
            'totalCoresUsed': cores[0], 'maxTotalCores': cores[1],
            'totalRAMUsed': ram[0], 'maxTotalRAMSize': ram[1]}


def neutron_detail(used=1, limit=50, reserved=0):
    return {'floatingip': {'used': used, 'limit': limit,
                           'reserved': reserved}}


def inputs(**changes):
    found = quota_projection.Inputs()
    found.used = {'clusters': 1, 'instances': 1, 'cores': 2, 'ram': 2048,
                  'floating_ips': 1}
    found.limits = {'clusters': 5, 'instances': 10, 'cores': 20,
                    'ram': 51200, 'floating_ips': 50}
    for size in FLAVORS:
        found.flavors[size.id] = found.flavors[size.name] = (size.vcpus,
                                                             size.ram)
    for resource, (used, limit) in changes.items():
        found.used[resource], found.limits[resource] = used, limit
    return found


class LoadTests(base.ClustersTestCase):
    def mock_all(self):
        self.mock_stats_get.return_value = test_index.stats(1, 3)
        self.mock_quota_get.return_value = test_index.quota(5)
        self.mock_tenant_absolute_limits.return_value = nova_limits()
        self.mock_flavor_list.return_value = FLAVORS
        self.mock_tenant_quota_detail_get.return_value = neutron_detail(
            used=2, reserved=1)

    @helpers.create_mocks(MOCKS)
    def test_reads_each_service_once_as_horizon_does(self):
        self.mock_all()
        found = quota_projection.inputs(self.request)
        again = quota_projection.inputs(self.request)
        self.assertIs(found, again)
        self.assertEqual({'clusters': 1, 'instances': 1, 'cores': 2,
                          'ram': 2048, 'floating_ips': 3}, found.used)
        self.assertEqual(5, found.limits['clusters'])
        self.assertEqual(20, found.limits['cores'])
        self.assertEqual((8, 16384), found.flavors['m1.large'])
        self.assertEqual((8, 16384), found.flavors['f-large'])
        self.assertEqual([], found.errors)
        self.mock_tenant_absolute_limits.assert_called_once_with(
            self.request, reserved=True)
        self.mock_tenant_quota_detail_get.assert_called_once_with(
            self.request)
        self.mock_flavor_list.assert_called_once_with(self.request)

    @helpers.create_mocks(MOCKS)
    def test_preview_reads_the_cache_not_the_services(self):
        self.mock_all()
        quota_projection.inputs(self.request)
        self.request._magnum_quota_inputs = {}
        found = quota_projection.cached_inputs(self.request)
        self.assertEqual(20, found.limits['cores'])
        self.mock_tenant_absolute_limits.assert_called_once_with(
            self.request, reserved=True)

    @helpers.create_mocks(MOCKS)
    def test_unlimited_is_none(self):
        self.mock_all()
        self.mock_tenant_absolute_limits.return_value = nova_limits(
            cores=(2, float('inf')))
        self.mock_tenant_quota_detail_get.return_value = neutron_detail(
            limit=-1)
        found = quota_projection.inputs(self.request)
        self.assertIsNone(found.limits['cores'])
        self.assertIsNone(found.limits['floating_ips'])

    @helpers.create_mocks(MOCKS)
    def test_a_failed_service_leaves_its_rows_unknown_and_says_why(self):
        self.mock_all()
        self.mock_tenant_absolute_limits.side_effect = base.magnum_error(
            503, 'Nova is resting')
        self.mock_tenant_quota_detail_get.side_effect = Exception('boom')
        found = quota_projection.inputs(self.request)
        self.assertFalse(found.known('cores'))
        self.assertFalse(found.known('floating_ips'))
        self.assertTrue(found.known('clusters'))
        self.assertIn('Nova is resting', found.errors[0])
        self.assertIn('Floating IP quota unavailable', found.errors[1])
        projection = quota_projection.project(found, {'clusters': 1,
                                                      'cores': 99})
        self.assertEqual(['clusters'], [r.resource for r in projection.rows])
        self.assertFalse(projection.blocking)

    @helpers.create_mocks(MOCKS)
    def test_without_cluster_quota_magnum_is_not_asked(self):
        self.mock_all()
        found = quota_projection.inputs(self.request, clusters=False)
        self.assertFalse(found.known('clusters'))
        self.mock_stats_get.assert_not_called()


class DemandTests(base.ClustersTestCase):
    def test_cluster_demand_masters_and_workers_by_flavor(self):
        template = {'flavor_id': 'm1.small', 'master_flavor_id': 'm1.large',
                    'floating_ip_enabled': True, 'master_lb_enabled': False}
        demand = quota_projection.cluster_demand(
            inputs(), template, master_count=1, node_count=3)
        self.assertEqual({'clusters': 1, 'instances': 4,
                          'cores': 8 + 3 * 2, 'ram': 16384 + 3 * 2048,
                          'floating_ips': 4}, demand)

    def test_chosen_flavors_and_switches_override_the_template(self):
        template = {'flavor_id': 'm1.small', 'master_flavor_id': 'm1.small',
                    'floating_ip_enabled': True, 'master_lb_enabled': False}
        demand = quota_projection.cluster_demand(
            inputs(), template, master_count=3, node_count=2,
            flavor_id='f-large', floating_ip_enabled=False,
            master_lb_enabled=True)
        self.assertEqual(3 * 2 + 2 * 8, demand['cores'])
        self.assertEqual(0, demand['floating_ips'])

    def test_load_balancer_takes_a_floating_ip_unless_its_label_says_no(self):
        template = {'flavor_id': 'm1.small', 'master_flavor_id': 'm1.small',
                    'floating_ip_enabled': True, 'master_lb_enabled': True}
        with_lb = quota_projection.cluster_demand(inputs(), template,
                                                  node_count=1)
        without = quota_projection.cluster_demand(
            inputs(), template, node_count=1,
            labels={'master_lb_floating_ip_enabled': 'false'})
        self.assertEqual(3, with_lb['floating_ips'])
        self.assertEqual(2, without['floating_ips'])

    def test_unknown_flavor_makes_cores_and_ram_unknown(self):
        demand = quota_projection.cluster_demand(
            inputs(), {'flavor_id': 'gone', 'master_flavor_id': 'm1.small'},
            node_count=2)
        self.assertIsNone(demand['cores'])
        projection = quota_projection.project(inputs(cores=(2, 3)), demand)
        row = {r.resource: r for r in projection.rows}['cores']
        self.assertIsNone(row.after)
        self.assertTrue(row.fits)

    def test_nodes_demand_of_a_shrink_is_nothing(self):
        self.assertEqual(
            {'instances': 0, 'cores': 0, 'ram': 0, 'floating_ips': 0},
            quota_projection.nodes_demand(inputs(), 'm1.small', -2, True))
        self.assertEqual(
            {'instances': 2, 'cores': 16, 'ram': 32768, 'floating_ips': 2},
            quota_projection.nodes_demand(inputs(), 'm1.large', 2, True))


class ProjectTests(base.ClustersTestCase):
    def test_rows_show_current_after_limit(self):
        projection = quota_projection.project(
            inputs(), {'clusters': 1, 'instances': 2, 'cores': 4,
                       'ram': 4096, 'floating_ips': 0})
        rows = {r.resource: r for r in projection.rows}
        self.assertNotIn('floating_ips', rows)  # none needed: not shown
        self.assertEqual((2, 6, 20), (rows['cores'].current,
                                      rows['cores'].after,
                                      rows['cores'].limit))
        self.assertEqual('', projection.message())

    def test_blocking_rows_are_named(self):
        projection = quota_projection.project(
            inputs(cores=(18, 20), instances=(9, 10)),
            {'instances': 2, 'cores': 4, 'ram': 4096})
        self.assertEqual(['instances', 'cores'],
                         [r.resource for r in projection.blocking])
        message = projection.message()
        self.assertIn('Instances: 11 needed, the limit is 10 (9 in use)',
                      message)
        self.assertIn('VCPUs: 22 needed, the limit is 20', message)

    def test_unlimited_always_fits(self):
        projection = quota_projection.project(inputs(cores=(500, None)),
                                              {'cores': 1000})
        self.assertFalse(projection.blocking)
        self.assertIsNone(projection.rows[0].limit)
