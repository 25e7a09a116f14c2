"""The Progress tab rendered through Horizon's TabView, Heat mocked."""

from django.utils.translation import gettext_lazy as _
from magnumclient import exceptions as magnum_exceptions
from openstack import exceptions as sdk_exceptions

from horizon import tabs

from magnum_ui.api import heat
from magnum_ui.api import magnum
from magnum_ui.content.project.clusters.progress import model as stack_progress
from magnum_ui.content.project.clusters.progress import tab as progress_tab
from openstack_dashboard.test import helpers
from tests.unit.content.project.clusters import heat_fake
from tests.unit import helpers as magnum_helpers

TAB_ID = 'cluster_details__progress'


class _OverviewTab(tabs.Tab):
    name = _('Overview')
    slug = 'overview'
    template_name = 'horizon/common/_detail_table.html'

    def get_context_data(self, request, **kwargs):
        return {}


class _DetailTabs(tabs.TabGroup):
    slug = 'cluster_details'
    tabs = (_OverviewTab, progress_tab.ProgressTab)


class _DetailView(tabs.TabView):
    tab_group_class = _DetailTabs
    template_name = 'horizon/common/_detail.html'


def _heat_answers(test, scenario):
    stack = heat_fake.fixture('%s_stack.json' % scenario)['stack']
    test.mock_stack_get.return_value = stack
    test.mock_stack_resources.return_value = heat_fake.fixture(
        '%s_resources.json' % scenario)['resources']
    test.mock_stack_events.return_value = heat_fake.fixture(
        '%s_events.json' % scenario)['events']
    return stack


