"""Resize and upgrade forms."""

from django.urls import reverse

from openstack_dashboard.test import helpers

from magnum_ui.api import magnum
from magnum_ui.api import versions
from magnum_ui.content.project.clusters.operations import forms
from tests.unit.content.project.clusters import base
from tests.unit import magnum_data

INDEX_URL = reverse('horizon:project:clusters:index')


def url(name, cluster_id):
    return reverse('horizon:project:clusters:operations:%s' % name,
                   args=[cluster_id])


def extra_worker_group():
    return magnum_data._nodegroup(
        uuid='0a000000-0000-4000-8000-000000000003', name='big-workers',
        role='worker', is_default=False, node_count=1, min_node_count=1,
        max_node_count=3, flavor_id='m1.large', status='CREATE_COMPLETE')


class ResizeTests(base.ClustersTestCase):
    def assert_error(self, res, text):
        self.assertEqual(200, res.status_code)
        self.assertIn(text, str(res.context['form'].errors))
        self.assertContains(res, text)

    def mock_cluster(self, groups=None):
        self.mock_cluster_get.return_value = self.cluster()
        self.mock_nodegroup_list.return_value = (
            self.nodegroups.list() if groups is None else groups)

    @helpers.create_mocks({magnum: ['cluster_get', 'nodegroup_list',
                                    'cluster_resize']})
    def test_get_single_worker_group_has_no_nodegroup_field(self):
        self.mock_cluster()
        res = self.client.get(url('resize', self.cluster().id))
        self.assertEqual(200, res.status_code)
        form = res.context['form']
        self.assertNotIn('nodegroup', form.fields)
        self.assertEqual(2, form.initial['node_count'])

    @helpers.create_mocks({magnum: ['cluster_get', 'nodegroup_list',
                                    'cluster_resize']})
    def test_resize_default_group(self):
        self.mock_cluster()
        res = self.client.post(url('resize', self.cluster().id),
                               {'node_count': 4})
        self.assertNoFormErrors(res)
        self.assertRedirectsNoFollow(res, INDEX_URL)
        self.mock_cluster_resize.assert_called_once_with(
            helpers.IsHttpRequest(), self.cluster().id, 4, nodegroup=None)
        # No waiting for Magnum to show the cluster busy: the accepted
        # request is remembered instead (test_pending).
        self.mock_cluster_get.assert_called_once()

    @helpers.create_mocks({magnum: ['cluster_get', 'nodegroup_list',
                                    'cluster_resize']})
    def test_resize_validates_nodegroup_bounds(self):
        self.mock_cluster()
        res = self.client.post(url('resize', self.cluster().id),
                               {'node_count': 6})
        self.assert_error(res, 'at most 5 nodes')
        self.mock_cluster_resize.assert_not_called()

    @helpers.create_mocks({magnum: ['cluster_get', 'nodegroup_list',
                                    'cluster_resize']})
    def test_resize_chosen_group_of_several(self):
        self.mock_cluster(self.nodegroups.list() + [extra_worker_group()])
        res = self.client.get(url('resize', self.cluster().id))
        self.assertIn('nodegroup', res.context['form'].fields)
        res = self.client.post(url('resize', self.cluster().id),
                               {'node_count': 4, 'nodegroup': 'big-workers'})
        self.assert_error(res, 'at most 3 nodes')
        res = self.client.post(url('resize', self.cluster().id),
                               {'node_count': 3, 'nodegroup': 'big-workers'})
        self.assertNoFormErrors(res)
        self.mock_cluster_resize.assert_called_once_with(
            helpers.IsHttpRequest(), self.cluster().id, 3,
            nodegroup='big-workers')

    @helpers.create_mocks({magnum: ['cluster_get', 'nodegroup_list',
                                    'cluster_resize']})
    def test_resize_refusal_shows_magnums_message(self):
        self.mock_cluster()
        self.mock_cluster_resize.side_effect = base.magnum_error(
            400, 'Resizing a cluster when status is "UPDATE_IN_PROGRESS"')
        res = self.client.post(url('resize', self.cluster().id),
                               {'node_count': 3})
        self.assertEqual(200, res.status_code)
        self.assertContains(res, 'Resizing a cluster when status is')

    def test_version_discovery_failure_means_one_node(self):
        for error in (versions.VersionNegotiationError('garbage'),
                      versions.ServerUnavailable('down')):
            self.mock_api_version.side_effect = error
            form = forms.ResizeForm(self.request, cluster=self.cluster(),
                                    nodegroups=self.nodegroups.list())
            self.assertEqual(1, form.min_nodes)
            self.assertEqual(1, form.fields['node_count'].min_value)
        self.mock_api_version.side_effect = None
        self.mock_api_version.return_value = versions.CLIENT_MAX_VERSION
        form = forms.ResizeForm(self.request, cluster=self.cluster())
        self.assertEqual(0, form.min_nodes)

    @helpers.create_mocks({magnum: ['cluster_get', 'cluster_list',
                                    'cluster_template_list']})
    def test_pages_render_while_magnum_versions_are_unknown(self):
        self.mock_api_version.side_effect = versions.ServerUnavailable('down')
        self.mock_cluster_get.return_value = self.cluster()
        self.mock_cluster_template_list.return_value = \
            self.cluster_templates.list()
        for name in ('resize', 'upgrade'):
            res = self.client.get(url(name, self.cluster().id))
            self.assertEqual(200, res.status_code, name)
            self.assertContains(res, self.cluster().name)

    @helpers.create_mocks({magnum: ['cluster_get']})
    def test_missing_cluster_redirects(self):
        self.mock_cluster_get.side_effect = base.magnum_error(404, 'gone')
        res = self.client.get(url('resize', 'gone'))
        self.assertRedirectsNoFollow(res, INDEX_URL)


