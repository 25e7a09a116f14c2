"""The Nodegroups tab: flavor names, actions, delete, the batched refresh."""

import re
import types
from unittest import mock

from django.conf import settings
from django.urls import reverse

from openstack_dashboard import api
from openstack_dashboard.test import helpers

from magnum_ui.api import magnum
from magnum_ui.content.project.clusters.nodegroups import actions
from magnum_ui.content.project.clusters.nodegroups import data
from magnum_ui.content.project.clusters import pending
from tests.unit.content.project.clusters import base
from tests.unit.content.project.clusters.test_nodegroup_forms import pool
from tests.unit import magnum_data

CLUSTER_ID = magnum_data.CLUSTER['uuid']
TAB_URL = (reverse('horizon:project:clusters:detail', args=[CLUSTER_ID])
           + '?tab=cluster_details__nodegroups')
ROWS_URL = reverse('horizon:project:clusters:nodegroups:rows',
                   args=[CLUSTER_ID])
TAB_MOCKS = {magnum: ['cluster_get', 'cluster_template_get',
                      'nodegroup_list', 'nodegroup_delete']}
FLAVOR_UUID = '7f5b1e2c-0000-4000-8000-00000000f1a5'


class NodegroupsTabTests(base.ClustersTestCase):
    def mock_tab(self, groups):
        self.mock_cluster_get.return_value = self.cluster()
        self.mock_cluster_template_get.return_value = \
            self.cluster_templates.first()
        self.mock_nodegroup_list.return_value = groups
        self.flavor_list = mock.patch.object(
            api.nova, 'flavor_list', return_value=[types.SimpleNamespace(
                id=FLAVOR_UUID, name='m1.large')]).start()
        self.addCleanup(mock.patch.stopall)

    @helpers.create_mocks(TAB_MOCKS)
    def test_flavor_names_drift_and_live_container(self):
        behind = pool(flavor_id=FLAVOR_UUID, labels={'kube_tag': 'v1.29.8'})
        self.mock_tab(self.nodegroups.list() + [behind])
        res = self.client.get(TAB_URL)
        self.assertContains(res, 'm1.large')
        self.assertNotContains(res, FLAVOR_UUID + '<')
        self.assertContains(res, 'data-rows-url="%s?cluster=demo-cluster"'
                            % ROWS_URL)
        self.assertContains(res, 'id="nodegroup-drift"')
        self.assertContains(res, 'nodegroup-drift"', count=2)  # + the row
        # Names from the Nova flavor list (Horizon memoizes it per request).
        self.flavor_list.assert_called_with(helpers.IsHttpRequest())

    @helpers.create_mocks(TAB_MOCKS)
    def test_default_groups_cannot_be_deleted_with_the_reason(self):
        self.mock_tab(self.nodegroups.list() + [pool()])
        res = self.client.get(TAB_URL)
        table = res.context['tab_group'].get_tab('nodegroups')._tables[
            'nodegroups']
        for group in table.data:
            delete = [a for a in table.get_row_actions(group)
                      if a.name == 'delete'][0]
            self.assertEqual(group.is_default,
                             delete.attrs.get('disabled') == 'disabled')
            if group.is_default:
                self.assertEqual(actions.DEFAULT_GROUP_REASON,
                                 delete.attrs['title'])
            else:
                self.assertIn('openstack coe nodegroup delete demo-cluster '
                              'pool-a', delete.help_text)
        self.assertContains(res, 'cannot be deleted', count=2)

    @helpers.create_mocks(TAB_MOCKS)
    def test_delete_of_a_default_group_is_refused_without_asking(self):
        self.mock_tab(self.nodegroups.list())
        worker = self.nodegroups.list()[1]
        res = self.client.post(TAB_URL, {
            'action': 'nodegroups__delete__%s' % worker.id})
        self.assertEqual(302, res.status_code)
        self.mock_nodegroup_delete.assert_not_called()

    @helpers.create_mocks(TAB_MOCKS)
    def test_delete_shows_the_group_busy_until_magnum_does(self):
        group = pool()
        self.mock_tab(self.nodegroups.list() + [group])
        res = self.client.post(TAB_URL, {
            'action': 'nodegroups__delete__%s' % group.id})
        self.assertEqual(302, res.status_code)
        self.mock_nodegroup_delete.assert_called_once_with(
            helpers.IsHttpRequest(), CLUSTER_ID, group.id)
        entry = self.client.session[pending.NODEGROUPS.session_key][group.id]
        self.assertEqual(('DELETE_IN_PROGRESS', CLUSTER_ID),
                         (entry['status'], entry['scope']))

    @helpers.create_mocks(TAB_MOCKS)
    def test_actions_follow_policy(self):
        self.mock_tab(self.nodegroups.list() + [pool()])
        with self.settings(POLICY_CHECK_FUNCTION=lambda rules, request,
                           target=None: not any(
                               rule[1] == 'nodegroup:create'
                               for rule in rules)):
            res = self.client.get(TAB_URL)
        self.assertNotContains(res, 'nodegroups__action_create')
        self.assertContains(res, 'nodegroups__row_%s__action_resize'
                            % pool().id)


