from django.contrib import messages
from django.urls import reverse
from magnumclient import exceptions as magnum_exceptions
from openstack_dashboard import api
from openstack_dashboard.test import helpers

from magnum_ui.api import magnum
from tests.unit import helpers as magnum_helpers
from tests.unit import magnum_data

SERVICES_URL = reverse('horizon:admin:container_infra_services:index')
QUOTAS_URL = reverse('horizon:admin:container_infra_quotas:index')


def shown(response):
    """The texts of the messages the response's request queued."""
    return [str(m) for m in messages.get_messages(response.wsgi_request)]


class AdminTestCase(magnum_helpers.MagnumAdminTestCase):
    def _setup_test_data(self):
        super()._setup_test_data()
        magnum_data.admin_data(self)


class MagnumServicesTests(AdminTestCase):
    @helpers.create_mocks({magnum: ['service_list']})
    def test_services_are_listed_with_their_state(self):
        self.mock_service_list.return_value = self.magnum_services.list()
        res = self.client.get(SERVICES_URL)
        self.assertEqual(200, res.status_code)
        self.assertContains(res, 'magnum-conductor')
        self.assertEqual(['magnum-conductor'],
                         [s.binary for s in
                          res.context['table'].data])

    @helpers.create_mocks({magnum: ['service_list']})
    def test_backend_failure_is_a_message_not_a_500(self):
        self.mock_service_list.side_effect = \
            magnum_exceptions.InternalServerError(message='conductor gone')
        res = self.client.get(SERVICES_URL)
        self.assertEqual(200, res.status_code)
        self.assertEqual([], res.context['table'].data)
        self.assertMessageCount(res, error=1)
        self.assertEqual(
            ['Unable to retrieve Magnum services. conductor gone'],
            shown(res))
        self.assertContains(res, 'conductor gone', count=1)


class MemberCannotSeeAdminPanels(magnum_helpers.MagnumTestCase):
    def test_member_is_refused(self):
        for url in (SERVICES_URL, QUOTAS_URL):
            with self.subTest(url=url):
                res = self.client.get(url)
                self.assertEqual(403, res.status_code)
                self.assertTemplateUsed(res, 'not_authorized.html')
                self.assertContains(
                    res, 'You are not authorized to access this page',
                    status_code=403)


