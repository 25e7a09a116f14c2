"""Progress tab: Heat's stack, resource and event texts, topology SVG."""

import copy

from django.urls import reverse
from openstack import exceptions as sdk_exceptions

from openstack_dashboard.test import helpers

from magnum_ui.api import heat
from magnum_ui.api import magnum
from magnum_ui.content.project.clusters.progress import topology
from tests.unit.content.project.clusters import base
from tests.unit.content.project.clusters import heat_fake
from tests.unit import magnum_data
from tests.unit import markup

MOCKS = {magnum: ['cluster_get', 'cluster_template_get'],
         heat: ['stack_get', 'stack_resources', 'stack_events']}
AJAX = {'HTTP_X_REQUESTED_WITH': 'XMLHttpRequest'}


def progress_url(cluster_id):
    return reverse('horizon:project:clusters:detail', args=[cluster_id]) + \
        '?tab=cluster_details__progress'


def _hostile_name(name):
    """Group members keep their index: the tree is rebuilt from them."""
    if topology.is_index(name):
        return name
    if name.startswith(topology.NODEGROUP_PREFIX):
        return topology.NODEGROUP_PREFIX + markup.hostile(
            name[len(topology.NODEGROUP_PREFIX):])
    return markup.hostile(name)


def hostile_heat(scenario):
    """A recorded stack whose names and reasons all hold markup."""
    stack = copy.deepcopy(
        heat_fake.fixture('%s_stack.json' % scenario)['stack'])
    stack['stack_name'] = markup.hostile('sname')
    stack['stack_status_reason'] = markup.hostile('sreason')
    resources = copy.deepcopy(heat_fake.fixture(
        '%s_resources.json' % scenario)['resources'])
    for raw in resources:
        raw['resource_name'] = _hostile_name(raw['resource_name'])
        raw['resource_type'] = raw['resource_type'] + markup.IMG
        raw['resource_status_reason'] = markup.hostile('rreason')
    events = copy.deepcopy(heat_fake.fixture(
        '%s_events.json' % scenario)['events'])
    for raw in events:
        raw['resource_name'] = _hostile_name(raw['resource_name'])
        raw['resource_status_reason'] = markup.hostile('ereason')
    return stack, resources, events


