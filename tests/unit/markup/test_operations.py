"""Resize and upgrade forms: cluster names, nodegroup and template choices."""

from django.urls import reverse
from django.utils.html import escape

from openstack_dashboard.test import helpers

from magnum_ui.api import magnum
from tests.unit.content.project.clusters import base
from tests.unit import magnum_data
from tests.unit import markup

INDEX_URL = reverse('horizon:project:clusters:index')
AJAX = {'HTTP_X_REQUESTED_WITH': 'XMLHttpRequest'}
RESIZE_MOCKS = {magnum: ['cluster_get', 'nodegroup_list', 'cluster_resize']}
UPGRADE_MOCKS = {magnum: ['cluster_get', 'nodegroup_list',
                          'cluster_template_list', 'cluster_upgrade']}


def url(name, cluster_id):
    return reverse('horizon:project:clusters:operations:%s' % name,
                   args=[cluster_id])


def hostile_cluster():
    return magnum_data._cluster(name=markup.hostile('cname'))


def worker(number, tag, is_default=False):
    return magnum_data._nodegroup(
        uuid='0a000000-0000-4000-8000-%012d' % number,
        name=markup.hostile(tag), role='worker', is_default=is_default,
        node_count=2, min_node_count=1, max_node_count=3,
        flavor_id='m1.small', status='CREATE_COMPLETE',
        cluster_id=magnum_data.CLUSTER['uuid'])


def nodegroups():
    master = magnum_data._nodegroup(
        uuid='0a000000-0000-4000-8000-000000000009',
        name=markup.hostile('master'), role='master', is_default=True,
        node_count=1, status='CREATE_COMPLETE')
    return [master, worker(1, 'ng_a', is_default=True), worker(2, 'ng_b')]


class ResizeMarkupTests(markup.InertAssertions, base.ClustersTestCase):
    def mock_cluster(self):
        self.mock_cluster_get.return_value = hostile_cluster()
        self.mock_nodegroup_list.return_value = nodegroups()

    @helpers.create_mocks(RESIZE_MOCKS)
    def test_modal_names_and_choices_are_escaped(self):
        self.mock_cluster()
        for headers in ({}, AJAX):
            res = self.client.get(url('resize', magnum_data.CLUSTER['uuid']),
                                  **headers)
            self.assertPage(res, 'cname', 'ng_a', 'ng_b')
            page = markup.body(res)
            self.assertOption(page, markup.hostile('ng_a'),
                              '%s (2)' % markup.hostile('ng_a'))
            self.assertOption(page, markup.hostile('ng_b'),
                              '%s (2)' % markup.hostile('ng_b'))

    @helpers.create_mocks(RESIZE_MOCKS)
    def test_bounds_error_naming_the_nodegroup_is_escaped(self):
        self.mock_cluster()
        res = self.client.post(url('resize', magnum_data.CLUSTER['uuid']), {
            'nodegroup': markup.hostile('ng_b'), 'node_count': 9})
        self.assertFalse(self.mock_cluster_resize.called)
        self.assertPage(res, 'ng_b', 'cname')
        self.assertIn('at most 3 nodes', markup.body(res))

    @helpers.create_mocks(RESIZE_MOCKS)
    def test_magnum_refusal_is_escaped_on_the_form(self):
        self.mock_cluster()
        self.mock_cluster_resize.side_effect = base.magnum_error(
            400, markup.hostile('resizeerr'))
        res = self.client.post(url('resize', magnum_data.CLUSTER['uuid']), {
            'nodegroup': markup.hostile('ng_a'), 'node_count': 2}, **AJAX)
        self.assertTrue(self.mock_cluster_resize.called)
        self.assertPage(res, 'resizeerr', 'cname')

    @helpers.create_mocks({magnum: RESIZE_MOCKS[magnum] + [
        'cluster_list', 'cluster_template_list', 'stats_get', 'quota_get']})
    def test_success_message_names_the_cluster_escaped(self):
        self.mock_cluster()
        self.mock_cluster_list.return_value = [hostile_cluster()]
        self.mock_cluster_template_list.return_value = []
        self.mock_stats_get.side_effect = base.magnum_error(500, 'no stats')
        res = self.client.post(url('resize', magnum_data.CLUSTER['uuid']), {
            'nodegroup': markup.hostile('ng_a'), 'node_count': 2},
            follow=True)
        self.assertEqual(200, res.status_code)
        self.assertMessageEscaped(res, markup.hostile('cname'))

    @helpers.create_mocks(RESIZE_MOCKS)
    def test_nodegroup_list_error_is_escaped(self):
        self.mock_cluster()
        self.mock_nodegroup_list.side_effect = base.magnum_error(
            500, markup.hostile('ngerr'))
        res = self.client.get(url('resize', magnum_data.CLUSTER['uuid']))
        self.assertPage(res, 'ngerr', 'cname')


class UpgradeMarkupTests(markup.InertAssertions, base.ClustersTestCase):
    def mock_upgrade(self):
        current = magnum_data._template(name=markup.hostile('t_current'))
        other = magnum_data._template(
            uuid='a1b2c3d4-0000-4000-8000-0000000000bb',
            name=markup.hostile('t_other'))
        self.mock_cluster_get.return_value = hostile_cluster()
        self.mock_nodegroup_list.return_value = nodegroups()
        self.mock_cluster_template_list.return_value = [current, other]
        return other

    @helpers.create_mocks(UPGRADE_MOCKS)
    def test_template_and_nodegroup_choices_are_escaped(self):
        other = self.mock_upgrade()
        for headers in ({}, AJAX):
            res = self.client.get(url('upgrade', magnum_data.CLUSTER['uuid']),
                                  **headers)
            self.assertPage(res, 'cname', 'ng_a')
            page = markup.body(res)
            self.assertOption(page, other.uuid, '%s (Kubernetes v1.30.1)'
                              % markup.hostile('t_other'))
            # Magnum moves only default groups to another template.
            self.assertNotIn('value="%s"' % escape(markup.hostile('ng_b')),
                             page)
            self.assertOption(page, markup.hostile('master'),
                              markup.hostile('master'))

    @helpers.create_mocks(UPGRADE_MOCKS)
    def test_magnum_refusal_is_escaped_on_the_form(self):
        other = self.mock_upgrade()
        self.mock_cluster_upgrade.side_effect = base.magnum_error(
            409, markup.hostile('upgradeerr'))
        res = self.client.post(url('upgrade', magnum_data.CLUSTER['uuid']), {
            'cluster_template_id': other.uuid, 'max_batch_size': 1,
            'nodegroup': markup.hostile('ng_a')})
        self.assertTrue(self.mock_cluster_upgrade.called)
        self.assertPage(res, 'upgradeerr', 'cname')
        self.assertOption(
            markup.body(res), other.uuid,
            '%s (Kubernetes v1.30.1)' % markup.hostile('t_other'))

    @helpers.create_mocks(UPGRADE_MOCKS)
    def test_template_list_error_is_escaped(self):
        self.mock_upgrade()
        self.mock_cluster_template_list.side_effect = base.magnum_error(
            500, markup.hostile('tplerr'))
        res = self.client.get(url('upgrade', magnum_data.CLUSTER['uuid']))
        self.assertPage(res, 'tplerr', 'cname')
