"""Cluster progress computed from recorded Heat responses.

Pure computation is tested on the fixtures directly; ``get_progress`` and
``cluster_progress_summary`` run the real openstacksdk code against a fake
Heat transport serving the same fixtures (heat_fake).
"""

import copy
import urllib.parse

from django.core.cache import cache

from magnum_ui.content.project.clusters.progress import loader as progress
from magnum_ui.content.project.clusters.progress import model as stack_progress
from magnum_ui.content.project.clusters.progress import topology
from tests.unit.content.project.clusters import heat_fake
from tests.unit import helpers
from tests.unit import magnum_data


def _build(scenario):
    stack = heat_fake.fixture('%s_stack.json' % scenario)['stack']
    resources = heat_fake.fixture('%s_resources.json' % scenario)
    try:
        events = heat_fake.fixture('%s_events.json' % scenario)['events']
    except FileNotFoundError:
        events = []
    return stack_progress.build_progress(stack, resources['resources'], events)


def _by_path(prog):
    return {item.display_path: item for item in prog.resources}


class ProgressComputationTests(helpers.MagnumTestCase):
    def test_creating_counts_leaf_resources_of_nested_stacks(self):
        prog = _build('sandbox_creating')
        # 5 infrastructure leaves, 4 nodes x (port, volume, server), and a
        # node group whose nested stack does not exist yet (1 leaf)
        self.assertEqual((15, 18), (prog.done, prog.total))
        self.assertEqual(83, prog.percent)
        self.assertTrue(prog.busy)
        items = _by_path(prog)
        self.assertFalse(items['kube_minions'].is_leaf)
        self.assertFalse(items['kube_minions / 1'].is_leaf)
        self.assertTrue(items['kube_minions / 1 / server'].is_leaf)
        self.assertEqual(2, items['kube_minions / 1 / server'].depth)
        self.assertTrue(items['nodegroup_gpu_pool'].is_leaf)
        self.assertIsNone(prog.failed_resource)
        self.assertIsNone(prog.failure_reason)

    def test_tree_order_puts_children_under_their_parent(self):
        paths = [item.display_path for item in _build(
            'sandbox_creating').resources]
        start = paths.index('kube_minions')
        self.assertEqual(
            ['kube_minions', 'kube_minions / 0', 'kube_minions / 0 / port',
             'kube_minions / 0 / server', 'kube_minions / 0 / volume',
             'kube_minions / 1'], paths[start:start + 6])

    def test_complete_stack_is_100_percent_and_final(self):
        prog = _build('sandbox_complete')
        self.assertEqual((17, 17), (prog.done, prog.total))
        self.assertEqual(100, prog.percent)
        self.assertFalse(prog.busy)
        self.assertEqual('complete', prog.stack_status_class)

    def test_failed_stack_picks_the_failing_leaf_and_its_reason(self):
        prog = _build('sandbox_failed')
        self.assertEqual('CREATE_FAILED', prog.stack_status)
        self.assertFalse(prog.busy)
        self.assertEqual('kube_minions / 1 / server',
                         prog.failed_resource.display_path)
        self.assertEqual(
            'ValueError: resources.server: Test Resource failed server',
            prog.failure_reason)
        self.assertEqual((16, 17), (prog.done, prog.total))

    def test_cancelled_sibling_is_not_the_cause(self):
        prog = _build('sandbox_failed')
        cancelled = copy.copy(prog.failed_resource)
        cancelled.path = ('kube_minions', '0', 'server')
        cancelled.reason = 'CREATE aborted (Task create from ... cancelled)'
        cancelled.updated = '2026-11-20T10:00:01Z'   # failed earlier
        chosen, reason = stack_progress.find_failure(
            [cancelled, prog.failed_resource], [])
        self.assertIs(prog.failed_resource, chosen)

    def test_failure_falls_back_to_events_then_stack_reason(self):
        prog = _build('sandbox_failed')
        chosen, reason = stack_progress.find_failure([], prog.events,
                                                     'stack why')
        self.assertEqual('kube_minions / 1 / server', chosen.name)
        self.assertIn('Test Resource failed server', reason)
        self.assertEqual((None, 'stack why'),
                         stack_progress.find_failure([], [], 'stack why'))

    def test_events_newest_first_with_failures_flagged(self):
        events = _build('sandbox_failed').events
        times = [event.time for event in events]
        self.assertEqual(sorted(times, reverse=True), times)
        self.assertEqual('demo-cluster-c0ffee', events[0].resource)
        self.assertTrue(events[0].is_failure)
        failures = {event.resource for event in events if event.is_failure}
        self.assertEqual({'demo-cluster-c0ffee', 'kube_minions',
                          'kube_minions / 1', 'kube_minions / 1 / server'},
                         failures)

    def test_deleting_counts_deleted_leaves(self):
        raw = heat_fake.fixture('sandbox_complete_resources.json')
        resources = raw['resources']
        for res in resources[:4]:
            res['resource_status'] = 'DELETE_COMPLETE'
        items = stack_progress.index_resources(resources)
        self.assertEqual((4, 17), stack_progress.count_progress(items, True))
        # an update removing resources does not count those on their way out
        self.assertEqual((13, 13), stack_progress.count_progress(items, False))


