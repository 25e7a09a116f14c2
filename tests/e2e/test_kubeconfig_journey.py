"""Kubeconfig journey: download it from the Clusters panel, verify it outside.

The cluster is made through python-magnumclient (the wizard has its own
journey); the browser only downloads. The downloaded file is then checked
with cryptography against the CA Magnum returns.
"""

import base64
import glob
import os
import time
import uuid

from cryptography.hazmat.primitives import serialization
from cryptography import x509
from magnumclient import client as magnum_client
from magnumclient import exceptions as mc_exc
import pytest
import yaml

pytestmark = pytest.mark.e2e

WAIT = 180


def wait_status(mc, ident, targets):
    deadline = time.monotonic() + WAIT
    while True:
        try:
            cluster = mc.clusters.get(ident)
            if cluster.status in targets:
                return cluster
            assert not cluster.status.endswith('_FAILED'), (
                cluster.status_reason)
        except mc_exc.NotFound:
            pass  # Magnum answers 404 until its conductor made the row
        assert time.monotonic() < deadline, 'cluster not ready in time'
        time.sleep(1)


@pytest.fixture(scope='module')
def demo_cluster(sandbox):
    mc = magnum_client.Client('1', session=sandbox['sessions']['demo'],
                              region_name=sandbox['region'])
    template = mc.cluster_templates.get(sandbox['cluster_template'])
    name = 'e2e-kc-%s' % uuid.uuid4().hex[:6]
    created = mc.clusters.create(
        name=name, cluster_template_id=template.uuid, master_count=1,
        node_count=1, labels={'sandbox_boot_seconds': '1'},
        merge_labels=True)
    try:
        yield mc, wait_status(mc, created.uuid, ('CREATE_COMPLETE',))
    finally:
        try:
            mc.clusters.delete(created.uuid)
        except Exception:  # the sandbox reset removes leftovers
            pass


def wait_download(directory, filename, timeout=30):
    path = os.path.join(directory, filename)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if os.path.exists(path) and not glob.glob(path + '*.crdownload'):
            with open(path) as handle:
                text = handle.read()
            if text:
                return text
        time.sleep(0.25)
    raise AssertionError('%s was not downloaded; have %s'
                         % (filename, os.listdir(directory)))


def open_row_action(browser, cluster, action, page='/project/clusters/'):
    """Click ``action`` of the cluster's menu on ``page``: the list, or the
    cluster's own page, which has the rarer actions too.
    """
    browser.open(page)
    element_id = 'clusters__row_%s__action_%s' % (cluster.uuid, action)
    browser.wait().until(lambda d: d.find_elements('id', element_id))
    # The action sits in the row's dropdown; a click on the hidden link
    # runs the same modal handler.
    browser.driver.execute_script(
        'document.getElementById(arguments[0]).click();', element_id)


def test_download_kubeconfig_and_verify_it_outside(browser, demo_cluster):
    mc, cluster = demo_cluster
    browser.login('demo', 'demo')
    open_row_action(browser, cluster, 'download_kubeconfig')
    browser.find('#download_kubeconfig_modal')
    browser.screenshot('kubeconfig-01-modal')
    browser.click('#download_kubeconfig_form .modal-footer .btn-primary')

    text = wait_download(browser.downloads, '%s.kubeconfig' % cluster.name)
    document = yaml.safe_load(text)
    server = document['clusters'][0]['cluster']
    user = document['users'][0]['user']
    assert server['server'] == cluster.api_address
    ca = x509.load_pem_x509_certificate(
        base64.b64decode(server['certificate-authority-data']))
    cert = x509.load_pem_x509_certificate(
        base64.b64decode(user['client-certificate-data']))
    key = serialization.load_pem_private_key(
        base64.b64decode(user['client-key-data']), password=None)
    magnum_ca = x509.load_pem_x509_certificate(
        mc.certificates.get(cluster_uuid=cluster.uuid).pem.encode())
    assert ca == magnum_ca
    cert.verify_directly_issued_by(magnum_ca)
    spki = serialization.PublicFormat.SubjectPublicKeyInfo
    assert (cert.public_key().public_bytes(serialization.Encoding.DER, spki)
            == key.public_key().public_bytes(serialization.Encoding.DER,
                                             spki))
    browser.screenshot('kubeconfig-02-after-download')


def test_rotate_ca_confirmation_names_what_stops_working(browser,
                                                         demo_cluster):
    mc, cluster = demo_cluster
    browser.login('demo', 'demo')
    open_row_action(browser, cluster, 'rotate_ca',
                    page='/project/clusters/%s/' % cluster.uuid)
    modal = browser.find('#rotate_ca_modal')
    assert 'What stops working' in modal.text
    browser.screenshot('kubeconfig-03-rotate-ca-confirmation')
    # Cancel: nothing is rotated.
    browser.click('#rotate_ca_modal .cancel')
    assert mc.clusters.get(cluster.uuid).status == 'CREATE_COMPLETE'
