"""A cluster's life through the real Magnum -> sandbox driver -> Heat path.

A cluster (1 master + 2 workers) and a cluster set to fail are created side
by side; then certificates, resize, node groups, upgrade, isolation between
projects and delete.  Magnum's status sync runs every 10 s (2 s in a sandbox
the tests started), so every wait is bounded well above that.  Resize and
node group calls are asynchronous in Magnum: the waits check the outcome,
not just a status.
"""
import time
import uuid

from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives import serialization
from cryptography import x509
from cryptography.x509.oid import NameOID
from heatclient import client as heat_client
from magnumclient import client as magnum_client
from magnumclient import exceptions as mc_exc
import pytest

pytestmark = pytest.mark.integration

WAIT = 120  # seconds; a step takes 10-30 s


@pytest.fixture(scope='module')
def clouds(sandbox):
    def magnum(who):
        return magnum_client.Client('1', session=sandbox['sessions'][who],
                                    region_name=sandbox['region'],
                                    api_version='latest')
    return {'demo': magnum('demo'), 'alt': magnum('alt'),
            'heat': heat_client.Client('1',
                                       session=sandbox['sessions']['demo'],
                                       service_type='orchestration')}


def wait_cluster(mc, ident, targets, until=None, timeout=WAIT):
    """The cluster once its status is in targets and until(cluster)."""
    deadline = time.monotonic() + timeout
    while True:
        cluster = mc.clusters.get(ident)
        if cluster.status in targets and (until is None or until(cluster)):
            return cluster
        assert not cluster.status.endswith('_FAILED'), (
            '%s: %s' % (cluster.status, cluster.status_reason))
        assert time.monotonic() < deadline, (
            'still %s after %ss' % (cluster.status, timeout))
        time.sleep(1)


def wait_gone(func, timeout=WAIT):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            func()
        except mc_exc.NotFound:
            return
        time.sleep(1)
    pytest.fail('still there after %ss' % timeout)


def _template(mc, sandbox, name, kube_tag, **extra):
    return mc.cluster_templates.create(
        name=name, coe='kubernetes', image_id=sandbox['images']['coreos'],
        flavor_id='m1.small', master_flavor_id='m1.small',
        external_network_id=sandbox['networks']['external'],
        labels={'sandbox_boot_seconds': '2', 'sandbox_delete_seconds': '1',
                'kube_tag': kube_tag}, **extra)


@pytest.fixture(scope='module')
def world(sandbox, clouds):
    """Three templates, two clusters created at once; all gone at the end,
    also what a failed set-up made.
    """
    mc, tag = clouds['demo'], 'it-' + uuid.uuid4().hex[:6]
    templates, clusters = [], []
    try:
        for suffix, kube_tag, extra in (
                ('-old', 'v1.30.4', {}), ('-new', 'v1.31.1', {}),
                ('-lb', 'v1.30.4', {'master_lb_enabled': True})):
            templates.append(_template(mc, sandbox, tag + suffix, kube_tag,
                                       **extra))
        old, new, lb = templates
        clusters.append(mc.clusters.create(
            name=tag, cluster_template_id=old.uuid, master_count=1,
            node_count=2).uuid)
        clusters.append(mc.clusters.create(
            name=tag + '-fail', cluster_template_id=lb.uuid, master_count=1,
            node_count=2, labels=dict(lb.labels, sandbox_fail_at='worker')
        ).uuid)
        yield {'main': clusters[0], 'failing': clusters[1],
               'new_template': new.uuid}
    finally:
        for ident in clusters:
            try:
                mc.clusters.delete(ident)
            except mc_exc.NotFound:
                pass
        for ident in clusters:
            wait_gone(lambda: mc.clusters.get(ident))
        for ct in templates:
            mc.cluster_templates.delete(ct.uuid)


