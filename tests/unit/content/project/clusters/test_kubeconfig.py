"""certificates.kubeconfig: keys, CSRs, and the kubeconfig files.

Magnum is mocked at the service layer's edge; a CA made in the test signs
the CSR the way Magnum's x509 code does (certificate_fakes.SigningCA).
"""

import base64
import sys

from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives import serialization
from cryptography import x509
from cryptography.x509.oid import NameOID
from django.views import debug as django_debug
from magnum.common.x509 import operations
from openstack_dashboard.test import helpers
import yaml

from magnum_ui.api import magnum
from magnum_ui.content.project.clusters.certificates import kubeconfig
from tests.unit.content.project.clusters import certificate_fakes as fakes
from tests.unit import helpers as magnum_helpers


class LoadCSRTests(magnum_helpers.MagnumTestCase):
    def test_accepts_a_pem_csr_as_text_or_bytes(self):
        pem = fakes.csr_pem('alice')
        self.assertEqual(
            'alice', kubeconfig.load_csr(pem).subject.get_attributes_for_oid(
                NameOID.COMMON_NAME)[0].value)
        self.assertIsNotNone(kubeconfig.load_csr(pem.encode()))

    def test_rejects_what_is_not_one_pem_csr(self):
        ca = fakes.SigningCA()
        lines = fakes.csr_pem().splitlines()
        broken = '\n'.join(lines[:1] + lines[2:])  # a body line missing
        for bad in ('', '   ', 'hello', ca.pem, broken,
                    '-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n'
                    '-----END CERTIFICATE REQUEST-----\n',
                    b'\xff\xfe\x00binary'):
            with self.subTest(bad=bad):
                self.assertRaises(kubeconfig.InvalidCSR,
                                  kubeconfig.load_csr, bad)

    def test_rejects_a_csr_over_the_size_limit(self):
        padded = fakes.csr_pem() + '\n' * kubeconfig.MAX_CSR_BYTES
        self.assertRaises(kubeconfig.InvalidCSR, kubeconfig.load_csr, padded)

    def test_rejects_a_csr_whose_signature_does_not_match(self):
        one = x509.load_pem_x509_csr(fakes.csr_pem().encode())
        other_key = ec.generate_private_key(ec.SECP256R1())
        # Same subject, but the signature is from another key.
        forged = (x509.CertificateSigningRequestBuilder()
                  .subject_name(one.subject).sign(other_key, hashes.SHA256()))
        der = bytearray(forged.public_bytes(serialization.Encoding.DER))
        der[-1] ^= 0x01
        tampered = ('-----BEGIN CERTIFICATE REQUEST-----\n%s\n'
                    '-----END CERTIFICATE REQUEST-----\n'
                    % base64.encodebytes(bytes(der)).decode())
        self.assertRaises(kubeconfig.InvalidCSR,
                          kubeconfig.load_csr, tampered)


class FilenameTests(magnum_helpers.MagnumTestCase):
    def test_cluster_name_becomes_a_safe_token(self):
        cluster = self.clusters.first()
        self.assertEqual('demo-cluster.kubeconfig',
                         kubeconfig.filename_for(cluster, '.kubeconfig'))
        cluster._apiresource.name = 'a b";\r\nX-Evil: 1'
        name = kubeconfig.filename_for(cluster, '.crt')
        self.assertRegex(name, r'^[A-Za-z0-9._-]+$')
        self.assertTrue(name.endswith('.crt'))