class TopologyTests(helpers.MagnumTestCase):
    def test_sandbox_stack(self):
        topo = _build('sandbox_creating').topology
        self.assertEqual(['api_floating_ip', 'network'],
                         [box.name for box in topo.network])
        self.assertEqual(['api_lb'], [box.name for box in topo.loadbalancers])
        [masters] = topo.control_plane
        self.assertEqual([('master-0', 'complete')],
                         [(n.label, n.status_class) for n in masters.nodes])
        minions, gpu = topo.workers
        self.assertEqual(
            [('node-0', 'complete'), ('node-1', 'in-progress'),
             ('node-2', 'in-progress')],
            [(n.label, n.status_class) for n in minions.nodes])
        self.assertEqual(('gpu_pool', 'pending', []),
                         (gpu.label, gpu.status_class, gpu.nodes))
        self.assertEqual(['cloud_credential', 'cluster_ca'],
                         [box.name for box in topo.other])

    def test_failed_node_is_coloured_failed(self):
        topo = _build('sandbox_failed').topology
        minions = topo.workers[0]
        self.assertEqual('failed', minions.status_class)
        self.assertEqual(['complete', 'failed'],
                         [n.status_class for n in minions.nodes])
        self.assertEqual(['gpu_pool-0'],
                         [n.label for n in topo.workers[1].nodes])

    def test_magnum_heat_driver_names(self):
        topo = _build('magnum_driver').topology
        self.assertEqual(['network', 'secgroup_kube_master',
                          'secgroup_kube_minion'],
                         [box.name for box in topo.network])
        self.assertEqual(['api_lb', 'etcd_lb'],
                         [box.name for box in topo.loadbalancers])
        self.assertEqual(['master-0', 'master-1', 'master-2'],
                         [n.label for n in topo.control_plane[0].nodes])
        self.assertEqual(['node-0', 'node-1'],
                         [n.label for n in topo.workers[0].nodes])
        other = {box.name for box in topo.other}
        self.assertIn('api_address_lb_switch', other)
        self.assertIn('master_nodes_server_group', other)
        self.assertEqual('complete', topo.network_status_class)

    def test_classify_by_type_then_name(self):
        cases = [
            ('kube_master', 'OS::Nova::Server', topology.CONTROL_PLANE),
            ('swarm_agents', 'OS::Heat::ResourceGroup', topology.WORKERS),
            ('nodegroup_gpu', 'OS::Heat::ResourceGroup', topology.WORKERS),
            ('api_lb', 'OS::Heat::TestResource', topology.LOADBALANCER),
            ('thing', 'OS::Octavia::LoadBalancer', topology.LOADBALANCER),
            ('fixed_subnet', 'OS::Neutron::Subnet', topology.NETWORK),
            ('secgroup_kube_master', 'OS::Neutron::SecurityGroup',
             topology.NETWORK),
            ('cluster_ca', 'OS::Heat::TestResource', topology.OTHER),
            ('mystery', 'Vendor::Thing', topology.OTHER),
        ]
        for name, rtype, role in cases:
            self.assertEqual(role, topology.classify(name, rtype), name)

    def test_single_server_is_a_group_of_one(self):
        items = stack_progress.index_resources([{
            'resource_name': 'kube_master',
            'resource_type': 'OS::Nova::Server',
            'resource_status': 'CREATE_IN_PROGRESS', 'links': [
                {'rel': 'stack', 'href': 'http://h/v1/1/stacks/s/root'}]}],
            'root')
        [group] = topology.build(items).control_plane
        self.assertEqual(['kube_master'], [n.label for n in group.nodes])
        self.assertEqual('in-progress', group.nodes[0].status_class)


