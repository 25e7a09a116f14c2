"""Certificate pages: kubeconfig, CSR and rotation modals, file names."""

import re

from django.urls import reverse
import yaml

from openstack_dashboard.test import helpers

from magnum_ui.api import magnum
from tests.unit.content.project.clusters import base
from tests.unit.content.project.clusters import certificate_fakes as fakes
from tests.unit import magnum_data
from tests.unit import markup

AJAX = {'HTTP_X_REQUESTED_WITH': 'XMLHttpRequest'}
INDEX_URL = reverse('horizon:project:clusters:index')
MOCKS = {magnum: ['cluster_get', 'cluster_template_get', 'certificate_sign',
                  'certificate_get', 'certificate_rotate_ca',
                  'credential_rotate']}
# What an unquoted Content-Disposition file name may hold.
SAFE_DISPOSITION = re.compile(r'^attachment; filename=[A-Za-z0-9._-]+$')


def url(name, cluster):
    return reverse('horizon:project:clusters:certificates:%s' % name,
                   args=[cluster.uuid])


class CertificateMarkupTests(markup.InertAssertions, base.ClustersTestCase):
    def setUp(self):
        super().setUp()
        self.ca = fakes.SigningCA()

    def mock_magnum(self, tls_disabled=False, **changes):
        cluster = magnum_data._cluster(name=markup.hostile('cname'),
                                       **changes)
        self.mock_cluster_get.return_value = cluster
        self.mock_cluster_template_get.return_value = magnum_data._template(
            tls_disabled=tls_disabled)
        self.mock_certificate_sign.side_effect = self.ca.certificate_sign
        self.mock_certificate_get.side_effect = self.ca.certificate_get
        return cluster

    def assertSafeAttachment(self, response, suffix):
        self.assertEqual(200, response.status_code)
        disposition = response['Content-Disposition']
        self.assertRegex(disposition, SAFE_DISPOSITION)
        self.assertTrue(disposition.endswith(suffix), disposition)
        self.assertIn('cname', disposition)
        self.assertEqual('nosniff', response['X-Content-Type-Options'])
        self.assertFalse(response['Content-Type'].startswith('text/html'))

    @helpers.create_mocks(MOCKS)
    def test_modals_name_the_cluster_escaped(self):
        cluster = self.mock_magnum()
        for name in ('kubeconfig', 'sign_csr', 'rotate_ca',
                     'rotate_credentials'):
            for headers in ({}, AJAX):
                with self.subTest(page=name, ajax=bool(headers)):
                    res = self.client.get(url(name, cluster), **headers)
                    self.assertPage(res, 'cname')

    @helpers.create_mocks(MOCKS)
    def test_tls_disabled_kubeconfig_modal_is_escaped(self):
        cluster = self.mock_magnum(tls_disabled=True)
        res = self.client.get(url('kubeconfig', cluster), **AJAX)
        self.assertContains(res, 'TLS disabled')
        self.assertPage(res, 'cname')

    @helpers.create_mocks(MOCKS)
    def test_kubeconfig_file_name_is_a_safe_token(self):
        cluster = self.mock_magnum()
        for auth in ('certificate', 'keystone'):
            res = self.client.post(url('kubeconfig', cluster),
                                   {'auth': auth}, **AJAX)
            self.assertSafeAttachment(res, '.kubeconfig')
            # the name inside the YAML is data, kept as it is
            document = yaml.safe_load(res.content)
            self.assertEqual(markup.hostile('cname'),
                             document['clusters'][0]['name'])

    @helpers.create_mocks(MOCKS)
    def test_ca_and_signed_certificate_file_names_are_safe(self):
        cluster = self.mock_magnum()
        res = self.client.get(url('ca', cluster))
        self.assertSafeAttachment(res, '-ca.pem')
        res = self.client.post(url('sign_csr', cluster),
                               {'csr': fakes.csr_pem('alice')}, **AJAX)
        self.assertSafeAttachment(res, '.crt')

    @helpers.create_mocks(MOCKS)
    def test_header_breaking_name_cannot_add_headers(self):
        cluster = self.mock_magnum()
        cluster._apiresource.name = 'a b";\r\nSet-Cookie: x=1\r\n' + \
            markup.IMG
        res = self.client.get(url('ca', cluster))
        self.assertEqual(200, res.status_code)
        self.assertRegex(res['Content-Disposition'], SAFE_DISPOSITION)
        self.assertFalse(res.has_header('Set-Cookie') and
                         'x=1' in res['Set-Cookie'])

    @helpers.create_mocks(MOCKS)
    def test_magnum_refusals_are_escaped_on_the_forms(self):
        cluster = self.mock_magnum()
        refusal = base.magnum_error(400, markup.hostile('certerr'))
        self.mock_certificate_sign.side_effect = refusal
        self.mock_certificate_rotate_ca.side_effect = refusal
        self.mock_credential_rotate.side_effect = refusal
        for name, data in (('kubeconfig', {'auth': 'certificate'}),
                           ('sign_csr', {'csr': fakes.csr_pem()}),
                           ('rotate_ca', {}), ('rotate_credentials', {})):
            with self.subTest(page=name):
                res = self.client.post(url(name, cluster), data, **AJAX)
                self.assertPage(res, 'certerr', 'cname')
                self.assertIsNone(res.get('X-Horizon-Location'))

    @helpers.create_mocks(MOCKS)
    def test_ca_refusal_is_escaped_on_the_next_page(self):
        cluster = self.mock_magnum()
        self.mock_certificate_get.side_effect = base.magnum_error(
            403, markup.hostile('caerr'))
        res = self.client.get(url('ca', cluster))
        self.assertRedirectsNoFollow(res, INDEX_URL)
        text = ' '.join(markup.queued_messages(res))
        for tag in ('caerr', 'cname'):
            self.assertIn(markup.hostile(tag), text)
        self.assert_next_page_escapes('caerr', 'cname')

    @helpers.create_mocks(MOCKS)
    def test_status_refusal_naming_the_cluster_is_escaped(self):
        cluster = self.mock_magnum(status='CREATE_IN_PROGRESS')
        for name in ('kubeconfig', 'sign_csr', 'rotate_ca'):
            with self.subTest(page=name):
                res = self.client.get(url(name, cluster))
                self.assertRedirectsNoFollow(res, INDEX_URL)
                self.assertIn(markup.hostile('cname'),
                              ' '.join(markup.queued_messages(res)))
        self.assert_next_page_escapes('cname')

    @helpers.create_mocks(MOCKS)
    def test_rotation_success_message_is_escaped(self):
        cluster = self.mock_magnum()
        res = self.client.post(url('rotate_ca', cluster), {})
        self.assertRedirectsNoFollow(res, INDEX_URL)
        self.assertIn(markup.hostile('cname'),
                      ' '.join(markup.queued_messages(res)))
        self.assert_next_page_escapes('cname')

    def assert_next_page_escapes(self, *tags):
        """The index page the user lands on shows the messages escaped."""
        with helpers.mock.patch.object(magnum, 'cluster_list',
                                       return_value=[]), \
                helpers.mock.patch.object(magnum, 'cluster_template_list',
                                          return_value=[]), \
                helpers.mock.patch.object(magnum, 'stats_get',
                                          side_effect=base.magnum_error(
                                              500, 'no stats')):
            res = self.client.get(INDEX_URL)
        self.assertEqual(200, res.status_code)
        for tag in tags:
            self.assertMessageEscaped(res, markup.hostile(tag))
