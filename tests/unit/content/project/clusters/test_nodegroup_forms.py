"""Nodegroup forms: add, edit, resize, upgrade (service layer mocked)."""

from django.urls import reverse

from openstack_dashboard import api
from openstack_dashboard.test import helpers

from magnum_ui.api import magnum
from tests.unit.content.project.clusters import base
from tests.unit import magnum_data

CLUSTER_ID = magnum_data.CLUSTER['uuid']
DETAIL_URL = (reverse('horizon:project:clusters:detail', args=[CLUSTER_ID])
              + '?tab=cluster_details__nodegroups')
CREATE_MOCKS = {magnum: ['cluster_get', 'nodegroup_create'],
                api.nova: ['flavor_list', 'availability_zone_list'],
                api.glance: ['image_list_detailed']}
GROUP_MOCKS = ['cluster_get', 'nodegroup_get']


def url(name, *args):
    return reverse('horizon:project:clusters:nodegroups:%s' % name,
                   args=(CLUSTER_ID,) + args)


def pool(**changes):
    values = dict(uuid='0a000000-0000-4000-8000-000000000003', name='pool-a',
                  role='worker', is_default=False, node_count=2,
                  min_node_count=1, max_node_count=4, flavor_id='m1.small',
                  status='CREATE_COMPLETE', cluster_id=CLUSTER_ID,
                  labels={'kube_tag': 'v1.30.1'}, node_labels={'pool': 'a'},
                  node_taints=[], updated_at='2026-11-20T10:00:00+00:00')
    values.update(changes)
    return magnum_data._nodegroup(**values)


class NodegroupFormTestCase(base.ClustersTestCase):
    def assert_field_error(self, res, field, text):
        self.assertEqual(200, res.status_code)
        self.assertIn(text, ' '.join(res.context['form'].errors.get(field)))

    def mock_group(self, group):
        self.mock_cluster_get.return_value = self.cluster()
        self.mock_nodegroup_get.return_value = group


class CreateTests(NodegroupFormTestCase):
    def mock_lists(self):
        self.mock_cluster_get.return_value = self.cluster()
        self.mock_flavor_list.return_value = self.flavors.list()
        self.mock_availability_zone_list.return_value = \
            self.availability_zones.list()
        self.mock_image_list_detailed.return_value = (
            self.images.list(), False, False)

    def post(self, **changes):
        values = {'name': 'pool-a', 'role': 'worker', 'node_count': 2,
                  'min_node_count': 1, 'max_node_count': 3, 'flavor_id': '',
                  'image_id': '', 'availability_zone': 'nova',
                  'labels': 'boot_volume_size=20', 'merge_labels': 'on',
                  'node_labels': 'pool=a',
                  'node_taints': 'dedicated=a:NoSchedule'}
        values.update(changes)
        return self.client.post(url('create'), values)

    @helpers.create_mocks(CREATE_MOCKS)
    def test_form_shows_choices_and_command(self):
        self.mock_lists()
        res = self.client.get(url('create'))
        form = res.context['form']
        self.assertIn('nova', dict(form.fields['availability_zone'].choices))
        self.assertIn('node_taints', form.fields)
        self.assertContains(res, 'openstack coe nodegroup create')
        self.assertContains(res, 'data-cli-url="%s' % url('cli', 'create'))

    @helpers.create_mocks(CREATE_MOCKS)
    def test_create_sends_labels_zone_and_node_attributes(self):
        self.mock_lists()
        self.mock_nodegroup_create.return_value = pool(
            status=None, uuid='0a000000-0000-4000-8000-0000000000ff')
        res = self.post()
        self.assertNoFormErrors(res)
        self.assertRedirectsNoFollow(res, DETAIL_URL)
        self.mock_nodegroup_create.assert_called_once_with(
            helpers.IsHttpRequest(), CLUSTER_ID, name='pool-a', role='worker',
            node_count=2, min_node_count=1, max_node_count=3, flavor_id='',
            image_id='', docker_volume_size=None,
            labels={'boot_volume_size': '20', 'availability_zone': 'nova'},
            merge_labels=True, node_labels={'pool': 'a'},
            node_taints=[{'key': 'dedicated', 'value': 'a',
                          'effect': 'NoSchedule'}])

    @helpers.create_mocks(CREATE_MOCKS)
    def test_refusals_are_field_errors_and_keep_values(self):
        self.mock_lists()
        res = self.post(role='master')
        self.assert_field_error(res, 'role', 'does not add master')
        res = self.post(min_node_count=4, max_node_count=3)
        self.assert_field_error(res, 'max_node_count', 'below the minimum')
        res = self.post(node_count=5)
        self.assert_field_error(res, 'max_node_count', 'below the node count')
        res = self.post(node_taints='dedicated=a:Sometimes')
        self.assert_field_error(res, 'node_taints', 'key=value:Effect')
        self.assertContains(res, 'dedicated=a:Sometimes')
        self.mock_nodegroup_create.assert_not_called()

    @helpers.create_mocks(CREATE_MOCKS)
    def test_magnum_refusal_is_shown_with_its_words(self):
        self.mock_lists()
        self.mock_nodegroup_create.side_effect = base.magnum_error(
            400, "node label 'kubernetes.io/x' is in a restricted namespace")
        res = self.post()
        self.assertEqual(200, res.status_code)
        self.assertContains(res, 'is in a restricted namespace')
        self.assertContains(res, 'pool-a')

    @helpers.create_mocks(CREATE_MOCKS)
    def test_older_magnum_gets_no_node_labels_or_taints(self):
        self.mock_api_version.return_value = (1, 13)
        self.mock_lists()
        res = self.client.get(url('create'))
        self.assertNotIn('node_labels', res.context['form'].fields)
        self.assertNotIn('node_taints', res.context['form'].fields)