def test_create_complete_with_addresses(clouds, world):
    cluster = wait_cluster(clouds['demo'], world['main'],
                           ('CREATE_COMPLETE',))
    assert cluster.api_address.startswith('https://')
    assert cluster.api_address.endswith(':6443')
    assert len(cluster.master_addresses) == 1
    assert len(cluster.node_addresses) == 2
    assert all(a.startswith('10.')
               for a in cluster.master_addresses + cluster.node_addresses)
    assert cluster.coe_version == 'v1.30.4'
    assert cluster.health_status == 'HEALTHY'
    heat = clouds['heat']  # from microversion 1.13 stack_id is cluster_id
    assert heat.stacks.get(cluster.cluster_id).stack_status == (
        'CREATE_COMPLETE')
    nested = heat.resources.list(cluster.cluster_id, nested_depth=2)
    assert len([r for r in nested if r.resource_name == 'server']) == 3


def test_simulated_failure_names_the_worker(clouds, world):
    cluster = wait_cluster(clouds['demo'], world['failing'],
                           ('CREATE_FAILED', 'CREATE_COMPLETE'))
    assert cluster.status == 'CREATE_FAILED'
    assert 'simulated failure of worker node 1' in cluster.status_reason


def test_ca_show_and_csr_signing(clouds, world):
    mc = clouds['demo']
    ca = x509.load_pem_x509_certificate(
        mc.certificates.get(world['main']).pem.encode())
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    csr = x509.CertificateSigningRequestBuilder().subject_name(x509.Name([
        x509.NameAttribute(NameOID.COMMON_NAME, 'it-admin'),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, 'system:masters'),
    ])).sign(key, hashes.SHA256())
    signed = mc.certificates.create(
        cluster_uuid=world['main'],
        csr=csr.public_bytes(serialization.Encoding.PEM).decode())
    cert = x509.load_pem_x509_certificate(signed.pem.encode())
    cert.verify_directly_issued_by(ca)
    assert (cert.public_key().public_numbers()
            == key.public_key().public_numbers())


def test_resize_to_three_workers(clouds, world):
    mc = clouds['demo']
    mc.clusters.resize(world['main'], 3)
    cluster = wait_cluster(mc, world['main'], ('UPDATE_COMPLETE',),
                           until=lambda c: c.node_count == 3)
    assert len(cluster.node_addresses) == 3


def test_nodegroup_add_and_remove(clouds, world):
    mc, cid = clouds['demo'], world['main']
    mc.nodegroups.create(cid, name='extra', node_count=1)

    def extra_ready(cluster):
        try:
            ng = mc.nodegroups.get(cid, 'extra')
        except mc_exc.NotFound:
            return False
        return ng.status == 'CREATE_COMPLETE'
    cluster = wait_cluster(mc, cid, ('UPDATE_COMPLETE',), until=extra_ready)
    assert len(mc.nodegroups.get(cid, 'extra').node_addresses) == 1
    assert len(cluster.node_addresses) == 4
    mc.nodegroups.delete(cid, 'extra')
    wait_gone(lambda: mc.nodegroups.get(cid, 'extra'))
    cluster = wait_cluster(mc, cid, ('UPDATE_COMPLETE',))
    assert len(cluster.node_addresses) == 3


def test_upgrade_changes_coe_version(clouds, world):
    mc = clouds['demo']
    mc.clusters.upgrade(world['main'], world['new_template'],
                        max_batch_size=2)
    cluster = wait_cluster(mc, world['main'], ('UPDATE_COMPLETE',))
    assert cluster.cluster_template_id == world['new_template']
    assert cluster.coe_version == 'v1.31.1'
    worker = mc.nodegroups.get(world['main'], 'default-worker')
    assert worker.version == 'v1.31.1'


def test_other_project_cannot_see_the_cluster(clouds, world):
    alt = clouds['alt']
    assert world['main'] not in [c.uuid for c in alt.clusters.list()]
    with pytest.raises(mc_exc.NotFound):
        alt.clusters.get(world['main'])


def test_delete_removes_cluster_and_stack(clouds, world):
    mc = clouds['demo']
    stack_ids = {mc.clusters.get(world[name]).cluster_id
                 for name in ('main', 'failing')}
    for name in ('main', 'failing'):
        mc.clusters.delete(world[name])
    for name in ('main', 'failing'):
        wait_gone(lambda: mc.clusters.get(world[name]))
    assert not stack_ids & {s.id for s in clouds['heat'].stacks.list()}
