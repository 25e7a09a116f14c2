"""Kubeconfig files for a cluster: a fresh key, a CSR Magnum signs, one YAML.

The private key exists only in the memory of the request that builds the
kubeconfig and in the response that carries it: it is never stored, cached,
logged or put in the session. Functions that hold it are marked with
``sensitive_variables`` so Django's error reports leave it out.
"""

import base64
import re

from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives import serialization
from cryptography import x509
from cryptography.x509.oid import ExtendedKeyUsageOID
from cryptography.x509.oid import NameOID
from django.views.decorators.debug import sensitive_variables
from openstack_dashboard.api import base
import yaml

from magnum_ui.api import magnum

# Kubernetes maps a client certificate's O to groups; system:masters is
# bound to cluster-admin, as in `openstack coe cluster config`.
ADMIN_GROUP = 'system:masters'
CERTIFICATE = 'certificate'
KEYSTONE = 'keystone'
AUTH_MODES = (CERTIFICATE, KEYSTONE)
KEYSTONE_EXEC_COMMAND = 'client-keystone-auth'
EXEC_API_VERSION = 'client.authentication.k8s.io/v1beta1'
MAX_CSR_BYTES = 16 * 1024
# X.509's upper bound for a CommonName (RFC 5280, ub-common-name).
MAX_COMMON_NAME = 64

_UNSAFE_FILENAME = re.compile(r'[^A-Za-z0-9._-]+')


class InvalidCSR(ValueError):
    """The text is not one PEM certificate signing request."""


def filename_for(cluster, suffix):
    """A file name safe to put unquoted in Content-Disposition.

    ``suffix`` is appended as is, e.g. '.kubeconfig' or '-ca.pem'.
    """
    stem = _UNSAFE_FILENAME.sub('_', cluster.name or cluster.uuid or '')
    return '%s%s' % (stem.strip('._-') or 'cluster', suffix)


def _b64(text):
    if isinstance(text, str):
        text = text.encode('utf-8')
    return base64.b64encode(text).decode('ascii')


def load_csr(data):
    """Parse a PEM CSR (str or bytes) or raise InvalidCSR."""
    if isinstance(data, str):
        data = data.encode('utf-8', errors='replace')
    if len(data) > MAX_CSR_BYTES:
        raise InvalidCSR('too large')
    data = data.strip()
    if not data:
        raise InvalidCSR('empty')
    if b'-----BEGIN CERTIFICATE REQUEST-----' not in data:
        raise InvalidCSR('not a PEM certificate request')
    try:
        csr = x509.load_pem_x509_csr(data)
    except (ValueError, TypeError) as exc:
        raise InvalidCSR(str(exc))
    if not csr.is_signature_valid:
        raise InvalidCSR('signature does not match the public key')
    return csr


def certificate_user_name(user):
    """The CN of the user's client certificate, the Kubernetes user name.

    The Keystone username when X.509 allows it as a CN (at most 64
    characters, counted in UTF-8 bytes as cryptography counts them), else
    the user's id, which always fits (Keystone keeps ids in 64 characters;
    they are usually 32 hex digits).
    """
    if len(user.username.encode('utf-8')) <= MAX_COMMON_NAME:
        return user.username
    return user.id


@sensitive_variables('private_key')
def new_key_and_csr(common_name, organization=ADMIN_GROUP):
    """A fresh EC P-256 key and a CSR for a Kubernetes client certificate.

    Returns (private key object, CSR PEM text). Magnum copies the CSR's
    subject into the certificate it issues and keeps only the extensions its
    [x509] options allow, so the extensions here are non-critical.
    """
    private_key = ec.generate_private_key(ec.SECP256R1())
    subject = [x509.NameAttribute(NameOID.COMMON_NAME, common_name)]
    if organization:
        subject.append(
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, organization))
    csr = (x509.CertificateSigningRequestBuilder()
           .subject_name(x509.Name(subject))
           .add_extension(x509.KeyUsage(
               digital_signature=True, content_commitment=False,
               key_encipherment=False, data_encipherment=False,
               key_agreement=False, key_cert_sign=False, crl_sign=False,
               encipher_only=False, decipher_only=False), critical=False)
           .add_extension(x509.ExtendedKeyUsage(
               [ExtendedKeyUsageOID.CLIENT_AUTH]), critical=False)
           .sign(private_key, hashes.SHA256()))
    return private_key, csr.public_bytes(serialization.Encoding.PEM).decode()


