"""Kubeconfig and CA views (CSR signing: test_certificate_sign; rotations:
test_certificate_actions).

The views are reached through tests/unit/certificates_urls.py (namespace
``certtest``), which shows they reverse within whatever namespace mounts
them; MountedInClustersPanelTests goes through the Clusters panel's mount.
"""

from unittest import mock

from cryptography import x509
from cryptography.x509.oid import NameOID
from django.contrib.messages import constants as message_levels
from django.contrib.messages.storage import default_storage
from django.test import override_settings
from django.urls import reverse
from magnumclient import exceptions as magnum_exceptions
from openstack_auth import utils as auth_utils
from openstack_dashboard.test import helpers
import yaml

from magnum_ui.api import magnum
from magnum_ui.content.project.clusters.certificates import kubeconfig
from tests.unit import certificates_urls
from tests.unit.content.project.clusters import certificate_fakes as fakes
from tests.unit import helpers as magnum_helpers

AJAX = {'HTTP_X_REQUESTED_WITH': 'XMLHttpRequest'}
INDEX_URL = '/certtest/'


def url(name, cluster):
    return reverse('%s:certificates:%s' % (certificates_urls.NAMESPACE, name),
                   args=(cluster.uuid,))


def magnum_error(detail, code=400):
    """What python-magnumclient raises for a Magnum error of ``code``."""
    error_class = {400: magnum_exceptions.BadRequest,
                   403: magnum_exceptions.Forbidden,
                   404: magnum_exceptions.NotFound,
                   503: magnum_exceptions.ServiceUnavailable}[code]
    return error_class(message=detail[:20], details=detail)


@override_settings(ROOT_URLCONF='tests.unit.certificates_urls')
class CertificateViewTestCase(magnum_helpers.MagnumTestCase):
    def setUp(self):
        super().setUp()
        self.cluster = self.clusters.first()
        self.template = self.cluster_templates.first()
        self.ca = fakes.SigningCA()

    def messages(self):
        """(level, text) of the messages queued in the client's cookie."""
        cookie = self.client.cookies.get('messages')
        if cookie is None:
            return []
        request = self.client.request().wsgi_request
        stored = default_storage(request)._decode(cookie.value) or []
        return [(m.level, str(m.message)) for m in stored]

    def assertRedirectedToIndex(self, response):
        """A redirect; for an ajax request Horizon turns it into a 200
        carrying only X-Horizon-Location.
        """
        if response.has_header('Location'):
            self.assertEqual(302, response.status_code)
            self.assertEqual(INDEX_URL, response['Location'])
        else:
            self.assertEqual(200, response.status_code)
            self.assertEqual(INDEX_URL, response['X-Horizon-Location'])

    def assertErrorMessage(self, *fragments):
        errors = [text for level, text in self.messages()
                  if level == message_levels.ERROR]
        self.assertEqual(1, len(errors), self.messages())
        for fragment in fragments:
            self.assertIn(fragment, errors[0])

    def assertFormFailed(self, response, *fragments):
        """The form is back, not a redirect, with the failure on it."""
        self.assertEqual(200, response.status_code)
        self.assertIsNone(response.get('X-Horizon-Location'))
        errors = ' '.join(response.context['form'].non_field_errors())
        for fragment in fragments:
            self.assertIn(fragment, errors)
            self.assertContains(response, fragment, count=1)

    def assertAttachment(self, response, filename):
        self.assertEqual(200, response.status_code)
        self.assertEqual('attachment; filename=%s' % filename,
                         response['Content-Disposition'])
        self.assertEqual('no-store', response['Cache-Control'])

    def assertSessionHasNoKey(self):
        for key, value in self.client.session.items():
            self.assertNotIn('PRIVATE KEY', str(value), key)