class GetProgressTests(helpers.MagnumTestCase):
    """The service layer against the fake Heat transport."""

    def setUp(self):
        super().setUp()
        # Row summaries are cached per stack: no test sees another's.
        cache.clear()
        self.addCleanup(cache.clear)

    def _progress(self, cluster, scenario=None, error=None):
        fake = heat_fake.FakeHeat(scenario, error=error)
        with heat_fake.install(fake):
            return progress.get_progress(self.request, cluster), fake

    def _cluster_on(self, scenario, **changes):
        stack_id = heat_fake.fixture('%s_stack.json' % scenario)['stack']['id']
        info = dict(status='CREATE_FAILED', status_reason='why Magnum says',
                    cluster_id=stack_id, stack_id=stack_id)
        info.update(changes)
        return magnum_data._cluster(**info)

    def test_failed_cluster_through_openstacksdk(self):
        cluster = self._cluster_on('sandbox_failed')
        prog, fake = self._progress(cluster, 'sandbox_failed')
        self.assertEqual(stack_progress.AVAILABLE, prog.state)
        self.assertEqual('kube_minions / 1 / server',
                         prog.failed_resource.display_path)
        self.assertEqual((16, 17), (prog.done, prog.total))
        self.assertEqual('CREATE_FAILED', cluster.status)
        self.assertEqual('CREATE_FAILED', prog.cluster_status)
        queries = [urllib.parse.parse_qs(urllib.parse.urlsplit(url).query)
                   for url in fake.requests if '/resources' in url]
        self.assertIn({'nested_depth': ['3']}, queries)
        events = [url for url in fake.requests if '/events' in url]
        self.assertTrue(events)
        self.assertIn('sort_dir=desc', events[-1])
        self.assertIn('nested_depth=3', events[-1])

    def test_old_api_uses_stack_id(self):
        cluster = self._cluster_on('sandbox_creating', cluster_id=None)
        prog, _fake = self._progress(cluster, 'sandbox_creating')
        self.assertEqual(stack_progress.AVAILABLE, prog.state)
        self.assertTrue(prog.busy)

    def test_cluster_api_driver_id_is_not_a_heat_stack(self):
        cluster = self._cluster_on('sandbox_failed', cluster_id='kube-7fq3k')
        prog, _fake = self._progress(cluster, 'sandbox_failed')
        self.assertEqual(stack_progress.NOT_HEAT, prog.state)
        self.assertFalse(prog.available)
        self.assertEqual(cluster.status_reason, prog.cluster_status_reason)

    def test_missing_stack(self):
        cluster = self._cluster_on('sandbox_failed')
        prog, _fake = self._progress(cluster, error=404)
        self.assertEqual(stack_progress.NOT_HEAT, prog.state)

    def test_forbidden_stack(self):
        cluster = self._cluster_on('sandbox_failed')
        prog, _fake = self._progress(cluster, error=403)
        self.assertEqual(stack_progress.FORBIDDEN, prog.state)
        self.assertFalse(prog.busy)

    def test_no_stack_id_yet_keeps_polling_a_busy_cluster(self):
        cluster = self.clusters.list()[1]
        cluster._apiresource.cluster_id = None
        cluster._apiresource.stack_id = None
        prog, fake = self._progress(cluster, 'sandbox_creating')
        self.assertEqual(stack_progress.NO_STACK, prog.state)
        self.assertTrue(prog.busy)
        self.assertEqual([], fake.requests)

    def test_summary_is_one_call_per_cluster_and_request(self):
        cluster = self._cluster_on('sandbox_creating')
        fake = heat_fake.FakeHeat('sandbox_creating')
        with heat_fake.install(fake):
            first = progress.cluster_progress_summary(self.request, cluster)
            second = progress.cluster_progress_summary(self.request, cluster)
        self.assertEqual((15, 18), first[:2])
        self.assertEqual(first, second)
        # Heat's lookup redirect: one listing, two round trips, no stack GET
        self.assertEqual(2, len(fake.requests))
        self.assertTrue(all('/resources' in url for url in fake.requests))

    def _summary(self, cluster, fake):
        with heat_fake.install(fake):
            summary = progress.cluster_progress_summary(self.request, cluster)
        self.assertTrue(fake.requests)
        return summary

    def test_summary_is_none_for_a_non_heat_id(self):
        cluster = self._cluster_on('sandbox_creating', cluster_id='kube-7q')
        self.assertIsNone(self._summary(
            cluster, heat_fake.FakeHeat('sandbox_creating')))

    def test_summary_is_none_when_forbidden(self):
        cluster = self._cluster_on('sandbox_creating')
        self.assertIsNone(self._summary(cluster,
                                        heat_fake.FakeHeat(error=403)))
