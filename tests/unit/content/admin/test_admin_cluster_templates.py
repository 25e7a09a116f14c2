from unittest import mock

from django.contrib import messages
from django.urls import reverse
from magnumclient import exceptions as magnum_exc
from openstack_dashboard import api
from openstack_dashboard.test import helpers

from magnum_ui.api import magnum
from tests.unit import helpers as magnum_helpers

ADMIN_URL = reverse('horizon:admin:cluster_templates:index')
MOCKS = {magnum: ['cluster_template_list', 'cluster_template_update'],
         api.glance: ['image_list_detailed'],
         api.keystone: ['tenant_list']}


class AdminTests(magnum_helpers.MagnumAdminTestCase):
    def mock_listing(self):
        self.mock_cluster_template_list.return_value = \
            self.cluster_templates.list()
        self.mock_image_list_detailed.return_value = ([], False, False)
        self.mock_tenant_list.return_value = (self.tenants.list(), False)

    @helpers.create_mocks(MOCKS)
    def test_lists_all_projects_with_project_names(self):
        self.mock_listing()
        res = self.client.get(ADMIN_URL)
        self.assertEqual(200, res.status_code)
        table = res.context['table']
        self.assertEqual('cluster_templates', table._meta.name)
        self.assertIn('project', table.columns)
        projects = {t.name: t.project_name for t in table.data}
        self.assertEqual(self.tenants.get(id='1').name, projects['k8s-small'])
        self.assertEqual(self.tenants.get(id='2').name,
                         projects['k8s-public'])
        # row toggles offered according to the current flags
        self.assertContains(res, 'cluster_templates__publish__%s'
                            % self.cluster_templates.first().id)
        self.assertContains(res, 'cluster_templates__unpublish__%s'
                            % self.cluster_templates.list()[1].id)
        self.assertContains(res, reverse(
            'horizon:admin:cluster_templates:detail',
            args=[self.cluster_templates.first().id]))

    @helpers.create_mocks(MOCKS)
    def test_project_names_failure_shows_ids(self):
        self.mock_listing()
        self.mock_tenant_list.side_effect = self.exceptions.keystone
        res = self.client.get(ADMIN_URL)
        self.assertEqual(200, res.status_code)
        self.assertEqual({'1', '2'},
                         {t.project_name for t in res.context['table'].data})
        self.assertEqual(
            ['Unable to retrieve projects. Expected failure.'],
            [str(m) for m in messages.get_messages(res.wsgi_request)])

    def _toggle(self, action, template):
        return self.client.post(ADMIN_URL, {
            'action': 'cluster_templates__%s__%s' % (action, template.id)})

    @helpers.create_mocks(MOCKS)
    def test_publish_and_hide_send_one_flag(self):
        self.mock_listing()
        self.mock_cluster_template_update.return_value = None
        private, public = self.cluster_templates.list()
        for action, template, flag, value in (
                ('publish', private, 'public', True),
                ('unpublish', public, 'public', False),
                ('hide', private, 'hidden', True)):
            res = self._toggle(action, template)
            self.assertRedirectsNoFollow(res, ADMIN_URL)
            self.mock_cluster_template_update.assert_called_with(
                helpers.IsHttpRequest(), template.id,
                {flag: not value}, **{flag: value})

    @helpers.create_mocks(MOCKS)
    def test_toggle_failure_is_a_message(self):
        self.mock_listing()
        self.mock_cluster_template_update.side_effect = \
            magnum_exc.BadRequest(message='is referenced by clusters')
        with mock.patch('horizon.exceptions.messages.error') as error:
            res = self._toggle('unpublish', self.cluster_templates.list()[1])
        self.assertRedirectsNoFollow(res, ADMIN_URL)
        error.assert_called_once()
        message = str(error.call_args[0][1])
        self.assertIn('Unable to change cluster template', message)
        self.assertEqual(1, message.count('is referenced by clusters'))

    @helpers.create_mocks({magnum: ['cluster_template_get', 'cluster_list'],
                           api.glance: ['image_list_detailed'],
                           api.nova: ['flavor_list'],
                           api.neutron: ['network_list']})
    def test_admin_detail(self):
        template = self.cluster_templates.list()[1]
        self.mock_cluster_template_get.return_value = template
        self.mock_cluster_list.return_value = []
        self.mock_image_list_detailed.return_value = ([], False, False)
        self.mock_flavor_list.return_value = []
        self.mock_network_list.return_value = []
        res = self.client.get(reverse('horizon:admin:cluster_templates:detail',
                                      args=[template.id]))
        self.assertEqual(200, res.status_code)
        self.assertContains(res, 'k8s-public')
