"""Upgrade guardrails (upgrades.py) and the cluster upgrade form using them;
the service layer's nodegroup patch; the day-2 commands."""

from django.test import SimpleTestCase
from django.urls import reverse

from openstack_dashboard.test import helpers

from magnum_ui.api import magnum
from magnum_ui.content.common import cli
from magnum_ui.content.project.clusters import upgrades
from tests.unit.content.project.clusters import base
from tests.unit.content.project.clusters.test_nodegroup_forms import pool
from tests.unit import magnum_data

UPGRADE_URL = reverse('horizon:project:clusters:operations:upgrade',
                      args=[magnum_data.CLUSTER['uuid']])


def template(uuid_end, tag, coe='kubernetes', **changes):
    return magnum_data._template(
        uuid='a1b2c3d4-0000-4000-8000-0000000000%s' % uuid_end,
        name='k8s-%s' % tag, coe=coe, labels={'kube_tag': tag}, **changes)


class GuardrailTests(SimpleTestCase):
    def test_versions_and_refusals(self):
        self.assertEqual((1, 30, 4), upgrades.version_key('v1.30.4'))
        self.assertEqual((1, 31, 0), upgrades.version_key('1.31'))
        self.assertIsNone(upgrades.version_key('latest'))
        self.assertIsNone(upgrades.refusal('v1.30.4', 'v1.31.1'))
        self.assertIsNone(upgrades.refusal('v1.30.4', 'v1.30.9'))
        self.assertIsNone(upgrades.refusal('latest', 'v1.31.1'))
        self.assertIn('downgrade', str(upgrades.refusal('v1.30.4',
                                                        'v1.30.1')))
        skip = str(upgrades.refusal('v1.29.0', 'v1.31.1'))
        self.assertIn('one minor version at a time (to v1.30 first)', skip)
        self.assertIsNotNone(upgrades.refusal('v1.30.0', 'v2.0.0'))

    def test_candidates_same_coe_not_hidden_by_version(self):
        current = template('01', 'v1.30.1')
        found = upgrades.candidates([
            current, template('02', 'v1.31.0'), template('03', 'v1.29.9'),
            template('04', 'v1.31.0', coe='swarm'),
            template('05', 'v1.31.2', hidden=True)], current)
        self.assertEqual(['k8s-v1.29.9', 'k8s-v1.31.0'],
                         [t.name for t in found])
        self.assertEqual('k8s-v1.31.0 (Kubernetes v1.31.0)',
                         str(upgrades.choice_label(found[1])))

    def test_drift(self):
        same, behind = pool(name='same'), pool(
            name='behind', labels={}, version='v1.29.3')
        self.assertEqual([behind], upgrades.drifted([same, behind],
                                                    'v1.30.1'))
        self.assertEqual([], upgrades.drifted([behind], None))


class ClusterUpgradeFormTests(base.ClustersTestCase):
    def mock_upgrade(self, groups=None):
        self.mock_cluster_get.return_value = self.cluster()
        self.mock_nodegroup_list.return_value = (
            self.nodegroups.list() if groups is None else groups)
        self.mock_cluster_template_list.return_value = [
            self.cluster_templates.first(), template('02', 'v1.29.9'),
            template('03', 'v1.32.0'), template('04', 'v1.31.2')]

    @helpers.create_mocks({magnum: ['cluster_get', 'nodegroup_list',
                                    'cluster_template_list',
                                    'cluster_upgrade']})
    def test_downgrade_and_skip_are_field_errors_values_kept(self):
        self.mock_upgrade()
        for uuid_end, words in (('02', 'downgrade'),
                                ('03', 'one minor version at a time')):
            res = self.client.post(UPGRADE_URL, {
                'cluster_template_id':
                    'a1b2c3d4-0000-4000-8000-0000000000' + uuid_end,
                'max_batch_size': 4})
            self.assertEqual(200, res.status_code)
            self.assertIn(words, ' '.join(
                res.context['form'].errors['cluster_template_id']))
            self.assertContains(res, 'value="4"')
        self.mock_cluster_upgrade.assert_not_called()
        res = self.client.post(UPGRADE_URL, {
            'cluster_template_id': 'a1b2c3d4-0000-4000-8000-000000000004',
            'max_batch_size': 2})
        self.assertNoFormErrors(res)
        self.mock_cluster_upgrade.assert_called_once_with(
            helpers.IsHttpRequest(), magnum_data.CLUSTER['uuid'],
            'a1b2c3d4-0000-4000-8000-000000000004', max_batch_size=2,
            nodegroup=None)

    @helpers.create_mocks({magnum: ['cluster_get', 'nodegroup_list',
                                    'cluster_template_list']})
    def test_drift_warning_offers_to_upgrade_them_too(self):
        behind = pool(labels={'kube_tag': 'v1.29.3'})
        self.mock_upgrade(self.nodegroups.list() + [behind])
        res = self.client.get(UPGRADE_URL)
        self.assertContains(res, 'id="upgrade-drift"')
        self.assertContains(res, reverse(
            'horizon:project:clusters:nodegroups:upgrade',
            args=[magnum_data.CLUSTER['uuid'], behind.id]))
        # (a batch of 1 is the client's default: not spelled out)
        self.assertContains(res, 'openstack coe cluster upgrade '
                            'demo-cluster')


class NodegroupPatchTests(SimpleTestCase):
    def test_only_changes_node_attributes_as_replace_of_their_text(self):
        current = {'min_node_count': 1, 'max_node_count': 4,
                   'node_labels': {'pool': 'a'}, 'node_taints': None}
        self.assertEqual([], magnum.nodegroup_patch(current, dict(
            current, node_taints=[])))
        self.assertEqual([
            {'op': 'remove', 'path': '/max_node_count'},
            {'op': 'replace', 'path': '/min_node_count', 'value': 0},
            {'op': 'replace', 'path': '/node_labels', 'value': '{}'},
            {'op': 'replace', 'path': '/node_taints',
             'value': "[{'key': 'k', 'value': '', 'effect': 'NoExecute'}]"},
        ], magnum.nodegroup_patch(current, {
            'min_node_count': 0, 'max_node_count': None, 'node_labels': {},
            'node_taints': [{'key': 'k', 'value': '',
                             'effect': 'NoExecute'}]}))


class CommandTests(SimpleTestCase):
    def test_day_two_commands(self):
        self.assertEqual(
            "openstack coe nodegroup create --role worker --node-count 2 "
            "--max-nodes 3 --labels availability_zone=nova --merge-labels "
            '--node-taints k=v:NoSchedule c1 pool-a',
            cli.nodegroup_create('c1', {
                'name': 'pool-a', 'role': 'worker', 'node_count': 2,
                'max_node_count': 3, 'merge_labels': True,
                'labels': {'availability_zone': 'nova'},
                'node_taints': [{'key': 'k', 'value': 'v',
                                 'effect': 'NoSchedule'}]}))
        self.assertEqual("openstack coe nodegroup delete c1 'my pool'",
                         cli.nodegroup_delete('c1', 'my pool'))
        self.assertEqual(
            'openstack coe cluster upgrade --max-batch-size 2 '
            "--nodegroup pool-a c1 '<cluster-template>'",
            cli.cluster_upgrade('c1', '', 2, nodegroup='pool-a'))