class KubeconfigViewTests(CertificateViewTestCase):
    def _mock_magnum(self, tls_disabled=False):
        self.template._apiresource.tls_disabled = tls_disabled
        self.mock_cluster_get.return_value = self.cluster
        self.mock_cluster_template_get.return_value = self.template
        self.mock_certificate_sign.side_effect = self.ca.certificate_sign
        self.mock_certificate_get.side_effect = self.ca.certificate_get

    @helpers.create_mocks({magnum: ['cluster_get', 'cluster_template_get',
                                    'certificate_sign', 'certificate_get']})
    def test_form_offers_both_authentications(self):
        self._mock_magnum()
        res = self.client.get(url('kubeconfig', self.cluster), **AJAX)
        self.assertEqual(200, res.status_code)
        self.assertTemplateUsed(
            res, 'magnum_ui/clusters/certificates/_kubeconfig.html')
        self.assertContains(res, 'value="certificate"')
        self.assertContains(res, 'value="keystone"')
        self.assertContains(res, url('kubeconfig', self.cluster))
        self.mock_certificate_sign.assert_not_called()

    @helpers.create_mocks({magnum: ['cluster_get', 'cluster_template_get',
                                    'certificate_sign', 'certificate_get']})
    def test_download_certificate_kubeconfig(self):
        self._mock_magnum()
        res = self.client.post(url('kubeconfig', self.cluster),
                               {'auth': 'certificate'}, **AJAX)

        self.assertAttachment(res, 'demo-cluster.kubeconfig')
        document, ca, cert, key = fakes.parse_certificate_kubeconfig(
            res.content.decode())
        cert.verify_directly_issued_by(ca)
        self.assertEqual(fakes.public_bytes(key.public_key()),
                         fakes.public_bytes(cert.public_key()))
        csr = x509.load_pem_x509_csr(self.ca.signed[0].encode())
        self.assertEqual(csr.subject, cert.subject)
        self.assertEqual(self.cluster.api_address,
                         document['clusters'][0]['cluster']['server'])
        self.mock_certificate_sign.assert_called_once_with(
            helpers.IsHttpRequest(), self.cluster.uuid, self.ca.signed[0])
        self.assertSessionHasNoKey()

    @helpers.create_mocks({magnum: ['cluster_get', 'cluster_template_get',
                                    'certificate_sign', 'certificate_get']})
    def test_long_username_gets_a_certificate_for_the_user_id(self):
        self._mock_magnum()
        user_id = '6c0f2b1e9d8a4f7e8a1b2c3d4e5f6a7b'
        test_user = auth_utils.get_user

        def long_named_user(request):
            user = test_user(request)
            user.username, user.id = 'u' * 100, user_id
            return user

        with mock.patch.object(auth_utils, 'get_user', long_named_user):
            res = self.client.post(url('kubeconfig', self.cluster),
                                   {'auth': 'certificate'}, **AJAX)

        self.assertAttachment(res, 'demo-cluster.kubeconfig')
        document, ca, cert, key = fakes.parse_certificate_kubeconfig(
            res.content.decode())
        cert.verify_directly_issued_by(ca)
        self.assertEqual(
            [user_id], [a.value for a in cert.subject.get_attributes_for_oid(
                NameOID.COMMON_NAME)])
        self.assertEqual(user_id, document['users'][0]['name'])
        self.mock_certificate_sign.assert_called_once()

    @helpers.create_mocks({magnum: ['cluster_get', 'cluster_template_get',
                                    'certificate_sign', 'certificate_get']})
    def test_download_keystone_kubeconfig_has_no_key(self):
        self._mock_magnum()
        res = self.client.post(url('kubeconfig', self.cluster),
                               {'auth': 'keystone'}, **AJAX)

        self.assertAttachment(res, 'demo-cluster.kubeconfig')
        self.assertNotIn(b'PRIVATE KEY', res.content)
        user = yaml.safe_load(res.content)['users'][0]['user']
        self.assertNotIn('client-key-data', user)
        self.assertEqual(kubeconfig.KEYSTONE_EXEC_COMMAND,
                         user['exec']['command'])
        self.mock_certificate_sign.assert_not_called()

    @helpers.create_mocks({magnum: ['cluster_get', 'cluster_template_get',
                                    'certificate_sign', 'certificate_get']})
    def test_tls_disabled_cluster_gets_a_plain_kubeconfig(self):
        self._mock_magnum(tls_disabled=True)
        res = self.client.get(url('kubeconfig', self.cluster), **AJAX)
        self.assertContains(res, 'TLS disabled')
        self.assertNotContains(res, 'value="keystone"')

        res = self.client.post(url('kubeconfig', self.cluster), {}, **AJAX)
        self.assertAttachment(res, 'demo-cluster.kubeconfig')
        document = yaml.safe_load(res.content)
        self.assertEqual({'server': self.cluster.api_address},
                         document['clusters'][0]['cluster'])
        self.mock_certificate_sign.assert_not_called()
        self.mock_certificate_get.assert_not_called()

    @helpers.create_mocks({magnum: ['cluster_get', 'cluster_template_get',
                                    'certificate_sign', 'certificate_get']})
    def test_magnum_refusal_keeps_the_form_with_its_message(self):
        self._mock_magnum()
        self.mock_certificate_sign.side_effect = magnum_error(
            'Cluster demo-cluster is locked by the operator.', 403)
        res = self.client.post(url('kubeconfig', self.cluster),
                               {'auth': 'certificate'})
        self.assertFormFailed(
            res, 'Unable to create a kubeconfig for cluster',
            'Cluster demo-cluster is locked by the operator.')
        self.assertEqual('certificate', res.context['form']['auth'].value())

    @helpers.create_mocks({magnum: ['cluster_get']})
    def test_missing_cluster_is_a_message_not_a_500(self):
        self.mock_cluster_get.side_effect = magnum_error(
            'Cluster gone could not be found.', 404)
        res = self.client.get(url('kubeconfig', self.cluster), **AJAX)
        self.assertRedirectedToIndex(res)
        self.assertErrorMessage('Cluster gone could not be found.')

    @helpers.create_mocks({magnum: ['cluster_get', 'cluster_template_get']})
    def test_busy_cluster_is_refused(self):
        busy = self.clusters.list()[1]
        self.mock_cluster_get.return_value = busy
        res = self.client.get(url('kubeconfig', busy), **AJAX)
        self.assertRedirectedToIndex(res)
        self.assertErrorMessage('busy-cluster')
        self.mock_cluster_template_get.assert_not_called()

    @helpers.create_mocks({magnum: ['cluster_get', 'cluster_template_get',
                                    'certificate_sign', 'certificate_get']})
    def test_unknown_authentication_is_a_field_error(self):
        self._mock_magnum()
        res = self.client.post(url('kubeconfig', self.cluster),
                               {'auth': 'password'}, **AJAX)
        self.assertEqual(200, res.status_code)
        self.assertFormErrors(res, 1)
        self.assertIn('auth', res.context['form'].errors)
        self.mock_certificate_sign.assert_not_called()