class UpgradeTests(base.ClustersTestCase):
    def mock_cluster(self):
        self.mock_cluster_get.return_value = self.cluster()
        self.mock_nodegroup_list.return_value = self.nodegroups.list()
        self.mock_cluster_template_list.return_value = (
            self.cluster_templates.list() + [magnum_data._template(
                uuid='a1b2c3d4-0000-4000-8000-0000000000aa', name='swarm',
                coe='swarm')])

    @helpers.create_mocks({magnum: ['cluster_get', 'nodegroup_list',
                                    'cluster_template_list',
                                    'cluster_upgrade']})
    def test_offers_other_templates_of_the_same_coe(self):
        self.mock_cluster()
        res = self.client.get(url('upgrade', self.cluster().id))
        offered = [value for value, _label in
                   res.context['form'].fields['cluster_template_id'].choices]
        self.assertEqual(['', 'a1b2c3d4-0000-4000-8000-000000000002'],
                         offered)

    @helpers.create_mocks({magnum: ['cluster_get', 'nodegroup_list',
                                    'cluster_template_list',
                                    'cluster_upgrade']})
    def test_upgrade_sends_batch_and_nodegroup(self):
        self.mock_cluster()
        res = self.client.post(url('upgrade', self.cluster().id), {
            'cluster_template_id': 'a1b2c3d4-0000-4000-8000-000000000002',
            'max_batch_size': 2, 'nodegroup': 'default-worker'})
        self.assertNoFormErrors(res)
        self.mock_cluster_upgrade.assert_called_once_with(
            helpers.IsHttpRequest(), self.cluster().id,
            'a1b2c3d4-0000-4000-8000-000000000002', max_batch_size=2,
            nodegroup='default-worker')

    @helpers.create_mocks({magnum: ['cluster_get', 'nodegroup_list',
                                    'cluster_template_list',
                                    'cluster_upgrade']})
    def test_upgrade_refusal_shows_magnums_message(self):
        self.mock_cluster()
        self.mock_cluster_upgrade.side_effect = base.magnum_error(
            400, 'Cluster Upgrade is not supported by this driver')
        res = self.client.post(url('upgrade', self.cluster().id), {
            'cluster_template_id': 'a1b2c3d4-0000-4000-8000-000000000002',
            'max_batch_size': 1})
        self.assertEqual(200, res.status_code)
        self.assertContains(res,
                            'Cluster Upgrade is not supported by this driver')

    @helpers.create_mocks({magnum: ['cluster_get', 'nodegroup_list',
                                    'cluster_template_list']})
    def test_template_list_error_keeps_form(self):
        self.mock_cluster()
        self.mock_cluster_template_list.side_effect = base.magnum_error(
            500, 'x')
        res = self.client.get(url('upgrade', self.cluster().id))
        self.assertEqual(200, res.status_code)
