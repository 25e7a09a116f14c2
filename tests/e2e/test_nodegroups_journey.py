"""Nodegroups journey on one cluster: add a nodegroup and watch it become
ready without a reload, resize it, delete it; an upgrade to an older
Kubernetes is refused with the reason and the values kept.

The cluster (and the two templates) are made through python-magnumclient
once for the module and deleted at the end.
"""

import time
import uuid

from magnumclient import client as magnum_client
from magnumclient import exceptions as mc_exc
import pytest
from selenium.webdriver.common.by import By

from tests.e2e.test_clusters_journey import assert_not_reloaded
from tests.e2e.test_clusters_journey import live_wait
from tests.e2e.test_clusters_journey import mark_page
from tests.e2e.test_clusters_journey import set_field

pytestmark = pytest.mark.e2e

WAIT = 180


def row_css(name):
    return '#nodegroups tr[data-display="%s"]' % name


@pytest.fixture(scope='module')
def magnum(sandbox):
    return magnum_client.Client('1', session=sandbox['sessions']['demo'],
                                region_name=sandbox['region'])


def _wait(check, timeout=WAIT):
    """check() until true; NotFound (Magnum's row not written yet) is
    not yet.
    """
    deadline = time.monotonic() + timeout
    while True:
        try:
            if check():
                return
        except mc_exc.NotFound:
            pass
        assert time.monotonic() < deadline, 'gave up after %ss' % timeout
        time.sleep(1)


def _gone(magnum, ident):
    try:
        magnum.clusters.get(ident)
    except mc_exc.NotFound:
        return True
    return False


@pytest.fixture(scope='module')
def cluster(magnum, sandbox):
    base = magnum.cluster_templates.get(sandbox['cluster_template'])
    tag = 'e2e-ng-%s' % uuid.uuid4().hex[:6]
    templates = [magnum.cluster_templates.create(
        name='%s-%s' % (tag, kube_tag), coe='kubernetes',
        image_id=base.image_id, flavor_id=base.flavor_id,
        master_flavor_id=base.master_flavor_id,
        external_network_id=base.external_network_id,
        labels={'kube_tag': kube_tag, 'sandbox_boot_seconds': '1',
                'sandbox_delete_seconds': '1'})
        for kube_tag in ('v1.30.4', 'v1.29.1')]
    created = magnum.clusters.create(
        name=tag, cluster_template_id=templates[0].uuid, master_count=1,
        node_count=1)
    _wait(lambda: magnum.clusters.get(created.uuid).status ==
          'CREATE_COMPLETE')
    yield {'id': created.uuid, 'name': tag, 'old': templates[1]}
    magnum.clusters.delete(created.uuid)
    _wait(lambda: _gone(magnum, created.uuid))
    for template in templates:
        magnum.cluster_templates.delete(template.uuid)


def open_tab(browser, cluster):
    browser.open('/project/clusters/%s/?tab=cluster_details__nodegroups'
                 % cluster['id'])
    browser.find('#nodegroups')


def submit_modal(browser):
    old = browser.driver.find_element(By.TAG_NAME, 'html')
    browser.click('.modal input[type=submit], .modal button[type=submit], '
                  '.modal .btn-danger, .modal .btn-primary')
    live_wait(browser, 60).until(lambda d: old != d.find_element(
        By.TAG_NAME, 'html') and d.find_elements(By.CSS_SELECTOR,
                                                 '#nodegroups'))


def row_action(browser, name, action):
    browser.row_action('nodegroups', row_css(name), action)


def wait_ready(browser, name, nodes):
    live_wait(browser, WAIT).until(lambda d: [
        row for row in d.find_elements(By.CSS_SELECTOR, row_css(name))
        if 'status_up' in row.get_attribute('class').split()
        and row.find_elements(By.TAG_NAME, 'td')[4].text == str(nodes)])


def test_add_watch_resize_delete_nodegroup(browser, cluster):
    browser.login('demo', 'demo')
    open_tab(browser, cluster)
    # The default groups are protected, the reason on the button.
    worker = browser.find(row_css('default-worker'))
    delete = worker.find_element(By.CSS_SELECTOR, '[id$="__action_delete"]')
    assert delete.get_attribute('disabled')
    assert 'delete the cluster' in delete.get_attribute('title')

    browser.click('#nodegroups__action_create')
    browser.find('.modal #id_name').send_keys('pool-a')
    set_field(browser, 'id_max_node_count', '3')
    browser.find('.modal #id_node_labels').send_keys('pool=a')
    command = browser.wait_command(
        'nodegroup-command', 'pool-a', '--max-nodes 3', '--node-labels pool=a')
    assert command.startswith('openstack coe nodegroup create'), command
    browser.screenshot('nodegroups-01-add')
    submit_modal(browser)
    mark_page(browser)
    browser.find(row_css('pool-a'))
    browser.screenshot('nodegroups-02-adding')
    wait_ready(browser, 'pool-a', 1)
    assert_not_reloaded(browser)
    browser.screenshot('nodegroups-03-ready')

    row_action(browser, 'pool-a', 'resize')
    browser.find('.modal #id_node_count').clear()
    browser.find('.modal #id_node_count').send_keys('2')
    submit_modal(browser)
    mark_page(browser)
    wait_ready(browser, 'pool-a', 2)
    assert_not_reloaded(browser)
    browser.screenshot('nodegroups-04-resized')

    row_action(browser, 'pool-a', 'delete')
    confirm = browser.find('.modal .modal-body').text
    assert 'openstack coe nodegroup delete %s pool-a' % cluster['name'] \
        in confirm, confirm
    submit_modal(browser)
    mark_page(browser)
    live_wait(browser, WAIT).until(
        lambda d: not d.find_elements(By.CSS_SELECTOR, row_css('pool-a')))
    assert_not_reloaded(browser)
    browser.screenshot('nodegroups-05-deleted')


def test_upgrade_to_older_kubernetes_is_refused(browser, cluster):
    browser.login('demo', 'demo')
    browser.open('/project/clusters/%s/upgrade/' % cluster['id'])
    set_field(browser, 'id_cluster_template_id', cluster['old'].uuid)
    set_field(browser, 'id_max_batch_size', '3')
    browser.click('.modal-footer input[type=submit]')
    # The field's error, in the template field's own form group.
    field_group = ('//select[@id="id_cluster_template_id"]'
                   '/ancestor::div[contains(@class, "form-group")]')
    text = live_wait(browser, 60).until(lambda d: [
        t for t in [d.find_element(By.XPATH, field_group).text]
        if 'downgrade' in t])[0]
    assert 'Kubernetes v1.30.4 to v1.29.1' in text, text
    assert browser.find('#id_max_batch_size').get_attribute('value') == '3'
    # Horizon's themable select hides the <select> it keeps the value in.
    assert browser.driver.find_element(
        By.ID, 'id_cluster_template_id').get_attribute(
            'value') == cluster['old'].uuid
    browser.screenshot('nodegroups-06-upgrade-refused')
