"""Stuck and failed clusters explain themselves: stall, retry, triage.

The clusters are made through python-magnumclient, in parallel, and shared
between the journeys of this module; every one is deleted at the end (the
one whose first delete fails is deleted again). The e2e Horizon's stall
time is conftest.STALL_SECONDS. The failing cluster's root cause on its row
and at the top of its detail page is in test_clusters_journey.
"""

import time
import uuid

from magnumclient import client as magnum_client
from magnumclient import exceptions as mc_exc
import pytest
from selenium.common import exceptions as selenium_exceptions
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

STALE = selenium_exceptions.StaleElementReferenceException
MISSING = selenium_exceptions.NoSuchElementException
pytestmark = pytest.mark.e2e

WAIT = 180
CLUSTERS = {
    # the master "boots" for 15 minutes: the stack waits on its server
    'stall': {'sandbox_boot_seconds': '900'},
    'fail-a': {'sandbox_boot_seconds': '1', 'sandbox_fail_at': 'worker'},
    'fail-b': {'sandbox_boot_seconds': '1', 'sandbox_fail_at': 'worker'},
    'nodelete': {'sandbox_boot_seconds': '1', 'sandbox_fail_delete': 'true'},
}


def _status(magnum, ident):
    try:
        return magnum.clusters.get(ident).status
    except mc_exc.NotFound:
        return None


def wait_status(magnum, ident, done, timeout=WAIT):
    deadline = time.monotonic() + timeout
    while True:
        status = _status(magnum, ident)
        if status and done(status):
            return status
        assert time.monotonic() < deadline, '%s is %s' % (ident, status)
        time.sleep(1)


def delete_all(magnum, idents, timeout=WAIT):
    """Delete, and delete again what refuses, until every one is gone."""
    left = set(idents)
    deadline = time.monotonic() + timeout
    while left and time.monotonic() < deadline:
        for ident in sorted(left):
            status = _status(magnum, ident)
            if status is None:
                left.discard(ident)
            elif status != 'DELETE_IN_PROGRESS':
                try:
                    magnum.clusters.delete(ident)
                except mc_exc.NotFound:
                    left.discard(ident)
        time.sleep(2)
    assert not left, 'clusters left behind: %s' % sorted(left)


@pytest.fixture(scope='module')
def made(sandbox):
    magnum = magnum_client.Client('1', session=sandbox['sessions']['demo'],
                                  region_name=sandbox['region'])
    template = magnum.cluster_templates.get(sandbox['cluster_template'])
    names = {}
    try:
        for key, labels in CLUSTERS.items():
            name = 'e2e-%s-%s' % (key, uuid.uuid4().hex[:6])
            names[key] = (name, magnum.clusters.create(
                name=name, cluster_template_id=template.uuid,
                master_count=1, node_count=1, labels=labels,
                merge_labels=True).uuid)
        yield magnum, names
    finally:
        delete_all(magnum, [ident for _name, ident in names.values()])


def live_wait(browser, timeout=WAIT):
    return WebDriverWait(browser.driver, timeout, poll_frequency=0.5,
                         ignored_exceptions=(STALE, MISSING))


def row_css(name):
    return '#clusters tr[data-display="%s"]' % name


def test_stalled_cluster_names_what_it_waits_for(browser, made):
    magnum, names = made
    name, ident = names['stall']
    browser.login('demo', 'demo')
    browser.open('/project/clusters/')
    # The row refresh marks it once nothing changed for the stall time,
    # naming the resource from the row's Heat summary.
    mark = row_css(name) + ' .cluster-stalled'
    live_wait(browser).until(lambda d: 'kube_masters / 0 / server' in
                             d.find_element(By.CSS_SELECTOR, mark).text)
    title = browser.find(mark).get_attribute('title')
    assert 'Still in progress: kube_masters / 0 / server' in title, title
    browser.screenshot('diagnosis-01-stalled-row')

    browser.open('/project/clusters/%s/' % ident)
    stall = browser.find('#cluster-stall')
    assert 'kube_masters / 0 / server' in stall.text, stall.text
    assert stall.get_attribute('data-source') == 'heat'
    browser.screenshot('diagnosis-02-stalled-detail')

    browser.click('a[data-target="#cluster_details__timeline"]')
    browser.find('#mui-cluster-timeline[data-heat="true"]')
    sources = {row.get_attribute('data-source') for row in
               browser.find_all('#mui-timeline-entries tr.mui-timeline-entry')}
    assert {'magnum', 'nodegroup', 'heat'} <= sources, sources
    subjects = [cell.text for cell in browser.find_all(
        '#mui-timeline-entries .mui-timeline-heat .mui-timeline-subject')]
    assert subjects[-1] == 'kube_masters / 0 / server', subjects[-3:]
    browser.screenshot('diagnosis-03-timeline')


def test_admin_triage_groups_the_same_failure(browser, made):
    magnum, names = made
    for key in ('fail-a', 'fail-b'):
        wait_status(magnum, names[key][1], lambda s: s == 'CREATE_FAILED')
    browser.login('admin', 'admin')
    browser.open('/admin/clusters/')
    browser.click('#clusters__action_triage')
    browser.find('#triage')
    rows = [row for row in browser.find_all('#triage tbody tr')
            if names['fail-a'][0] in row.text]
    assert len(rows) == 1, [row.text for row in browser.find_all('#triage tr')]
    row = rows[0]
    assert names['fail-b'][0] in row.text, row.text
    assert 'simulated failure of worker node 1' in row.text, row.text
    assert 'demo' in row.find_element(By.CSS_SELECTOR,
                                      '.triage-projects').text
    count = int(row.find_element(By.CSS_SELECTOR, '.triage-count').text)
    assert count >= 2, row.text
    browser.screenshot('diagnosis-04-triage')


def test_delete_failed_cluster_is_retried(browser, made):
    magnum, names = made
    name, ident = names['nodelete']
    wait_status(magnum, ident, lambda s: s == 'CREATE_COMPLETE')
    magnum.clusters.delete(ident)   # the sandbox refuses a first delete
    wait_status(magnum, ident, lambda s: s == 'DELETE_FAILED')
    browser.login('demo', 'demo')
    browser.open('/project/clusters/%s/' % ident)
    cause = browser.find('#cluster-root-cause')
    assert 'sandbox_fail_delete' in cause.text, cause.text
    command = browser.find('#cluster-recovery-retry_delete pre').text
    assert command == 'openstack coe cluster delete %s' % name, command
    browser.screenshot('diagnosis-05-delete-failed')
    button = '#clusters__row_%s__action_delete' % ident
    if not browser.find_all(button)[0].is_displayed():
        browser.click('.detail-header .dropdown-toggle, '
                      '.page-header .dropdown-toggle')
    assert browser.find(button).text.strip() == 'Retry Delete'
    browser.click(button)
    browser.click('.modal .btn-danger, .modal .btn-primary')
    live_wait(browser).until(
        lambda d: d.current_url.rstrip('/').endswith('/project/clusters'))
    live_wait(browser).until(
        lambda d: not d.find_elements(By.CSS_SELECTOR, row_css(name)))
    assert _status(magnum, ident) is None
    browser.screenshot('diagnosis-06-delete-retried')
