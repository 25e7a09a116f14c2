"""Fuzz: the admin quota forms (set a project's quota, edit it)."""


from django import forms
from django.urls import reverse
from hypothesis import example
from hypothesis import given
from hypothesis import strategies as st
from openstack_dashboard import api
from openstack_dashboard.test import helpers

from magnum_ui.api import magnum
from tests.unit.content.admin import test_admin_panels
from tests.unit import fuzz

CREATE_URL = reverse('horizon:admin:container_infra_quotas:create')
QUOTAS_URL = reverse('horizon:admin:container_infra_quotas:index')
# A project id as a URL segment: anything but a slash or a control code.
url_segment = st.text(
    st.characters(blacklist_categories=('Cs', 'Cc'),
                  blacklist_characters='/'), min_size=1, max_size=40)


def expected_limit(text):
    """The cluster limit Django's own IntegerField reads, or None."""
    try:
        return forms.IntegerField(min_value=0).clean(text)
    except forms.ValidationError:
        return None


class QuotaFuzzTests(fuzz.FuzzMixin, test_admin_panels.AdminTestCase):
    def post(self, url, data):
        # As the table's links open the forms: ajax modals.
        res = self.client.post(url, data, **fuzz.AJAX)
        fuzz.assert_no_500(self, res)
        fuzz.assert_no_raw_markup(self, res, data)
        return res

    def check(self, res, data, service, args, limit):
        """Accepted with the limit Django reads, or refused and shown."""
        if limit is not None and args is not None:
            fuzz.assert_redirected(self, res, QUOTAS_URL)
            service.assert_called_once_with(
                helpers.IsHttpRequest(), *args, limit)
            return
        service.assert_not_called()
        fuzz.assert_refused(self, res, res.context['form'].errors, data,
                            ['hard_limit'])

    @helpers.create_mocks({magnum: ['quota_list', 'quota_create'],
                           api.keystone: ['tenant_list']})
    @fuzz.FUZZ
    @given(changes=fuzz.overrides(['project_id', 'hard_limit'],
                                  fuzz.nasty_number | st.sampled_from(
                                      ['1', '2', '3'])))
    @example(changes={'hard_limit': str(2 ** 63)})
    @example(changes={'hard_limit': '  7 '})
    @example(changes={'hard_limit': '<img src=x onerror=alert(1)>'})
    @example(changes={'project_id': '"><b>fz</b>', 'hard_limit': '-1'})
    @example(changes={'project_id': None, 'hard_limit': None})
    def test_set_quota(self, changes):
        self.mock_quota_list.return_value = self.magnum_quotas.list()
        self.mock_tenant_list.return_value = [self.tenants.list(), False]
        data = fuzz.merged({'project_id': '3', 'hard_limit': '4'}, changes)
        res = self.post(CREATE_URL, data)
        # Projects 1 and 2 have a quota: only 3 is offered.
        project = data.get('project_id')
        self.check(res, data, self.mock_quota_create,
                   (project,) if project == '3' else None,
                   expected_limit(data.get('hard_limit')))

    @helpers.create_mocks({magnum: ['quota_get', 'quota_update']})
    @fuzz.FUZZ
    @given(project_id=st.sampled_from(['1']) | url_segment,
           changes=fuzz.overrides(['project_id', 'hard_limit'],
                                  fuzz.nasty_number))
    @example(project_id='<img src=x onerror=alert(1)>',
             changes={'hard_limit': '"><b>fz</b>'})
    @example(project_id='\u202e\U0001F680', changes={'hard_limit': '0x10'})
    @example(project_id='1', changes={'hard_limit': '1e9',
                                      'project_id': '2'})
    def test_edit_quota(self, project_id, changes):
        self.mock_quota_get.return_value = self.magnum_quotas.first()
        url = reverse('horizon:admin:container_infra_quotas:update',
                      args=[project_id])
        data = fuzz.merged({'hard_limit': '9'}, changes)
        res = self.post(url, data)
        # The project is the URL's, whatever was posted.
        self.check(res, data, self.mock_quota_update, (project_id,),
                   expected_limit(data.get('hard_limit')))
        self.assertNotIn('<img src=x', res.content.decode())

    @helpers.create_mocks({magnum: ['quota_get', 'quota_update']})
    @fuzz.FUZZ
    @given(message=fuzz.nasty_text)
    @example(message='<img src=x onerror=alert(1)>')
    @example(message='%(exc)s %s 100%')
    def test_refusal_text_from_magnum_is_escaped(self, message):
        self.mock_quota_get.return_value = self.magnum_quotas.first()
        self.mock_quota_update.side_effect = \
            test_admin_panels.magnum_exceptions.BadRequest(
                message='Invalid', details=message)
        url = reverse('horizon:admin:container_infra_quotas:update',
                      args=['1'])
        res = self.post(url, {'hard_limit': '9'})
        fuzz.assert_reason_shown(self, res, message)
        self.assertTrue(res.context['form'].non_field_errors())
        fuzz.assert_no_raw_markup(self, res, {'reason': message})
        self.assertContains(res, 'value="9"')

    # The table's links open these forms as ajax modals; Horizon once
    # rendered "_" + template_name, a template that does not exist (500).
    @helpers.create_mocks({magnum: ['quota_list', 'quota_get'],
                           api.keystone: ['tenant_list']})
    def test_the_modal_of_the_table_link_renders(self):
        self.mock_quota_list.return_value = self.magnum_quotas.list()
        self.mock_quota_get.return_value = self.magnum_quotas.first()
        self.mock_tenant_list.return_value = [self.tenants.list(), False]
        for url in (CREATE_URL, reverse(
                'horizon:admin:container_infra_quotas:update', args=['1'])):
            res = self.client.get(url, **fuzz.AJAX)
            self.assertEqual(200, res.status_code)
            res = self.client.post(url, {'hard_limit': 'x'}, **fuzz.AJAX)
            self.assertEqual(200, res.status_code)