class RowsTests(base.ClustersTestCase):
    @helpers.create_mocks({magnum: ['nodegroup_list_brief']})
    def test_one_list_call_and_details_from_the_page(self):
        group = pool(status='UPDATE_IN_PROGRESS')
        brief = pool(status='UPDATE_COMPLETE', min_node_count=0,
                     max_node_count=None, labels=None, node_count=3)
        data._remember_details(self.request, CLUSTER_ID, [group], 'v1.30.1')
        self.mock_nodegroup_list_brief.return_value = [brief]
        res = self.client.get(ROWS_URL, {'ids': '%s,gone-id' % group.id,
                                         'cluster': 'demo-cluster'})
        self.assertEqual(200, res.status_code)
        answer = res.json()
        self.assertEqual(['gone-id'], answer['gone'])
        row = answer['rows'][group.id]
        self.assertIn('status_up', row)
        cells = re.findall(r'<td[^>]*>\s*([^<]*?)\s*</td>', row)
        # name role default status nodes (live) min max (from the page)
        self.assertEqual(['pool-a', 'worker', 'No', 'Active (updated)', '3',
                          '1', '4', 'm1.small', 'v1.30.1'], cells[:9])
        self.assertIn('nodegroup delete demo-cluster pool-a', row)
        self.mock_nodegroup_list_brief.assert_called_once_with(
            helpers.IsHttpRequest(), CLUSTER_ID)

    @helpers.create_mocks({magnum: ['nodegroup_list_brief']})
    def test_new_group_shows_as_placeholder_and_failure_is_503(self):
        session = self.client.session
        session[pending.NODEGROUPS.session_key] = {'new-id': {
            'status': 'CREATE_IN_PROGRESS', 'until': 4102444800,
            'since': None, 'scope': CLUSTER_ID,
            'fields': {'name': 'pool-new', 'node_count': 1}}}
        session.save()
        # Signed-cookie sessions: the client sends what was saved.
        self.client.cookies[settings.SESSION_COOKIE_NAME] = \
            session.session_key
        self.mock_nodegroup_list_brief.return_value = self.nodegroups.list()
        answer = self.client.get(ROWS_URL, {'ids': 'new-id'}).json()
        self.assertIn('pool-new', answer['rows']['new-id'])
        self.mock_nodegroup_list_brief.side_effect = base.magnum_error(
            500, 'conductor away')
        res = self.client.get(ROWS_URL, {'ids': 'new-id'})
        self.assertEqual(503, res.status_code)
        self.assertIn('conductor away', res.json()['error'])

    def test_command_preview_reads_the_posted_fields(self):
        res = self.client.post(
            reverse('horizon:project:clusters:nodegroups:cli',
                    args=[CLUSTER_ID, 'resize'])
            + '?cluster=demo-cluster&nodegroup=pool-a', {'node_count': '7'})
        self.assertEqual(
            b'openstack coe cluster resize --nodegroup pool-a demo-cluster 7',
            res.content)
