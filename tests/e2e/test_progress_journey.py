"""Cluster progress journey: watch a cluster being built, and one failing.

The clusters are made through python-magnumclient (the wizard has its own
journey); the browser opens a cluster's detail page while its Heat stack is
being created, switches to the Progress tab and watches the bar and the
topology picture follow the stack -- without a page reload (a marker set
on ``window`` must survive) -- until it is complete. A cluster whose worker
fails shows the failing resource and Heat's reason.
"""

import time
import uuid

from magnumclient import client as magnum_client
from magnumclient import exceptions as mc_exc
import pytest
from selenium.common import exceptions as selenium_exceptions
from selenium.webdriver.support.ui import WebDriverWait

pytestmark = pytest.mark.e2e

BOOT_SECONDS = 8        # per node: 1 master, then 2 workers, ~20 s in all
WAIT = 180
PROGRESS_TAB = 'a[data-target="#cluster_details__progress"]'
PANE = '#cluster_details__progress'

# One look at the tab, read in a single script (no stale elements).
SNAPSHOT_JS = """
var root = document.getElementById('mui-cluster-progress');
if (!root) { return null; }
var bar = document.getElementById('mui-progress-bar');
var count = document.getElementById('mui-progress-count');
var nodes = root.querySelectorAll(
    'svg#mui-cluster-topology .mui-topo-node[data-status]');
return {
  busy: root.getAttribute('data-busy'),
  state: root.getAttribute('data-state'),
  stack: root.getAttribute('data-stack-status'),
  percent: bar ? parseInt(bar.getAttribute('aria-valuenow'), 10) : null,
  count: count ? count.getAttribute('data-done') + '/' +
                 count.getAttribute('data-total') : null,
  nodes: Array.prototype.map.call(nodes, function (n) {
    return n.getAttribute('data-status'); })
};
"""


@pytest.fixture(scope='module')
def magnum(sandbox):
    return magnum_client.Client('1', session=sandbox['sessions']['demo'],
                                region_name=sandbox['region'])


@pytest.fixture(scope='module')
def clusters(magnum, sandbox):
    """Creates clusters on demand; deletes every one of them at the end."""
    template = magnum.cluster_templates.get(sandbox['cluster_template'])
    made = []

    def create(prefix, node_count, labels):
        cluster = magnum.clusters.create(
            name='%s-%s' % (prefix, uuid.uuid4().hex[:6]),
            cluster_template_id=template.uuid, master_count=1,
            node_count=node_count, labels=labels, merge_labels=True)
        made.append(cluster.uuid)
        return cluster.uuid

    try:
        yield create
    finally:
        for ident in made:
            try:
                magnum.clusters.delete(ident)
            except Exception:  # already gone; the sandbox reset cleans up
                pass


def wait_for_stack(magnum, ident):
    """The cluster once Magnum has recorded its Heat stack."""
    deadline = time.monotonic() + WAIT
    while True:
        try:
            cluster = magnum.clusters.get(ident)
            if cluster.stack_id:
                return cluster
        except mc_exc.NotFound:
            pass  # Magnum answers 404 until its conductor made the row
        assert time.monotonic() < deadline, 'no stack for %s' % ident
        time.sleep(0.5)


def live_wait(browser, timeout=WAIT):
    ignored = (selenium_exceptions.StaleElementReferenceException,
               selenium_exceptions.NoSuchElementException)
    return WebDriverWait(browser.driver, timeout, poll_frequency=0.25,
                         ignored_exceptions=ignored)


def snapshot(browser):
    return browser.driver.execute_script(SNAPSHOT_JS)


def open_progress_tab(browser, ident):
    browser.open('/project/clusters/%s/' % ident)
    browser.click(PROGRESS_TAB)
    browser.find(PANE + ' #mui-cluster-progress', timeout=60)
    browser.driver.execute_script('window.__marker = "still here";')


def assert_not_reloaded(browser):
    assert browser.driver.execute_script(
        'return window.__marker;') == 'still here', 'the page was reloaded'


def workers_building(snap):
    """All three nodes drawn, the workers not yet complete."""
    nodes = snap['nodes']
    return (len(nodes) == 3 and nodes[0] == 'complete' and
            set(nodes[1:]) & {'pending', 'in-progress'})


def watch_until_final(browser, timeout=WAIT):
    """Every distinct snapshot of the tab until it stops being busy."""
    seen = []
    midway = False
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            snap = snapshot(browser)
        except selenium_exceptions.StaleElementReferenceException:
            continue
        if snap and (not seen or seen[-1] != snap):
            seen.append(snap)
            if not midway and workers_building(snap):
                browser.screenshot('progress-02-midway')
                midway = True
        if snap and snap['busy'] == 'false':
            return seen
        time.sleep(0.2)
    raise AssertionError('the progress never became final: %s' % seen[-3:])


def test_watch_cluster_being_built(browser, magnum, clusters):
    failing = clusters('e2e-prog-fail', 1, {
        'sandbox_boot_seconds': '1', 'sandbox_fail_at': 'worker'})
    growing = clusters('e2e-prog', 2, {
        'sandbox_boot_seconds': str(BOOT_SECONDS)})
    wait_for_stack(magnum, growing)
    browser.login('demo', 'demo')
    open_progress_tab(browser, growing)

    first = snapshot(browser)
    assert first['busy'] == 'true', first
    browser.screenshot('progress-01-start')
    seen = watch_until_final(browser)
    final = seen[-1]
    assert_not_reloaded(browser)

    # The bar moved up, never back, and reached 100 once complete.
    percents = [snap['percent'] for snap in seen
                if snap['percent'] is not None]
    assert percents == sorted(percents), percents
    assert any(0 < p < 100 for p in percents), percents
    assert final['percent'] == 100, final
    assert final['stack'] == 'CREATE_COMPLETE', final
    browser.find('#mui-cluster-progress[data-busy="false"]')
    bar = browser.find('#mui-progress-bar')
    assert 'progress-bar-success' in bar.get_attribute('class').split()
    assert 'active' not in bar.get_attribute('class').split()

    # The picture went from nodes not yet built to all three complete.
    assert any(set(snap['nodes']) & {'pending', 'in-progress'}
               for snap in seen[:-1]), seen
    assert final['nodes'] == ['complete'] * 3, final
    assert browser.find_all('#mui-progress-resources tr.mui-resource')
    assert not browser.find_all('#mui-progress-failure')
    browser.screenshot('progress-03-complete')
    browser.driver.execute_script(
        "document.getElementById('mui-progress-resources')"
        ".scrollIntoView();")
    browser.screenshot('progress-03-complete-tables')

    # The worker of the other cluster failed meanwhile (1 s per node).
    open_progress_tab(browser, failing)
    live_wait(browser).until(
        lambda d: (snapshot(browser) or {}).get('busy') == 'false')
    failure = browser.find('#mui-progress-failure')
    resource = failure.find_element(
        'css selector', '.mui-progress-failed-resource').text
    assert 'kube_minions' in resource and 'server' in resource, resource
    reason = failure.find_element(
        'css selector', '.mui-progress-failure-reason').text
    assert 'Test Resource failed' in reason, reason
    snap = snapshot(browser)
    assert snap['stack'] == 'CREATE_FAILED', snap
    assert 'failed' in snap['nodes'], snap
    bar = browser.find('#mui-progress-bar')
    assert 'progress-bar-danger' in bar.get_attribute('class').split()
    assert browser.find_all('#mui-progress-resources tr.mui-failed-resource')
    assert_not_reloaded(browser)
    browser.screenshot('progress-04-failed')
