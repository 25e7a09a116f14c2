"""A throwaway cluster CA signing CSRs as Magnum does, and kubeconfig parsing.

The CSR's subject and public key go into the certificate, the issuer is the
CA: what magnum.common.x509.operations.sign does.
"""

import base64
import datetime
import uuid

from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives import serialization
from cryptography import x509
from cryptography.x509.oid import NameOID
import yaml

from magnum_ui.api import wrappers


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
