"""An admin on the Project dashboard sees the current project's clusters.

Magnum lists every project's clusters to an admin; the template detail,
the update wizard's lock and the delete message name only this project's
(the Admin dashboard still shows them all).
"""

from unittest import mock

from django.urls import reverse
from magnumclient import exceptions as magnum_exc
from openstack_dashboard import api
from openstack_dashboard.test import helpers

from magnum_ui.api import magnum
from tests.unit.content.project.cluster_templates import wizard
from tests.unit import helpers as magnum_helpers
from tests.unit import magnum_data

INDEX_URL = reverse('horizon:project:cluster_templates:index')
DETAIL_MOCKS = {magnum: ['cluster_template_get', 'cluster_list'],
                api.glance: ['image_list_detailed'],
                api.nova: ['flavor_list'],
                api.neutron: ['network_list']}


class AdminIsolationTests(magnum_helpers.MagnumAdminTestCase):
    def setUp(self):
        super().setUp()
        self.template = self.cluster_templates.first()
        self.foreign = magnum_data._cluster(
            uuid='f0f0f0f0-0000-4000-8000-000000000001',
            name='other-project-cluster', project_id='2')
        self.assertNotEqual('2', self.request.user.project_id)

    def mine(self):
        return self.clusters.list()[:1]

    def mock_detail(self):
        self.mock_cluster_template_get.return_value = self.template
        self.mock_cluster_list.return_value = self.mine() + [self.foreign]
        self.mock_image_list_detailed.return_value = ([], False, False)
        self.mock_flavor_list.return_value = []
        self.mock_network_list.return_value = []

    @helpers.create_mocks(DETAIL_MOCKS)
    def test_detail_clusters_tab_shows_this_project_only(self):
        self.mock_detail()
        res = self.client.get(reverse(
            'horizon:project:cluster_templates:detail',
            args=[self.template.id]))
        self.assertEqual(200, res.status_code)
        self.assertContains(res, 'demo-cluster')
        self.assertNotContains(res, 'other-project-cluster')

    @helpers.create_mocks(DETAIL_MOCKS)
    def test_admin_dashboard_detail_shows_every_project(self):
        self.mock_detail()
        res = self.client.get(reverse(
            'horizon:admin:cluster_templates:detail',
            args=[self.template.id]))
        self.assertEqual(200, res.status_code)
        self.assertContains(res, 'demo-cluster')
        self.assertContains(res, 'other-project-cluster')

    @wizard.mocks(['cluster_template_get', 'cluster_list'])
    def test_update_lock_names_this_project_only(self):
        wizard.WizardTestBase.mock_choices(self)
        self.mock_cluster_template_get.return_value = self.template
        url = reverse('horizon:project:cluster_templates:update',
                      args=[self.template.id])
        self.mock_cluster_list.return_value = self.mine() + [self.foreign]
        res = self.client.get(url)
        self.assertEqual(['demo-cluster'],
                         res.context['workflow'].context['in_use_by'])
        self.assertNotContains(res, 'other-project-cluster')
        # Used only by another project's cluster: nothing to lock here.
        self.mock_cluster_list.return_value = [self.foreign]
        res = self.client.get(url)
        self.assertEqual([], res.context['workflow'].context['in_use_by'])

    @helpers.create_mocks({magnum: ['cluster_template_list',
                                    'cluster_template_delete',
                                    'cluster_list'],
                           api.glance: ['image_list_detailed']})
    def test_delete_message_names_this_project_only(self):
        self.mock_cluster_template_list.return_value = \
            self.cluster_templates.list()
        self.mock_image_list_detailed.return_value = ([], False, False)
        self.mock_cluster_template_delete.side_effect = magnum_exc.BadRequest(
            message='ClusterTemplate %s is referenced by one or multiple '
            'clusters.' % self.template.id)
        for clusters, expected in (
                (self.mine() + [self.foreign], 'It is used by: demo-cluster.'),
                ([self.foreign], 'belong to other projects')):
            self.mock_cluster_list.return_value = clusters
            with mock.patch('horizon.exceptions.messages.error') as error:
                self.client.post(INDEX_URL, {
                    'action': 'cluster_templates__delete__%s'
                    % self.template.id})
            text = str(error.call_args[0][1])
            self.assertIn(expected, text)
            self.assertNotIn('other-project-cluster', text)
