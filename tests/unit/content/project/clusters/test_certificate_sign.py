"""The Sign Certificate Request view: a pasted or uploaded CSR, signed."""

from cryptography import x509
from django.core.files.uploadedfile import SimpleUploadedFile
from django.views import debug as django_debug
from openstack_dashboard.test import helpers

from magnum_ui.api import magnum
from magnum_ui.content.project.clusters.certificates import kubeconfig
from tests.unit.content.project.clusters import certificate_fakes as fakes
from tests.unit.content.project.clusters.test_certificates import AJAX
from tests.unit.content.project.clusters.test_certificates \
    import CertificateViewTestCase
from tests.unit.content.project.clusters.test_certificates import magnum_error
from tests.unit.content.project.clusters.test_certificates import url


class SignCSRViewTests(CertificateViewTestCase):
    def setUp(self):
        super().setUp()
        self.csr = fakes.csr_pem('ci-robot')

    @helpers.create_mocks({magnum: ['cluster_get', 'certificate_sign']})
    def test_pasted_csr_is_signed_and_downloaded(self):
        self.mock_cluster_get.return_value = self.cluster
        self.mock_certificate_sign.side_effect = self.ca.certificate_sign
        res = self.client.post(url('sign_csr', self.cluster),
                               {'csr': self.csr}, **AJAX)
        self.assertAttachment(res, 'demo-cluster.crt')
        cert = x509.load_pem_x509_certificate(res.content)
        cert.verify_directly_issued_by(self.ca.certificate)
        self.assertEqual(x509.load_pem_x509_csr(self.csr.encode()).subject,
                         cert.subject)
        self.mock_certificate_sign.assert_called_once_with(
            helpers.IsHttpRequest(), self.cluster.uuid, self.csr)

    @helpers.create_mocks({magnum: ['cluster_get', 'certificate_sign']})
    def test_uploaded_csr_is_signed(self):
        self.mock_cluster_get.return_value = self.cluster
        self.mock_certificate_sign.side_effect = self.ca.certificate_sign
        upload = SimpleUploadedFile('req.csr', self.csr.encode())
        res = self.client.post(url('sign_csr', self.cluster),
                               {'csr_file': upload}, **AJAX)
        self.assertAttachment(res, 'demo-cluster.crt')
        self.mock_certificate_sign.assert_called_once_with(
            helpers.IsHttpRequest(), self.cluster.uuid, self.csr)

    @helpers.create_mocks({magnum: ['cluster_get', 'certificate_sign']})
    def test_bad_input_is_a_field_error_with_the_users_text(self):
        self.mock_cluster_get.return_value = self.cluster
        cases = (
            ({'csr': 'not a csr at all'}, 'csr', 'not a valid PEM'),
            ({'csr': self.ca.pem}, 'csr', 'not a valid PEM'),
            ({'csr': ''}, 'csr', 'Paste a CSR'),
            ({'csr': self.csr + 'x' * kubeconfig.MAX_CSR_BYTES}, 'csr',
             'at most 16 KiB'),
            ({'csr_file': SimpleUploadedFile('big.csr',
                                             b'x' * (16 * 1024 + 1))},
             'csr_file', 'larger than 16 KiB'),
            ({'csr_file': SimpleUploadedFile('junk.bin', b'\x00\xff' * 9)},
             'csr_file', 'not a valid PEM'),
        )
        for data, field, error in cases:
            with self.subTest(field=field, error=error):
                res = self.client.post(url('sign_csr', self.cluster), data,
                                       **AJAX)
                self.assertEqual(200, res.status_code)
                form = res.context['form']
                self.assertIn(field, form.errors)
                self.assertIn(error, ' '.join(form.errors[field]))
        # The user's text comes back in the re-rendered form.
        self.assertContains(
            self.client.post(url('sign_csr', self.cluster),
                             {'csr': 'not a csr at all'}, **AJAX),
            'not a csr at all')
        self.mock_certificate_sign.assert_not_called()

    @helpers.create_mocks({magnum: ['cluster_get', 'certificate_sign']})
    def test_magnum_rejection_keeps_the_form_and_the_csr(self):
        self.mock_cluster_get.return_value = self.cluster
        self.mock_certificate_sign.side_effect = magnum_error(
            'Extension keyUsage is not allowed', 400)
        res = self.client.post(url('sign_csr', self.cluster),
                               {'csr': self.csr})
        self.assertFormFailed(res, 'Unable to sign the CSR for cluster',
                              'Extension keyUsage is not allowed')
        self.assertContains(res, self.csr.splitlines()[1])

    @helpers.create_mocks({magnum: ['cluster_get', 'certificate_sign']})
    def test_csr_is_hidden_from_error_reports(self):
        self.mock_cluster_get.return_value = self.cluster
        self.mock_certificate_sign.side_effect = self.ca.certificate_sign
        self.client.post(url('sign_csr', self.cluster), {'csr': self.csr},
                         **AJAX)
        request = self.mock_certificate_sign.call_args.args[0]
        self.assertIn('csr', getattr(request, 'sensitive_post_parameters',
                                     ()))
        report = django_debug.SafeExceptionReporterFilter()
        self.assertEqual(report.cleansed_substitute,
                         report.get_post_parameters(request)['csr'])
