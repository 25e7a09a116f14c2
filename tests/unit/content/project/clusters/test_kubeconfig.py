"""certificates.kubeconfig: keys, CSRs, and the kubeconfig files.

Magnum is mocked at the service layer's edge; a CA made in the test signs
the CSR the way Magnum's x509 code does (the CSR's subject and public key go
into the certificate, the issuer is the CA).
"""

import base64
import datetime
import sys
import uuid

from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives import serialization
from cryptography import x509
from cryptography.x509.oid import NameOID
from django.views import debug as django_debug
from openstack_dashboard.test import helpers
import yaml

from magnum_ui.api import magnum
from magnum_ui.api import wrappers
from magnum_ui.content.project.clusters.certificates import kubeconfig
from tests.unit import helpers as magnum_helpers


class SigningCA:
    """A throwaway CA; ``sign`` mirrors magnum.common.x509.operations.sign."""

    def __init__(self, name='demo-cluster'):
        self.key = rsa.generate_private_key(public_exponent=65537,
                                            key_size=2048)
        self.name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
        now = datetime.datetime.now(datetime.timezone.utc)
        self.certificate = (
            x509.CertificateBuilder()
            .subject_name(self.name).issuer_name(self.name)
            .public_key(self.key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(days=1))
            .not_valid_after(now + datetime.timedelta(days=30))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0),
                           critical=True)
            .sign(self.key, hashes.SHA256()))
        self.pem = self.certificate.public_bytes(
            serialization.Encoding.PEM).decode()
        self.signed = []

    def sign(self, csr_pem):
        csr = x509.load_pem_x509_csr(csr_pem.encode())
        now = datetime.datetime.now(datetime.timezone.utc)
        builder = (x509.CertificateBuilder()
                   .subject_name(csr.subject).issuer_name(self.name)
                   .public_key(csr.public_key())
                   .serial_number(int(uuid.uuid4()))
                   .not_valid_before(now - datetime.timedelta(days=1))
                   .not_valid_after(now + datetime.timedelta(days=30)))
        for extension in csr.extensions:
            builder = builder.add_extension(extension.value,
                                            critical=extension.critical)
        pem = builder.sign(self.key, hashes.SHA256()).public_bytes(
            serialization.Encoding.PEM).decode()
        self.signed.append(csr_pem)
        return pem

    def certificate_sign(self, request, cluster_id, csr_pem):
        return certificate(cluster_id, self.sign(csr_pem), csr=csr_pem)

    def certificate_get(self, request, cluster_id):
        return certificate(cluster_id, self.pem)


def certificate(cluster_id, pem, csr=None):
    class Resource:
        pass
    resource = Resource()
    resource.cluster_uuid, resource.pem, resource.csr = cluster_id, pem, csr
    return wrappers.Certificate(resource)


def csr_pem(common_name='someone', key=None):
    key = key or ec.generate_private_key(ec.SECP256R1())
    csr = (x509.CertificateSigningRequestBuilder()
           .subject_name(x509.Name([
               x509.NameAttribute(NameOID.COMMON_NAME, common_name)]))
           .sign(key, hashes.SHA256()))
    return csr.public_bytes(serialization.Encoding.PEM).decode()


def parse_certificate_kubeconfig(text):
    """(document, CA cert, client cert, client key) of a kubeconfig."""
    document = yaml.safe_load(text)
    cluster = document['clusters'][0]['cluster']
    user = document['users'][0]['user']
    ca = x509.load_pem_x509_certificate(
        base64.b64decode(cluster['certificate-authority-data']))
    cert = x509.load_pem_x509_certificate(
        base64.b64decode(user['client-certificate-data']))
    key = serialization.load_pem_private_key(
        base64.b64decode(user['client-key-data']), password=None)
    return document, ca, cert, key


def public_bytes(public_key):
    return public_key.public_bytes(
        serialization.Encoding.DER,
        serialization.PublicFormat.SubjectPublicKeyInfo)