class ProgressMarkupTests(markup.InertAssertions, base.ClustersTestCase):
    def mock_heat(self, scenario, cluster):
        stack, resources, events = hostile_heat(scenario)
        self.mock_cluster_get.return_value = cluster
        self.mock_cluster_template_get.return_value = \
            self.cluster_templates.first()
        self.mock_stack_get.return_value = stack
        self.mock_stack_resources.return_value = resources
        self.mock_stack_events.return_value = events
        return stack

    def render(self, cluster, ajax=True):
        res = self.client.get(progress_url(cluster.id),
                              **(AJAX if ajax else {}))
        self.assertEqual(200, res.status_code)
        self.assertContains(res, 'id="mui-cluster-progress"')
        return res, markup.body(res)

    @helpers.create_mocks(MOCKS)
    def test_failed_stack_texts_are_escaped(self):
        cluster = self.clusters.list()[2]
        self.mock_heat('sandbox_failed', cluster)
        res, page = self.render(cluster)
        self.assertShown(page, 'sname', 'rreason', 'ereason', 'server',
                         'kube_minions', 'network', 'gpu_pool')
        # the failure box: resource path and reason
        failure = page[page.index('id="mui-progress-failure"'):
                       page.index('id="mui-progress-bar"')]
        self.assertShown(failure, 'server', 'rreason')
        self.assertIn(markup.escape(markup.IMG), failure)

    @helpers.create_mocks(MOCKS)
    def test_resource_rows_keep_their_attributes(self):
        cluster = self.clusters.list()[2]
        self.mock_heat('sandbox_failed', cluster)
        _res, page = self.render(cluster)
        path = ' / '.join((markup.hostile('kube_minions'), '1',
                           markup.hostile('server')))
        found = markup.elements(page, 'tr', data_path=path)
        self.assertEqual(1, len(found), 'data-path was not kept whole')
        self.assertIn('mui-failed-resource', found[0][1]['class'])

    @helpers.create_mocks(MOCKS)
    def test_topology_title_text_and_data_attributes(self):
        cluster = self.clusters.list()[2]
        self.mock_heat('sandbox_failed', cluster)
        _res, page = self.render(cluster)
        svg = page[page.index('<svg id="mui-cluster-topology"'):]
        svg = svg[:svg.index('</svg>')]
        self.assertInert(svg, 'topology')
        # <title>: the full label, status and reason, escaped
        self.assertIn('<title>node-1: CREATE_FAILED %s</title>'
                      % markup.escaped('rreason'), svg)
        # group frame titles and box names read back whole from attributes
        groups = markup.elements(svg, 'g', data_name=markup.hostile(
            'kube_minions'))
        self.assertEqual(1, len(groups))
        self.assertIn(markup.escaped('kube_minions'), svg)   # frame <text>
        pool = topology.NODEGROUP_PREFIX + markup.hostile('gpu_pool')
        self.assertEqual(1, len(markup.elements(svg, 'g', data_name=pool)))
        # <text> of a box: truncated, but still escaped
        self.assertIn('>%s</text>' % markup.escape(
            ('%s-0' % markup.hostile('gpu_pool'))[:15] + '\u2026'), svg)
        # the network band: its resources' names in its <title>
        self.assertIn(', %s</title>' % markup.escaped('network'), svg)

    @helpers.create_mocks(MOCKS)
    def test_busy_stack_status_is_escaped_in_attribute_and_label(self):
        cluster = self.clusters.list()[1]
        stack = self.mock_heat('sandbox_creating', cluster)
        stack['stack_status'] = markup.hostile('sstatus') + '_IN_PROGRESS'
        _res, page = self.render(cluster)
        self.assertShown(page, 'sname', 'sstatus', 'rreason')
        self.assertEqual(stack['stack_status'], markup.attribute(
            page, 'data-stack-status', id='mui-cluster-progress'))
        self.assertContains(_res, 'data-busy="true"')

    @helpers.create_mocks(MOCKS)
    def test_stack_failure_without_a_failed_resource_is_escaped(self):
        cluster = self.clusters.first()
        stack = self.mock_heat('sandbox_complete', cluster)
        stack['stack_status'] = 'UPDATE_FAILED'
        _res, page = self.render(cluster)
        failure = page[page.index('id="mui-progress-failure"'):
                       page.index('id="mui-progress-bar"')]
        self.assertShown(failure, 'sreason')
        self.assertShown(page, 'sname', 'rreason', 'ereason')

    @helpers.create_mocks(MOCKS)
    def test_full_page_with_the_tab_selected_is_escaped(self):
        cluster = magnum_data._cluster(
            uuid=self.clusters.list()[2].id, name=markup.hostile('cname'),
            status='CREATE_FAILED', status_reason=markup.hostile('creason'))
        self.mock_heat('sandbox_failed', cluster)
        _res, page = self.render(cluster, ajax=False)
        self.assertShown(page, 'cname', 'creason', 'sname', 'rreason',
                         'ereason')

    @helpers.create_mocks(MOCKS)
    def test_not_a_heat_stack_shows_magnum_reason_escaped(self):
        cluster = magnum_data._cluster(
            status='CREATE_FAILED', status_reason=markup.hostile('creason'))
        self.mock_heat('sandbox_failed', cluster)
        self.mock_stack_get.side_effect = sdk_exceptions.NotFoundException(
            markup.hostile('notfound'))
        _res, page = self.render(cluster)
        self.assertContains(_res, 'id="mui-progress-unavailable"')
        self.assertShown(page, 'creason')

    @helpers.create_mocks(MOCKS)
    def test_heat_error_message_is_escaped(self):
        cluster = magnum_data._cluster(
            status='CREATE_IN_PROGRESS',
            status_reason=markup.hostile('creason'))
        self.mock_heat('sandbox_creating', cluster)
        self.mock_stack_get.side_effect = sdk_exceptions.HttpException(
            markup.hostile('heaterr'), http_status=503)
        _res, page = self.render(cluster)
        self.assertShown(page, 'heaterr', 'creason')
