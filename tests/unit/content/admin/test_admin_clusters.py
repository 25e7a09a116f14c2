"""Admin → Container Infra → Clusters."""

from django.contrib import messages
from django.urls import reverse

from openstack_dashboard import api
from openstack_dashboard.test import helpers

from magnum_ui.api import magnum
from tests.unit.content.project.clusters import base
from tests.unit import magnum_data

INDEX_URL = reverse('horizon:admin:clusters:index')


class AdminClustersTests(base.ClustersAdminTestCase):
    @helpers.create_mocks({magnum: ['cluster_list'],
                           api.keystone: ['tenant_list']})
    def test_lists_every_project_with_names(self):
        other = magnum_data._cluster(
            uuid='c0ffee00-0000-4000-8000-0000000000ff', name='elsewhere',
            project_id=self.tenants.list()[1].id)
        self.mock_cluster_list.return_value = self.clusters.list() + [other]
        self.mock_tenant_list.return_value = [self.tenants.list(), False]
        res = self.client.get(INDEX_URL)
        self.assertEqual(200, res.status_code)
        self.assertEqual(4, len(res.context['table'].data))
        self.assertContains(res, 'elsewhere')
        self.assertContains(res, self.tenants.list()[1].name)
        table = res.context['table']
        self.assertEqual('clusters', table.name)
        self.assertEqual(
            ['multi_select', 'project', 'name', 'status', 'health_status',
             'coe_version', 'master_count', 'node_count', 'created_at',
             'actions'], list(table.columns))
        self.assertContains(res, reverse('horizon:admin:clusters:detail',
                                         args=[other.id]))
        self.mock_tenant_list.assert_called_once_with(helpers.IsHttpRequest())

    @helpers.create_mocks({magnum: ['cluster_list'],
                           api.keystone: ['tenant_list']})
    def test_keystone_error_shows_project_ids(self):
        self.mock_cluster_list.return_value = self.clusters.list()
        self.mock_tenant_list.side_effect = self.exceptions.keystone
        res = self.client.get(INDEX_URL)
        self.assertEqual(200, res.status_code)
        self.assertEqual(3, len(res.context['table'].data))
        self.assertEqual({c.project_id for c in self.clusters.list()},
                         {c.project_name for c in res.context['table'].data})
        self.assertMessageCount(res, error=1)
        self.assertEqual(
            ['Unable to retrieve projects. Expected failure.'],
            [str(m) for m in messages.get_messages(res.wsgi_request)])

    @helpers.create_mocks({magnum: ['cluster_list']})
    def test_magnum_error_no_500(self):
        self.mock_cluster_list.side_effect = base.magnum_error(500, 'down')
        res = self.client.get(INDEX_URL)
        self.assertEqual(200, res.status_code)
        self.assertEqual([], res.context['table'].data)
        self.assertMessageCount(res, error=1)
        shown = [str(m) for m in messages.get_messages(res.wsgi_request)]
        self.assertEqual(1, len(shown), shown)
        self.assertIn('Unable to retrieve clusters.', shown[0])
        self.assertEqual(1, shown[0].count('down'))

    @helpers.create_mocks({magnum: ['cluster_list', 'cluster_delete',
                                    'cluster_get'],
                           api.keystone: ['tenant_list']})
    def test_delete(self):
        self.mock_cluster_list.return_value = self.clusters.list()
        # Magnum already shows it deleting when the page is reloaded.
        self.mock_cluster_get.return_value = self.clusters.list()[1]
        self.mock_tenant_list.return_value = [self.tenants.list(), False]
        cluster = self.clusters.first()
        res = self.client.post(INDEX_URL, {
            'action': 'clusters__delete__%s' % cluster.id})
        self.assertRedirectsNoFollow(res, INDEX_URL)
        self.mock_cluster_delete.assert_called_once_with(
            helpers.IsHttpRequest(), cluster.id)
        self.assertEqual(
            ['Deletion of Cluster requested: %s' % cluster.name],
            [str(m) for m in messages.get_messages(res.wsgi_request)])

    @helpers.create_mocks({magnum: ['cluster_get', 'cluster_template_get',
                                    'nodegroup_list']})
    def test_detail_offers_the_admin_actions(self):
        cluster = self.clusters.first()
        self.mock_cluster_get.return_value = cluster
        self.mock_cluster_template_get.return_value = \
            self.cluster_templates.first()
        self.mock_nodegroup_list.return_value = []
        res = self.client.get(reverse('horizon:admin:clusters:detail',
                                      args=[cluster.id]))
        self.assertEqual(200, res.status_code)
        self.assertContains(res, 'clusters__delete__%s' % cluster.id)
        # Not the project table's day-2 actions.
        self.assertNotContains(res, '__action_resize')