class LoadCSRTests(magnum_helpers.MagnumTestCase):
    def test_accepts_a_pem_csr_as_text_or_bytes(self):
        pem = csr_pem('alice')
        self.assertEqual(
            'alice', kubeconfig.load_csr(pem).subject.get_attributes_for_oid(
                NameOID.COMMON_NAME)[0].value)
        self.assertIsNotNone(kubeconfig.load_csr(pem.encode()))

    def test_rejects_what_is_not_one_pem_csr(self):
        ca = SigningCA()
        lines = csr_pem().splitlines()
        broken = '\n'.join(lines[:1] + lines[2:])  # a body line missing
        for bad in ('', '   ', 'hello', ca.pem, broken,
                    '-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n'
                    '-----END CERTIFICATE REQUEST-----\n',
                    b'\xff\xfe\x00binary'):
            with self.subTest(bad=bad):
                self.assertRaises(kubeconfig.InvalidCSR,
                                  kubeconfig.load_csr, bad)

    def test_rejects_a_csr_over_the_size_limit(self):
        padded = csr_pem() + '\n' * kubeconfig.MAX_CSR_BYTES
        self.assertRaises(kubeconfig.InvalidCSR, kubeconfig.load_csr, padded)

    def test_rejects_a_csr_whose_signature_does_not_match(self):
        one = x509.load_pem_x509_csr(csr_pem().encode())
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
        self.ca = SigningCA()
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
        document, ca, cert, key = parse_certificate_kubeconfig(text)
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
        self.assertEqual(public_bytes(key.public_key()),
                         public_bytes(cert.public_key()))
        cert.verify_directly_issued_by(ca)
        # ... for exactly the subject of the CSR Magnum was sent.
        self.mock_certificate_sign.assert_called_once_with(
            helpers.IsHttpRequest(), self.cluster.uuid, self.ca.signed[0])
        csr = x509.load_pem_x509_csr(self.ca.signed[0].encode())
        self.assertEqual(csr.subject, cert.subject)
        self.assertEqual(public_bytes(csr.public_key()),
                         public_bytes(cert.public_key()))
        self.assertEqual(
            [self.request.user.username],
            [a.value for a in csr.subject.get_attributes_for_oid(
                NameOID.COMMON_NAME)])
        self.assertEqual(
            [kubeconfig.ADMIN_GROUP],
            [a.value for a in csr.subject.get_attributes_for_oid(
                NameOID.ORGANIZATION_NAME)])

    @helpers.create_mocks({magnum: ['certificate_sign', 'certificate_get']})
    def test_every_kubeconfig_has_a_new_key(self):
        self._mock_magnum()
        keys = set()
        for _ in range(2):
            text = kubeconfig.for_cluster(self.request, self.cluster, False)[1]
            keys.add(public_bytes(
                parse_certificate_kubeconfig(text)[3].public_key()))
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
    """Our CSR through Magnum's own x509 signing code, where installed."""

    def test_magnum_signs_our_csr_for_its_subject(self):
        try:
            from magnum.common.x509 import operations
        except ImportError:
            self.skipTest('magnum is not installed')
        ca = operations.generate_ca_certificate('demo-cluster')
        private_key, csr = kubeconfig.new_key_and_csr('alice')
        cert = x509.load_pem_x509_certificate(operations.sign(
            csr, 'demo-cluster', ca['private_key']))
        ca_cert = x509.load_pem_x509_certificate(ca['certificate'])
        cert.verify_directly_issued_by(ca_cert)
        self.assertEqual(x509.load_pem_x509_csr(csr.encode()).subject,
                         cert.subject)
        self.assertEqual(public_bytes(private_key.public_key()),
                         public_bytes(cert.public_key()))
        usage = cert.extensions.get_extension_for_class(
            x509.ExtendedKeyUsage).value
        self.assertIn(x509.oid.ExtendedKeyUsageOID.CLIENT_AUTH, list(usage))