class CAViewTests(CertificateViewTestCase):
    @helpers.create_mocks({magnum: ['cluster_get', 'certificate_get']})
    def test_download_ca(self):
        self.mock_cluster_get.return_value = self.cluster
        self.mock_certificate_get.side_effect = self.ca.certificate_get
        res = self.client.get(url('ca', self.cluster))
        self.assertAttachment(res, 'demo-cluster-ca.pem')
        self.assertEqual(self.ca.certificate,
                         x509.load_pem_x509_certificate(res.content))

    @helpers.create_mocks({magnum: ['cluster_get', 'certificate_get']})
    def test_ca_failure_is_a_message(self):
        self.mock_cluster_get.return_value = self.cluster
        self.mock_certificate_get.side_effect = magnum_error(
            'Barbican is unavailable.', 503)
        res = self.client.get(url('ca', self.cluster))
        self.assertRedirectedToIndex(res)
        self.assertErrorMessage('Barbican is unavailable.')


class MountedInClustersPanelTests(CertificateViewTestCase):
    """Through the Clusters panel's own urls."""

    def panel_url(self, name):
        return reverse('horizon:project:clusters:certificates:%s' % name,
                       args=(self.cluster.uuid,))

    @override_settings(ROOT_URLCONF='openstack_dashboard.urls')
    @helpers.create_mocks({magnum: ['cluster_get', 'cluster_template_get',
                                    'certificate_sign', 'certificate_get']})
    def test_full_page_form_and_error_on_it(self):
        self.mock_cluster_get.return_value = self.cluster
        self.mock_cluster_template_get.return_value = self.template
        res = self.client.get(self.panel_url('kubeconfig'))
        self.assertEqual(200, res.status_code)
        self.assertTemplateUsed(
            res, 'magnum_ui/clusters/certificates/kubeconfig.html')
        self.assertContains(res, 'action="%s"' % self.panel_url('kubeconfig'))

        self.mock_certificate_sign.side_effect = magnum_error(
            'Not allowed.', 403)
        res = self.client.post(self.panel_url('kubeconfig'),
                               {'auth': 'certificate'})
        self.assertFormFailed(res, 'Not allowed.')
        self.assertTemplateUsed(
            res, 'magnum_ui/clusters/certificates/kubeconfig.html')