class UpdateTests(NodegroupFormTestCase):
    @helpers.create_mocks({magnum: GROUP_MOCKS + ['nodegroup_update']})
    def test_update_sends_current_and_wanted(self):
        group = pool()
        self.mock_group(group)
        self.mock_nodegroup_update.return_value = group
        res = self.client.post(url('update', group.id), {
            'min_node_count': 0, 'max_node_count': '',
            'node_labels': 'pool=b', 'node_taints': ''})
        self.assertNoFormErrors(res)
        self.assertRedirectsNoFollow(res, DETAIL_URL)
        self.mock_nodegroup_update.assert_called_once_with(
            helpers.IsHttpRequest(), CLUSTER_ID, group.id,
            {'min_node_count': 1, 'max_node_count': 4,
             'node_labels': {'pool': 'a'}, 'node_taints': []},
            min_node_count=0, max_node_count=None,
            node_labels={'pool': 'b'}, node_taints=[])

    @helpers.create_mocks({magnum: GROUP_MOCKS + ['nodegroup_update']})
    def test_bounds_must_hold_the_node_count(self):
        group = pool()
        self.mock_group(group)
        res = self.client.post(url('update', group.id), {
            'min_node_count': 3, 'max_node_count': 4})
        self.assert_field_error(res, 'min_node_count',
                                'above the node count (2)')
        self.mock_nodegroup_update.assert_not_called()

    @helpers.create_mocks({magnum: GROUP_MOCKS + ['nodegroup_update']})
    def test_initial_values_and_command(self):
        group = pool()
        self.mock_group(group)
        res = self.client.get(url('update', group.id))
        self.assertEqual(4, res.context['form'].initial['max_node_count'])
        self.assertContains(
            res, 'openstack coe nodegroup update --min-nodes 1 --max-nodes 4 '
            '--node-labels pool=a demo-cluster pool-a')


class ResizeTests(NodegroupFormTestCase):
    @helpers.create_mocks({magnum: GROUP_MOCKS + ['cluster_resize']})
    def test_resize_is_magnums_cluster_resize_of_the_group(self):
        group = pool()
        self.mock_group(group)
        res = self.client.post(url('resize', group.id), {'node_count': 3})
        self.assertNoFormErrors(res)
        self.mock_cluster_resize.assert_called_once_with(
            helpers.IsHttpRequest(), CLUSTER_ID, 3, nodegroup=group.id)

    @helpers.create_mocks({magnum: GROUP_MOCKS + ['cluster_resize']})
    def test_resize_outside_the_bounds_is_refused(self):
        group = pool()
        self.mock_group(group)
        res = self.client.post(url('resize', group.id), {'node_count': 5})
        self.assert_field_error(res, 'node_count', 'at most 4 nodes')
        self.assertContains(res, 'value="5"')
        self.assertContains(res, 'openstack coe cluster resize --nodegroup '
                            'pool-a demo-cluster 5')
        self.mock_cluster_resize.assert_not_called()


class UpgradeTests(NodegroupFormTestCase):
    def templates(self):
        return self.cluster_templates.list()[:1] + [
            magnum_data._template(uuid='a1b2c3d4-0000-4000-8000-0000000000a1',
                                  name='k8s-old', labels={'kube_tag':
                                                          'v1.29.2'})]

    @helpers.create_mocks({magnum: GROUP_MOCKS + ['cluster_template_list',
                                                  'cluster_upgrade']})
    def test_other_group_may_only_follow_the_clusters_template(self):
        group = pool(labels={'kube_tag': 'v1.29.2'})
        self.mock_group(group)
        self.mock_cluster_template_list.return_value = self.templates()
        res = self.client.get(url('upgrade', group.id))
        choices = res.context['form'].fields['cluster_template_id'].choices
        self.assertEqual([magnum_data.TEMPLATE['uuid']],
                         [value for value, _label in choices if value])
        self.assertIn('Kubernetes v1.30.1', str(choices))
        res = self.client.post(url('upgrade', group.id), {
            'cluster_template_id': magnum_data.TEMPLATE['uuid'],
            'max_batch_size': 2})
        self.assertNoFormErrors(res)
        self.mock_cluster_upgrade.assert_called_once_with(
            helpers.IsHttpRequest(), CLUSTER_ID, magnum_data.TEMPLATE['uuid'],
            max_batch_size=2, nodegroup=group.id)

    @helpers.create_mocks({magnum: GROUP_MOCKS + ['cluster_template_list',
                                                  'cluster_upgrade']})
    def test_default_group_downgrade_is_refused(self):
        group = pool(is_default=True, name='default-worker')
        self.mock_group(group)
        self.mock_cluster_template_list.return_value = self.templates()
        res = self.client.post(url('upgrade', group.id), {
            'cluster_template_id': 'a1b2c3d4-0000-4000-8000-0000000000a1',
            'max_batch_size': 3})
        self.assert_field_error(res, 'cluster_template_id', 'downgrade')
        self.assertContains(res, 'value="3"')
        self.mock_cluster_upgrade.assert_not_called()