class QuotasTests(AdminTestCase):
    @helpers.create_mocks({magnum: ['quota_list'],
                           api.keystone: ['tenant_list']})
    def test_quotas_show_project_names(self):
        self.mock_quota_list.return_value = self.magnum_quotas.list()
        self.mock_tenant_list.return_value = [self.tenants.list(), False]
        res = self.client.get(QUOTAS_URL)
        self.assertEqual(200, res.status_code)
        names = [q.project_name for q in res.context['table'].data]
        self.assertEqual([self.tenants.get(id='1').name,
                          self.tenants.get(id='2').name], names)
        self.mock_quota_list.assert_called_once_with(
            helpers.IsHttpRequest(), all_tenants=True)

    @helpers.create_mocks({magnum: ['quota_list', 'quota_create'],
                           api.keystone: ['tenant_list']})
    def test_set_quota_only_offers_projects_without_one(self):
        self.mock_quota_list.return_value = self.magnum_quotas.list()
        self.mock_tenant_list.return_value = [self.tenants.list(), False]
        url = reverse('horizon:admin:container_infra_quotas:create')
        res = self.client.get(url)
        offered = [value for value, _label in
                   res.context['form'].fields['project_id'].choices if value]
        self.assertNotIn('1', offered)
        self.assertNotIn('2', offered)
        self.assertIn('3', offered)
        res = self.client.post(url, {'project_id': '3', 'hard_limit': 4})
        self.assertNoFormErrors(res)
        self.assertRedirectsNoFollow(res, QUOTAS_URL)
        self.assertEqual(['Quota set.'], shown(res))
        self.mock_quota_create.assert_called_once_with(
            helpers.IsHttpRequest(), '3', 4)

    @helpers.create_mocks({magnum: ['quota_list'],
                           api.keystone: ['tenant_list']})
    def test_negative_limit_is_a_field_error(self):
        self.mock_quota_list.return_value = []
        self.mock_tenant_list.return_value = [self.tenants.list(), False]
        url = reverse('horizon:admin:container_infra_quotas:create')
        res = self.client.post(url, {'project_id': '3', 'hard_limit': -1})
        self.assertFormErrors(res, 1)
        self.assertIn('hard_limit', res.context['form'].errors)
        self.assertContains(res, 'value="-1"')

    @helpers.create_mocks({magnum: ['quota_get', 'quota_update']})
    def test_update_sends_the_new_limit(self):
        self.mock_quota_get.return_value = self.magnum_quotas.first()
        url = reverse('horizon:admin:container_infra_quotas:update',
                      args=['1'])
        res = self.client.get(url)
        self.assertEqual(5, res.context['form'].initial['hard_limit'])
        # The project is the URL's: the form has no field for it.
        self.assertNotIn('project_id', res.context['form'].fields)
        self.assertNotContains(res, 'name="project_id"')
        res = self.client.post(url, {'hard_limit': 9})
        self.assertRedirectsNoFollow(res, QUOTAS_URL)
        self.assertEqual(['Quota updated.'], shown(res))
        self.mock_quota_update.assert_called_once_with(
            helpers.IsHttpRequest(), '1', 9)

    @helpers.create_mocks({magnum: ['quota_get', 'quota_update']})
    def test_update_changes_the_urls_project_not_the_posted_one(self):
        self.mock_quota_get.return_value = self.magnum_quotas.first()
        url = reverse('horizon:admin:container_infra_quotas:update',
                      args=['1'])
        res = self.client.post(url, {'project_id': '2', 'hard_limit': 9})
        self.assertNoFormErrors(res)
        self.assertRedirectsNoFollow(res, QUOTAS_URL)
        self.mock_quota_update.assert_called_once_with(
            helpers.IsHttpRequest(), '1', 9)

    @helpers.create_mocks({magnum: ['quota_get', 'quota_update']})
    def test_update_refusal_keeps_the_form_and_the_limit(self):
        self.mock_quota_get.return_value = self.magnum_quotas.first()
        self.mock_quota_update.side_effect = magnum_exceptions.BadRequest(
            message='Invalid', details='hard_limit is over the maximum')
        url = reverse('horizon:admin:container_infra_quotas:update',
                      args=['1'])
        res = self.client.post(url, {'project_id': '1', 'hard_limit': 9})
        self.assertEqual(200, res.status_code)
        self.assertIn('Unable to update the quota. '
                      'hard_limit is over the maximum',
                      res.context['form'].non_field_errors())
        self.assertContains(res, 'hard_limit is over the maximum', count=1)
        self.assertContains(res, 'value="9"')

    @helpers.create_mocks({magnum: ['quota_list', 'quota_delete'],
                           api.keystone: ['tenant_list']})
    def test_delete_quota(self):
        self.mock_quota_list.return_value = self.magnum_quotas.list()
        self.mock_tenant_list.return_value = [self.tenants.list(), False]
        res = self.client.post(QUOTAS_URL,
                               {'action': 'quotas__delete__2'})
        self.assertRedirectsNoFollow(res, QUOTAS_URL)
        self.assertEqual(['Deleted Quota: %s' % self.tenants.get(id='2').name],
                         shown(res))
        self.mock_quota_delete.assert_called_once_with(
            helpers.IsHttpRequest(), '2')

    @helpers.create_mocks({magnum: ['quota_list', 'quota_delete'],
                           api.keystone: ['tenant_list']})
    def test_delete_refusal_is_one_message_with_magnums_words(self):
        self.mock_quota_list.return_value = self.magnum_quotas.list()
        self.mock_tenant_list.return_value = [self.tenants.list(), False]
        self.mock_quota_delete.side_effect = magnum_exceptions.Conflict(
            message='Conflict', details='Quota is in use')
        res = self.client.post(QUOTAS_URL, {'action': 'quotas__delete__2'},
                               follow=True)
        self.assertEqual(200, res.status_code)
        messages = [str(m) for m in res.context['messages']]
        self.assertEqual(1, len(messages), messages)
        self.assertIn('Unable to delete the quota of project', messages[0])
        self.assertEqual(1, messages[0].count('Quota is in use'))