class ForClusterTests(magnum_helpers.MagnumTestCase):
    def setUp(self):
        super().setUp()
        self.ca = fakes.SigningCA()
        self.cluster = self.clusters.first()

    def _mock_magnum(self):
        self.mock_certificate_sign.side_effect = self.ca.certificate_sign
        self.mock_certificate_get.side_effect = self.ca.certificate_get

    @helpers.create_mocks({magnum: ['certificate_sign', 'certificate_get']})
    def test_certificate_kubeconfig_has_a_cert_for_its_own_key(self):
        self._mock_magnum()
        filename, text = kubeconfig.for_cluster(
            self.request, self.cluster, tls_disabled=False)

        self.assertEqual('demo-cluster.kubeconfig', filename)
        document, ca, cert, key = fakes.parse_certificate_kubeconfig(text)
        self.assertEqual('Config', document['kind'])
        self.assertEqual(self.cluster.api_address,
                         document['clusters'][0]['cluster']['server'])
        context = document['contexts'][0]
        self.assertEqual(document['current-context'], context['name'])
        self.assertEqual(document['users'][0]['name'],
                         context['context']['user'])
        self.assertEqual(document['clusters'][0]['name'],
                         context['context']['cluster'])
        self.assertEqual(self.ca.certificate, ca)
        # The certificate is for the key in the file, issued by the CA...
        self.assertEqual(fakes.public_bytes(key.public_key()),
                         fakes.public_bytes(cert.public_key()))
        cert.verify_directly_issued_by(ca)
        # ... for exactly the subject of the CSR Magnum was sent.
        self.mock_certificate_sign.assert_called_once_with(
            helpers.IsHttpRequest(), self.cluster.uuid, self.ca.signed[0])
        csr = x509.load_pem_x509_csr(self.ca.signed[0].encode())
        self.assertEqual(csr.subject, cert.subject)
        self.assertEqual(fakes.public_bytes(csr.public_key()),
                         fakes.public_bytes(cert.public_key()))
        self.assertEqual(
            [self.request.user.username],
            [a.value for a in csr.subject.get_attributes_for_oid(
                NameOID.COMMON_NAME)])
        self.assertEqual(
            [kubeconfig.ADMIN_GROUP],
            [a.value for a in csr.subject.get_attributes_for_oid(
                NameOID.ORGANIZATION_NAME)])

    @helpers.create_mocks({magnum: ['certificate_sign', 'certificate_get']})
    def test_username_too_long_for_a_common_name_uses_the_user_id(self):
        self._mock_magnum()
        user = self.request.user
        user.username, user.id = 'u' * 100, '6c0f2b1e9d8a4f7e8a1b2c3d4e5f6a7b'
        text = kubeconfig.for_cluster(self.request, self.cluster, False)[1]

        document, ca, cert, key = fakes.parse_certificate_kubeconfig(text)
        cert.verify_directly_issued_by(ca)
        self.assertEqual(
            [user.id], [a.value for a in cert.subject.get_attributes_for_oid(
                NameOID.COMMON_NAME)])
        self.assertEqual(user.id, document['users'][0]['name'])
        context = document['contexts'][0]
        self.assertEqual(user.id, context['context']['user'])
        self.assertEqual(document['current-context'], context['name'])
        self.mock_certificate_sign.assert_called_once_with(
            helpers.IsHttpRequest(), self.cluster.uuid, self.ca.signed[0])

    def test_common_name_is_the_username_up_to_64_characters(self):
        user = self.request.user
        user.id = '6c0f2b1e9d8a4f7e8a1b2c3d4e5f6a7b'
        for username, expected in (('alice', 'alice'),
                                   ('a' * 64, 'a' * 64),
                                   ('a' * 65, user.id)):
            user.username = username
            with self.subTest(length=len(username)):
                self.assertEqual(expected,
                                 kubeconfig.certificate_user_name(user))

    @helpers.create_mocks({magnum: ['certificate_sign', 'certificate_get']})
    def test_every_kubeconfig_has_a_new_key(self):
        self._mock_magnum()
        keys = set()
        for _ in range(2):
            text = kubeconfig.for_cluster(self.request, self.cluster, False)[1]
            keys.add(fakes.public_bytes(
                fakes.parse_certificate_kubeconfig(text)[3].public_key()))
        self.assertEqual(2, len(keys))

    @helpers.create_mocks({magnum: ['certificate_sign', 'certificate_get']})
    def test_keystone_kubeconfig_has_no_key_and_no_secret(self):
        self._mock_magnum()
        filename, text = kubeconfig.for_cluster(
            self.request, self.cluster, False, kubeconfig.KEYSTONE)

        self.mock_certificate_sign.assert_not_called()
        self.assertNotIn('PRIVATE KEY', text)
        self.assertNotIn(self.request.user.token.id, text)
        document = yaml.safe_load(text)
        user = document['users'][0]['user']
        self.assertNotIn('client-key-data', user)
        self.assertNotIn('client-certificate-data', user)
        self.assertNotIn('token', user)
        self.assertEqual(kubeconfig.KEYSTONE_EXEC_COMMAND,
                         user['exec']['command'])
        self.assertFalse([a for a in user['exec']['args']
                          if a.startswith('--password')])
        self.assertNotIn('env', user['exec'])
        args = user['exec']['args']
        self.assertIn('--project-name=%s' % self.request.user.project_name,
                      args)
        self.assertIn('--user-name=%s' % self.request.user.username, args)
        self.assertIn('--keystone-url=http://public.keystone.example.com'
                      '/identity/v3', args)
        self.assertTrue([a for a in args if a.startswith('--domain-name=')])
        ca = base64.b64decode(
            document['clusters'][0]['cluster']['certificate-authority-data'])
        self.assertEqual(self.ca.pem.encode(), ca)

    @helpers.create_mocks({magnum: ['certificate_sign', 'certificate_get']})
    def test_tls_disabled_gives_a_plain_kubeconfig(self):
        cluster = self.clusters.first()
        cluster._apiresource.api_address = 'http://10.0.0.10:8080'
        filename, text = kubeconfig.for_cluster(self.request, cluster, True)

        self.mock_certificate_sign.assert_not_called()
        self.mock_certificate_get.assert_not_called()
        document = yaml.safe_load(text)
        self.assertEqual({'server': 'http://10.0.0.10:8080'},
                         document['clusters'][0]['cluster'])
        self.assertEqual({}, document['users'][0]['user'])
        self.assertNotIn('PRIVATE KEY', text)

    @helpers.create_mocks({magnum: ['certificate_sign', 'certificate_get']})
    def test_key_is_hidden_from_error_reports(self):
        self.mock_certificate_sign.side_effect = self.ca.certificate_sign
        self.mock_certificate_get.side_effect = RuntimeError('boom')
        try:
            kubeconfig.for_cluster(self.request, self.cluster, False)
        except RuntimeError:
            traceback = sys.exc_info()[2]
        frames = []
        while traceback is not None:
            frames.append(traceback.tb_frame)
            traceback = traceback.tb_next
        frame = [f for f in frames
                 if f.f_code.co_name == 'for_cluster'][0]
        self.assertIn('private_key', frame.f_locals)
        reported = dict(django_debug.SafeExceptionReporterFilter()
                        .get_traceback_frame_variables(self.request, frame))
        self.assertEqual(django_debug.SafeExceptionReporterFilter
                         .cleansed_substitute, reported['private_key'])


class MagnumSigningTests(magnum_helpers.MagnumTestCase):
    """Our CSR through Magnum's own x509 signing code (magnum is installed
    by ``make venv``, requirements/sandbox.txt).
    """

    def test_magnum_signs_our_csr_for_its_subject(self):
        ca = operations.generate_ca_certificate('demo-cluster')
        private_key, csr = kubeconfig.new_key_and_csr('alice')
        cert = x509.load_pem_x509_certificate(operations.sign(
            csr, 'demo-cluster', ca['private_key']))
        ca_cert = x509.load_pem_x509_certificate(ca['certificate'])
        cert.verify_directly_issued_by(ca_cert)
        self.assertEqual(x509.load_pem_x509_csr(csr.encode()).subject,
                         cert.subject)
        self.assertEqual(fakes.public_bytes(private_key.public_key()),
                         fakes.public_bytes(cert.public_key()))
        usage = cert.extensions.get_extension_for_class(
            x509.ExtendedKeyUsage).value
        self.assertIn(x509.oid.ExtendedKeyUsageOID.CLIENT_AUTH, list(usage))
