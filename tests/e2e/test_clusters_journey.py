"""Clusters panel journey: create via the wizard, live status, resize, delete.

Rows change status without a page reload (the batched row refresh); a
marker set on ``window`` proves the page was not reloaded meanwhile.
"""

import uuid

import pytest
from selenium.common import exceptions as selenium_exceptions
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

STALE = selenium_exceptions.StaleElementReferenceException
MISSING = selenium_exceptions.NoSuchElementException
pytestmark = pytest.mark.e2e

TEMPLATE_NAME = 'k8s-public'
LONG = 240


def row_css(name):
    return '#clusters tr[data-display="%s"]' % name


def set_field(browser, field_id, value):
    browser.driver.execute_script(
        "var f = document.getElementById(arguments[0]);"
        "f.value = arguments[1];"
        "$(f).trigger('change');", field_id, value)


def choose_template(browser):
    """Choose the sandbox's template in the create wizard; its id."""
    template_id = browser.driver.execute_script(
        "var wanted = arguments[0];"
        "return $('#id_cluster_template_id option').filter(function () {"
        "  return $(this).text().indexOf(wanted) === 0; }).val();",
        TEMPLATE_NAME)
    assert template_id, 'the sandbox template is not offered'
    set_field(browser, 'id_cluster_template_id', template_id)
    return template_id


def create_cluster(browser, name, labels='', shot='clusters-01-wizard'):
    browser.open('/project/clusters/create/')
    browser.find('#id_name').send_keys(name)
    choose_template(browser)
    set_field(browser, 'id_node_count', '1')
    set_field(browser, 'id_labels', labels)
    command = browser.wait_command(
        'cluster-create-command', ' %s' % name, '--node-count 1',
        *labels.split())
    assert command.startswith('openstack coe cluster create'), command
    browser.screenshot(shot)  # a stable name: the user guide shows it
    browser.click('.workflow input[type=submit]')
    browser.wait().until(
        lambda d: d.current_url.rstrip('/').endswith('/project/clusters'))


def submit_and_wait_for_new_page(browser, css):
    """Click a submit button and wait until the page it posts is loaded."""
    old_page = browser.driver.find_element(By.TAG_NAME, 'html')
    browser.click(css)
    browser.wait_gone(old_page)
    browser.find('#clusters')


def mark_page(browser):
    browser.driver.execute_script('window.__noReload = true;')


def assert_not_reloaded(browser):
    assert browser.driver.execute_script('return window.__noReload === true;')


def live_wait(browser, timeout=LONG):
    """A wait that shrugs off rows replaced while being looked at."""
    return WebDriverWait(browser.driver, timeout, poll_frequency=0.25,
                         ignored_exceptions=(STALE, MISSING))


def wait_row_class(browser, name, css_class, timeout=LONG):
    live_wait(browser, timeout).until(lambda d: any(
        css_class in (row.get_attribute('class') or '').split()
        for row in d.find_elements(By.CSS_SELECTOR, row_css(name))))


def wait_usage_picture(browser):
    """The usage picture: cached it is in the page, else the page loads it
    after it is shown and puts it in the placeholder's place.
    """
    live_wait(browser, 60).until(lambda d: d.find_elements(
        By.CSS_SELECTOR, '#cluster-usage #cluster-usage-clusters'))
    assert not browser.find_all('#cluster-usage[data-usage-url]')
    assert not browser.find_all('#cluster-usage[data-usage-error]')


def row_action(browser, name, action):
    browser.row_action('clusters', row_css(name), action)


def test_create_watch_resize_delete(browser):
    name = 'e2e-%s' % uuid.uuid4().hex[:6]
    browser.login('demo', 'demo')
    create_cluster(browser, name, 'sandbox_boot_seconds=2')
    mark_page(browser)
    browser.find(row_css(name))
    # The create forgot the cached picture: loaded after the page.
    wait_usage_picture(browser)
    browser.screenshot('clusters-02-created')
    wait_row_class(browser, name, 'status_up')
    assert 'Active' in browser.find(row_css(name)).text
    assert_not_reloaded(browser)
    browser.screenshot('clusters-03-active')

    row_action(browser, name, 'resize')
    browser.find('#id_node_count').clear()
    browser.find('#id_node_count').send_keys('2')
    browser.screenshot('clusters-04-resize-form')
    submit_and_wait_for_new_page(
        browser, '.modal input[type=submit], .modal button[type=submit]')
    mark_page(browser)
    wait_row_class(browser, name, 'status_up')
    live_wait(browser).until(lambda d: ' 2 ' in ' %s ' % d.find_element(
        By.CSS_SELECTOR, row_css(name)).text.replace('\n', ' '))
    assert_not_reloaded(browser)
    browser.screenshot('clusters-05-resized')

    row_action(browser, name, 'delete')
    submit_and_wait_for_new_page(browser,
                                 '.modal .btn-danger, .modal .btn-primary')
    mark_page(browser)
    live_wait(browser).until(
        lambda d: not d.find_elements(By.CSS_SELECTOR, row_css(name)))
    assert_not_reloaded(browser)
    browser.screenshot('clusters-06-deleted')


def test_failing_cluster_shows_root_cause(browser):
    name = 'e2e-fail-%s' % uuid.uuid4().hex[:6]
    browser.login('demo', 'demo')
    create_cluster(browser, name,
                   'sandbox_boot_seconds=1\nsandbox_fail_at=worker',
                   shot='clusters-06-wizard-failing')
    mark_page(browser)
    wait_row_class(browser, name, 'status_down')
    assert 'Create failed' in browser.find(row_css(name)).text
    assert_not_reloaded(browser)
    # The row's status says why, from Magnum's list (its status_reason).
    cause = browser.find(row_css(name) + ' .cluster-root-cause')
    assert 'simulated failure of worker node 1' in \
        cause.get_attribute('title')
    browser.screenshot('clusters-06-failed-row')
    browser.find(row_css(name) + ' a[href*="/project/clusters/"]').click()
    reason = browser.find('#cluster-status-reason').text
    assert reason and reason != '-'
    assert browser.find('#cluster-status').get_attribute(
        'data-status') == 'CREATE_FAILED'
    # At the top: the first failing Heat resource and Heat's reason.
    root = browser.find('#cluster-root-cause')
    assert root.get_attribute('data-source') == 'heat'
    assert browser.driver.execute_script(
        "var r = document.getElementById('cluster-root-cause');"
        "var s = document.getElementById('cluster-status');"
        "return !!(r.compareDocumentPosition(s) & "
        "Node.DOCUMENT_POSITION_FOLLOWING);")
    resource = root.find_element(
        By.CSS_SELECTOR, '.cluster-root-cause-resource').text
    assert resource.startswith('kube_minions') and \
        resource.endswith('server'), resource
    assert 'Test Resource failed server' in root.text, root.text
    recreate = browser.find('#cluster-recovery-recreate-link')
    browser.screenshot('clusters-07-failed-detail')

    # "Recreate with the same settings": the wizard, filled in.
    recreate.click()
    assert browser.find('#id_name').get_attribute('value') == name
    # (on the wizard's last step: read, not shown)
    labels = browser.find_all('#id_labels')[0]
    assert 'sandbox_fail_at=worker' in labels.get_attribute('value')
    browser.screenshot('clusters-08-recreate-wizard')

    # The journey deletes what it made.
    browser.open('/project/clusters/')
    row_action(browser, name, 'delete')
    submit_and_wait_for_new_page(browser,
                                 '.modal .btn-danger, .modal .btn-primary')
    live_wait(browser).until(
        lambda d: not d.find_elements(By.CSS_SELECTOR, row_css(name)))