class ProgressTabTests(magnum_helpers.MagnumTestCase):
    def _render(self, cluster=None, cluster_id=None, ajax=True):
        path = '/project/clusters/%s/' % (cluster_id or cluster.id)
        headers = {'HTTP_X_REQUESTED_WITH': 'XMLHttpRequest'} if ajax else {}
        request = self.factory.get(path, {'tab': TAB_ID}, **headers)
        request.user = self.request.user
        request.session = self.request.session
        request.horizon = {'dashboard': None, 'panel': None,
                           'async_messages': []}
        kwargs = {'cluster_id': cluster_id} if cluster_id else {
            'cluster': cluster}
        response = _DetailView.as_view()(request, **kwargs)
        if hasattr(response, 'render'):
            response.render()
        return response

    def test_tab_is_lazy(self):
        self.assertFalse(progress_tab.ProgressTab.preload)
        request = self.factory.get('/project/clusters/x/')
        request.user = self.request.user
        group = _DetailTabs(request, cluster=self.clusters.first())
        with self.assertNoHeat():
            group.load_tab_data()
            self.assertEqual('', group.get_tab('progress').render())

    def assertNoHeat(self):
        return helpers.mock.patch.object(
            heat, 'connection', side_effect=AssertionError('Heat called'))

    @helpers.create_mocks({heat: ['stack_get', 'stack_resources',
                                  'stack_events']})
    def test_creating_cluster_keeps_refreshing(self):
        cluster = self.clusters.list()[1]
        stack = _heat_answers(self, 'sandbox_creating')
        res = self._render(cluster)
        self.assertEqual(200, res.status_code)
        self.assertContains(res, 'id="mui-cluster-progress"')
        self.assertContains(res, 'data-busy="true"')
        self.assertContains(
            res, 'data-refresh-url="/project/clusters/%s/?tab=%s"'
            % (cluster.id, TAB_ID))
        self.assertContains(res, 'style="width: 83%;"')
        self.assertContains(res, '15 of 18 resources complete')
        self.assertContains(res, 'id="mui-cluster-topology"')
        self.assertContains(res, 'data-name="1" data-status="in-progress"')
        self.assertContains(res, 'data-path="kube_minions / 1 / server"')
        self.assertNotContains(res, 'id="mui-progress-failure"')
        self.mock_stack_get.assert_called_once_with(
            helpers.IsHttpRequest(), cluster.stack_or_cluster_id)
        canonical = '%s/%s' % (stack['stack_name'], stack['id'])
        self.mock_stack_resources.assert_called_once_with(
            helpers.IsHttpRequest(), canonical, nested_depth=3)
        self.mock_stack_events.assert_called_once_with(
            helpers.IsHttpRequest(), canonical, nested_depth=3, limit=100)

    @helpers.create_mocks({heat: ['stack_get', 'stack_resources',
                                  'stack_events']})
    def test_failed_cluster_shows_failing_resource_first(self):
        _heat_answers(self, 'sandbox_failed')
        res = self._render(self.clusters.list()[2])
        content = res.content.decode()
        self.assertContains(res, 'data-busy="false"')
        self.assertContains(res, 'progress-bar-danger')
        failure = content.index('id="mui-progress-failure"')
        self.assertLess(failure, content.index('id="mui-progress-bar"'))
        self.assertIn('kube_minions / 1 / server', content[failure:])
        self.assertContains(
            res, 'ValueError: resources.server: Test Resource failed server')
        self.assertContains(res, 'mui-failed-resource')
        self.assertContains(res, 'mui-event-failure')
        self.assertContains(res, 'data-name="1" data-status="failed"')

    @helpers.create_mocks({heat: ['stack_get', 'stack_resources',
                                  'stack_events']})
    def test_complete_cluster_stops_refreshing(self):
        _heat_answers(self, 'sandbox_complete')
        res = self._render(self.clusters.first())
        self.assertContains(res, 'data-busy="false"')
        self.assertContains(res, 'style="width: 100%;"')
        self.assertContains(res, 'progress-bar-success')
        self.assertNotContains(res, 'data-status="in-progress"')

    @helpers.create_mocks({heat: ['stack_get']})
    def test_not_a_heat_stack_shows_magnum_status(self):
        self.mock_stack_get.side_effect = sdk_exceptions.NotFoundException(
            'The Stack (kube-7fq3k) could not be found.')
        cluster = self.clusters.list()[2]
        res = self._render(cluster)
        self.assertEqual(200, res.status_code)
        self.assertContains(res, 'id="mui-progress-unavailable"')
        self.assertContains(res, 'not built by a Heat stack')
        self.assertContains(res, cluster.status_reason)
        self.assertContains(res, 'CREATE_FAILED')
        self.assertNotContains(res, 'id="mui-cluster-topology"')

    @helpers.create_mocks({heat: ['stack_get']})
    def test_forbidden_stack_explains_instead_of_403(self):
        self.mock_stack_get.side_effect = sdk_exceptions.ForbiddenException(
            'You are not authorized to use stacks:show.')
        res = self._render(self.clusters.first())
        self.assertEqual(200, res.status_code)
        self.assertContains(res, 'not allowed to read')
        self.assertContains(res, 'data-busy="false"')

    @helpers.create_mocks({heat: ['stack_get']})
    def test_other_heat_error_keeps_the_message(self):
        self.mock_stack_get.side_effect = sdk_exceptions.HttpException(
            'Heat is having a bad day', http_status=503)
        res = self._render(self.clusters.list()[1])
        self.assertEqual(200, res.status_code)
        self.assertContains(res, 'Heat is having a bad day')
        self.assertContains(res, 'data-busy="true"')

    @helpers.create_mocks({magnum: ['cluster_get'],
                           heat: ['stack_get', 'stack_resources',
                                  'stack_events']})
    def test_fetches_cluster_when_given_only_its_id(self):
        cluster = self.clusters.list()[1]
        self.mock_cluster_get.return_value = cluster
        _heat_answers(self, 'sandbox_creating')
        res = self._render(cluster_id=cluster.id)
        self.assertContains(res, '15 of 18 resources complete')
        self.mock_cluster_get.assert_called_once_with(
            helpers.IsHttpRequest(), cluster.id)

    @helpers.create_mocks({magnum: ['cluster_get']})
    def test_cluster_error_is_not_a_500(self):
        self.mock_cluster_get.side_effect = \
            magnum_exceptions.InternalServerError('magnum down')
        res = self._render(cluster_id='c0ffee00-0000-4000-8000-000000000001')
        self.assertEqual(200, res.status_code)
        self.assertContains(res, 'id="mui-progress-unavailable"')


class TopologyLayoutTests(magnum_helpers.MagnumTestCase):
    def test_layout_stacks_rows_without_overlap(self):
        stack = heat_fake.fixture('magnum_driver_stack.json')['stack']
        prog = stack_progress.build_progress(stack, heat_fake.fixture(
            'magnum_driver_resources.json')['resources'], [])
        layout = progress_tab.topology_layout(prog.topology)
        boxes = [layout['network']] + layout['loadbalancers'] + [
            node for group in layout['groups'] for node in group['nodes']
        ] + layout['other']
        for i, a in enumerate(boxes):
            self.assertLessEqual(a['x'] + a['w'], layout['width'])
            self.assertLessEqual(a['y'] + a['h'], layout['height'])
            for b in boxes[i + 1:]:
                overlap = (a['x'] < b['x'] + b['w'] and
                           b['x'] < a['x'] + a['w'] and
                           a['y'] < b['y'] + b['h'] and
                           b['y'] < a['y'] + a['h'])
                self.assertFalse(overlap, (a['label'], b['label']))
        self.assertEqual(['control_plane', 'workers'],
                         [group['role'] for group in layout['groups']])
        self.assertIsNone(progress_tab.topology_layout(None))
