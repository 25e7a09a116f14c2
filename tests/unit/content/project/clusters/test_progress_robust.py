"""The Progress tab on Heat answers it did not expect: never an HTTP 500.

Resource names are Heat's (a template author's): '1²' passes str.isdigit
but not int(), a name may be missing, a resource may lack any key.
"""

from openstack_dashboard.test import helpers

from magnum_ui.api import heat
from magnum_ui.content.project.clusters.progress import loader as progress
from magnum_ui.content.project.clusters.progress import model as stack_progress
from magnum_ui.content.project.clusters.progress import topology
from tests.unit.content.project.clusters import heat_fake
from tests.unit.content.project.clusters import test_progress_tab
from tests.unit import helpers as magnum_helpers

HEAT_MOCKS = {heat: ['stack_get', 'stack_resources', 'stack_events']}


def failed_answer(**renames):
    """sandbox_failed's stack, resources, events; resources renamed by
    their index: {15: '1²'} names the failed worker node "1²".
    """
    stack = heat_fake.fixture('sandbox_failed_stack.json')['stack']
    resources = heat_fake.fixture(
        'sandbox_failed_resources.json')['resources']
    for index, name in renames.items():
        resources[int(index)]['resource_name'] = name
        resources[int(index)]['logical_resource_id'] = name
    events = heat_fake.fixture('sandbox_failed_events.json')['events']
    return stack, resources, events


class OddNamesTests(magnum_helpers.MagnumTestCase):
    def test_superscript_digits_are_names_not_indexes(self):
        stack, resources, events = failed_answer(**{
            '15': '1²', '19': 'nodegroup_1²', '20': '²'})
        prog = stack_progress.build_progress(stack, resources, events)
        paths = [item.display_path for item in prog.resources]
        self.assertIn('kube_minions / 1²', paths)
        self.assertIn('nodegroup_1² / ² / server', paths)
        self.assertEqual('kube_minions / 1² / server',
                         prog.failed_resource.display_path)
        minions, group = prog.topology.workers
        self.assertEqual(['node-0', '1²'],
                         [node.label for node in minions.nodes])
        self.assertEqual(('1²', ['²']),
                         (group.label, [node.label for node in group.nodes]))

    def test_index_is_ascii_digits_only(self):
        for name in ('0', '12'):
            self.assertTrue(topology.is_index(name), name)
        for name in ('1²', '²', '١', '', None, '1a', ' 1'):
            self.assertFalse(topology.is_index(name), name)

    def test_missing_name_is_the_resource_id_or_empty(self):
        stack, resources, events = failed_answer()
        for key in ('resource_name', 'logical_resource_id'):
            resources[1].pop(key)
            resources[15][key] = None
        resources[1]['physical_resource_id'] = 'f00d'
        resources[15].pop('physical_resource_id')
        prog = stack_progress.build_progress(stack, resources, events)
        paths = [item.display_path for item in prog.resources]
        self.assertIn('f00d', paths)
        self.assertIn('kube_minions / ', paths)
        self.assertIn('kube_minions /  / server', paths)

    def test_resource_without_any_key(self):
        stack, resources, events = failed_answer()
        prog = stack_progress.build_progress(
            stack, resources + [{}], events + [{}])
        self.assertEqual(stack_progress.AVAILABLE, prog.state)
        self.assertIn('', [item.display_path for item in prog.resources])
        self.assertEqual((16, 18), (prog.done, prog.total))


class UnreadableAnswerTests(magnum_helpers.MagnumTestCase):
    _render = test_progress_tab.ProgressTabTests._render

    def answer(self, stack, resources, events):
        self.mock_stack_get.return_value = stack
        self.mock_stack_resources.return_value = resources
        self.mock_stack_events.return_value = events

    @helpers.create_mocks(HEAT_MOCKS)
    def test_odd_names_render(self):
        self.answer(*failed_answer(**{'15': '1²', '19': 'nodegroup_1²',
                                      '1': None}))
        res = self._render(self.clusters.list()[2])
        self.assertEqual(200, res.status_code)
        self.assertContains(res, 'data-path="kube_minions / 1² / server"')
        self.assertContains(res, 'data-name="1²" data-status="failed"')
        self.assertContains(res, 'id="mui-cluster-topology"')

    @helpers.create_mocks(HEAT_MOCKS)
    def test_garbage_is_the_error_state(self):
        stack, resources, events = failed_answer()
        for garbage in (resources + ['not a resource'],
                        resources + [{'links': 'not a list'}],
                        resources + [{'resource_status': 7}]):
            self.answer(stack, garbage, events)
            with self.assertLogs(progress.LOG, 'WARNING'):
                prog = progress.get_progress(self.request,
                                             self.clusters.list()[2])
            self.assertEqual(stack_progress.ERROR, prog.state)
            self.assertIn('could not be read', prog.message)
            self.assertEqual('CREATE_FAILED', prog.cluster_status)

    @helpers.create_mocks(HEAT_MOCKS)
    def test_garbage_renders_the_error_state(self):
        stack, resources, events = failed_answer()
        self.answer(stack, resources, events + [None])
        with self.assertLogs(progress.LOG, 'WARNING'):
            res = self._render(self.clusters.list()[2])
        self.assertEqual(200, res.status_code)
        self.assertContains(res, 'id="mui-progress-unavailable"')
        self.assertContains(res, 'data-state="error"')
        self.assertContains(res, 'answer about the stack could not be read')

    @helpers.create_mocks(HEAT_MOCKS)
    def test_stack_without_id_is_the_error_state(self):
        stack, resources, events = failed_answer()
        del stack['id']
        self.answer(stack, resources, events)
        with self.assertLogs(progress.LOG, 'WARNING'):
            res = self._render(self.clusters.list()[2])
        self.assertEqual(200, res.status_code)
        self.assertContains(res, 'data-state="error"')
