"""Kubeconfig and certificates against the sandbox's real Magnum.

A completed cluster's CA signs the CSR magnum_ui makes, through
python-magnumclient and through the service layer
(magnum_ui.content.project.clusters.certificates.kubeconfig with a
request carrying the user's token and catalogue, as Horizon's does);
the certificate is checked against the CA Magnum returns. Then the CA is
rotated and the old certificate no longer verifies against the new CA,
which is what the Rotate CA confirmation warns about.
"""

import base64
import time
import uuid

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography import x509
from cryptography.x509.oid import NameOID
from magnumclient import client as magnum_client
from magnumclient import exceptions as mc_exc
import pytest
import yaml

from magnum_ui.api import magnum
from magnum_ui.api import versions
from magnum_ui.content.project.clusters.certificates import kubeconfig
from tests.integration.service_request import ServiceRequest

pytestmark = pytest.mark.integration

WAIT = 120


def wait_cluster(mc, ident, targets, timeout=WAIT):
    deadline = time.monotonic() + timeout
    while True:
        cluster = mc.clusters.get(ident)
        if cluster.status in targets:
            return cluster
        assert not cluster.status.endswith('_FAILED'), (
            '%s: %s' % (cluster.status, cluster.status_reason))
        assert time.monotonic() < deadline, (
            'still %s after %ss' % (cluster.status, timeout))
        time.sleep(1)


def wait_gone(mc, ident, timeout=WAIT):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            mc.clusters.get(ident)
        except mc_exc.NotFound:
            return
        time.sleep(1)


@pytest.fixture(scope='module')
def demo(sandbox):
    session = sandbox['sessions']['demo']
    versions.forget_ranges()
    return {'mc': magnum_client.Client('1', session=session,
                                       region_name=sandbox['region']),
            'session': session, 'region': sandbox['region']}


@pytest.fixture(scope='module')
def cluster(sandbox, demo):
    """A small CREATE_COMPLETE cluster; deleted at the end."""
    mc, tag = demo['mc'], uuid.uuid4().hex[:6]
    template = mc.cluster_templates.create(
        name='it-certs-%s' % tag, coe='kubernetes',
        image_id=sandbox['images']['coreos'], flavor_id='m1.small',
        master_flavor_id='m1.small',
        external_network_id=sandbox['networks']['external'],
        labels={'sandbox_boot_seconds': '1', 'sandbox_delete_seconds': '1'})
    created = mc.clusters.create(
        name='it-certs-%s' % tag, cluster_template_id=template.uuid,
        master_count=1, node_count=1)
    try:
        deadline = time.monotonic() + 30
        while True:  # Magnum answers 404 until the conductor made the row
            try:
                found = wait_cluster(mc, created.uuid, ('CREATE_COMPLETE',))
                break
            except mc_exc.NotFound:
                assert time.monotonic() < deadline
                time.sleep(1)
        yield found
    finally:
        try:
            mc.clusters.delete(created.uuid)
            wait_gone(mc, created.uuid)
            mc.cluster_templates.delete(template.uuid)
        except Exception:  # leave cleanup problems to the sandbox reset
            pass


def load_ca(mc, cluster_uuid):
    return x509.load_pem_x509_certificate(
        mc.certificates.get(cluster_uuid=cluster_uuid).pem.encode())


def public_bytes(public_key):
    return public_key.public_bytes(
        serialization.Encoding.DER,
        serialization.PublicFormat.SubjectPublicKeyInfo)


def test_magnum_signs_our_csr_for_its_subject(demo, cluster):
    mc = demo['mc']
    private_key, csr_pem = kubeconfig.new_key_and_csr('it-user')

    signed = mc.certificates.create(cluster_uuid=cluster.uuid, csr=csr_pem)

    cert = x509.load_pem_x509_certificate(signed.pem.encode())
    cert.verify_directly_issued_by(load_ca(mc, cluster.uuid))
    csr = x509.load_pem_x509_csr(csr_pem.encode())
    assert cert.subject == csr.subject
    assert [a.value for a in cert.subject.get_attributes_for_oid(
        NameOID.ORGANIZATION_NAME)] == [kubeconfig.ADMIN_GROUP]
    assert public_bytes(cert.public_key()) == public_bytes(
        private_key.public_key())


def test_kubeconfig_through_the_service_layer(demo, cluster):
    request = ServiceRequest(demo['session'], demo['region'])
    wrapped = magnum.cluster_get(request, cluster.uuid)

    filename, text = kubeconfig.for_cluster(request, wrapped, False)

    assert filename == '%s.kubeconfig' % cluster.name
    document = yaml.safe_load(text)
    assert document['clusters'][0]['cluster']['server'] == cluster.api_address
    user = document['users'][0]['user']
    ca = x509.load_pem_x509_certificate(base64.b64decode(
        document['clusters'][0]['cluster']['certificate-authority-data']))
    cert = x509.load_pem_x509_certificate(
        base64.b64decode(user['client-certificate-data']))
    key = serialization.load_pem_private_key(
        base64.b64decode(user['client-key-data']), password=None)
    assert ca == load_ca(demo['mc'], cluster.uuid)
    cert.verify_directly_issued_by(ca)
    assert public_bytes(cert.public_key()) == public_bytes(key.public_key())
    assert cert.subject.get_attributes_for_oid(
        NameOID.COMMON_NAME)[0].value == request.user.username

    _, keystone_text = kubeconfig.for_cluster(request, wrapped, False,
                                              kubeconfig.KEYSTONE)
    assert 'PRIVATE KEY' not in keystone_text
    assert request.user.token.id not in keystone_text


def test_bad_csr_is_refused_with_magnums_message(demo, cluster):
    request = ServiceRequest(demo['session'], demo['region'])
    with pytest.raises(mc_exc.HttpError) as caught:
        magnum.certificate_sign(request, cluster.uuid, 'not a csr')
    assert 'csr' in magnum.error_message(caught.value).lower()


def test_rotated_ca_no_longer_trusts_old_certificates(demo, cluster):
    mc = demo['mc']
    request = ServiceRequest(demo['session'], demo['region'])
    _, csr_pem = kubeconfig.new_key_and_csr('it-user')
    old_cert = x509.load_pem_x509_certificate(mc.certificates.create(
        cluster_uuid=cluster.uuid, csr=csr_pem).pem.encode())
    old_ca = load_ca(mc, cluster.uuid)
    old_cert.verify_directly_issued_by(old_ca)

    magnum.certificate_rotate_ca(request, cluster.uuid)
    wait_cluster(mc, cluster.uuid, ('UPDATE_COMPLETE',))

    new_ca = load_ca(mc, cluster.uuid)
    assert new_ca != old_ca
    with pytest.raises(InvalidSignature):
        old_cert.verify_directly_issued_by(new_ca)
    new_cert = x509.load_pem_x509_certificate(mc.certificates.create(
        cluster_uuid=cluster.uuid, csr=csr_pem).pem.encode())
    new_cert.verify_directly_issued_by(new_ca)


def test_credential_rotation_is_accepted(demo, cluster):
    mc = demo['mc']
    request = ServiceRequest(demo['session'], demo['region'])
    wait_cluster(mc, cluster.uuid, ('CREATE_COMPLETE', 'UPDATE_COMPLETE'))
    assert magnum.supports(request, 'credentials')

    magnum.credential_rotate(request, cluster.uuid)

    wait_cluster(mc, cluster.uuid, ('UPDATE_COMPLETE',))