@sensitive_variables('private_key')
def private_key_pem(private_key):
    return private_key.private_bytes(
        encoding=serialization.Encoding.PEM,
        format=serialization.PrivateFormat.PKCS8,
        encryption_algorithm=serialization.NoEncryption()).decode()


def _document(cluster_name, server, user_name, user, cluster_extra=None):
    cluster_entry = {'server': server}
    cluster_entry.update(cluster_extra or {})
    context_name = '%s@%s' % (user_name, cluster_name)
    return {
        'apiVersion': 'v1',
        'kind': 'Config',
        'clusters': [{'name': cluster_name, 'cluster': cluster_entry}],
        'users': [{'name': user_name, 'user': user}],
        'contexts': [{'name': context_name,
                      'context': {'cluster': cluster_name,
                                  'user': user_name}}],
        'current-context': context_name,
        'preferences': {},
    }


def _dump(document):
    return yaml.safe_dump(document, default_flow_style=False, sort_keys=False)


def plain_kubeconfig(cluster_name, server):
    """For clusters with TLS disabled: no CA, no client credentials."""
    return _dump(_document(cluster_name, server, 'default', {}))


@sensitive_variables('key_pem')
def certificate_kubeconfig(cluster_name, server, ca_pem, cert_pem, key_pem,
                           user_name):
    return _dump(_document(
        cluster_name, server, user_name,
        {'client-certificate-data': _b64(cert_pem),
         'client-key-data': _b64(key_pem)},
        {'certificate-authority-data': _b64(ca_pem)}))


def keystone_kubeconfig(cluster_name, server, ca_pem, auth_url, user_name,
                        user_domain_name, project_name):
    """Authenticates through client-keystone-auth; holds no secret.

    The plugin asks for the password itself (or reads OS_PASSWORD).
    """
    args = ['--keystone-url=%s' % auth_url,
            '--domain-name=%s' % (user_domain_name or 'Default'),
            '--project-name=%s' % project_name,
            '--user-name=%s' % user_name]
    user = {'exec': {'apiVersion': EXEC_API_VERSION,
                     'command': KEYSTONE_EXEC_COMMAND,
                     'args': args,
                     'interactiveMode': 'IfAvailable'}}
    return _dump(_document(cluster_name, server, user_name, user,
                           {'certificate-authority-data': _b64(ca_pem)}))


def _keystone_url(request):
    return base.url_for(request, 'identity', endpoint_type='publicURL')


@sensitive_variables('private_key', 'key_pem')
def for_cluster(request, cluster, tls_disabled, auth=CERTIFICATE):
    """(file name, kubeconfig text) for ``cluster``.

    Certificate mode signs a fresh CSR for the user through Magnum; Keystone
    mode only needs the CA. Raises what the service layer raises.
    """
    name = cluster.name or cluster.uuid
    filename = filename_for(cluster, '.kubeconfig')
    server = cluster.api_address
    if tls_disabled:
        return filename, plain_kubeconfig(name, server)
    user = request.user
    if auth == KEYSTONE:
        ca_pem = magnum.certificate_get(request, cluster.uuid).pem
        return filename, keystone_kubeconfig(
            name, server, ca_pem, _keystone_url(request), user.username,
            user.user_domain_name, user.project_name)
    # The user entry is named like the certificate's CN: the name
    # Kubernetes knows the user by.
    user_name = certificate_user_name(user)
    private_key, csr_pem = new_key_and_csr(user_name)
    cert_pem = magnum.certificate_sign(request, cluster.uuid, csr_pem).pem
    ca_pem = magnum.certificate_get(request, cluster.uuid).pem
    key_pem = private_key_pem(private_key)
    return filename, certificate_kubeconfig(
        name, server, ca_pem, cert_pem, key_pem, user_name)
