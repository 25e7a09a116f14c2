"""Cluster Templates journey: wizard, list, detail, update, clone, delete;
then the admin publishes a demo template and the demo user sees it public.

Everything goes through the pages a user clicks (table actions, modal
wizard, themable selects); only the template the admin publishes is made
with python-magnumclient, the wizard having been exercised just before.
"""

import uuid

from magnumclient import client as magnum_client
import pytest
from selenium.common import exceptions as selenium_exceptions
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select
from selenium.webdriver.support.ui import WebDriverWait

STALE = selenium_exceptions.StaleElementReferenceException
MISSING = selenium_exceptions.NoSuchElementException
pytestmark = pytest.mark.e2e

INDEX = '/project/cluster_templates/'
ADMIN_INDEX = '/admin/cluster_templates/'
TABLE = '#cluster_templates'
MODAL = '.workflow.modal'
WAIT = 60
MAGNUM_PATCH_BUG = 'ClusterTemplate %s could not be found'


def row_css(name):
    return '%s tr[data-display="%s"]' % (TABLE, name)


def wait(browser, timeout=WAIT):
    return WebDriverWait(browser.driver, timeout, poll_frequency=0.25,
                         ignored_exceptions=(STALE, MISSING))


def shot(browser, number, what):
    browser.screenshot('templates-%02d-%s' % (number, what))


def open_panel(browser, dashboard, panel_path):
    """Reach a panel through the sidebar: dashboard, Container Infra, panel."""
    dashboard_list = '#sidebar-accordion-%s' % dashboard
    group_list = '%s-container_infra' % dashboard_list
    link_css = '%s a[href="%s"]' % (group_list, panel_path)
    for toggle_target, opened in ((dashboard_list, dashboard_list),
                                  (group_list, link_css)):
        if not browser.find_all(opened)[0].is_displayed():
            browser.click('#sidebar-accordion a[data-target="%s"]'
                          % toggle_target)
            browser.find(opened)  # the collapse animation is over
    old_page = browser.driver.find_element(By.TAG_NAME, 'html')
    browser.click(link_css)
    wait(browser).until(EC.staleness_of(old_page))
    assert browser.driver.current_url.endswith(panel_path)
    browser.find(TABLE)


def choose(browser, field_id, label_prefix):
    """Pick an option of a Horizon themable select the way a user does."""
    select = browser.find_all('#' + field_id)[0]
    dropdown = select.find_element(By.XPATH, '..')
    dropdown.find_element(By.CSS_SELECTOR, '.dropdown-toggle').click()
    options = [link for link in dropdown.find_elements(
        By.CSS_SELECTOR, '.dropdown-menu a')
        if link.text.strip().startswith(label_prefix)]
    assert options, 'no "%s" in %s' % (label_prefix, field_id)
    wait(browser).until(EC.element_to_be_clickable(options[0])).click()
    assert select.get_attribute('value') == options[0].get_attribute(
        'data-select-value')


def choose_plain(browser, field_id, label_prefix):
    """Pick an option of a plain <select>."""
    select = Select(browser.find('#' + field_id))
    for option in select.options:
        if option.text.strip().startswith(label_prefix):
            select.select_by_value(option.get_attribute('value'))
            return
    raise AssertionError('no "%s" in %s' % (label_prefix, field_id))


def retype(browser, css, text):
    field = browser.find(css)
    field.send_keys(Keys.CONTROL, 'a')
    field.send_keys(Keys.DELETE)
    field.send_keys(text)


def active_step(browser, slug):
    return browser.find('%s fieldset.js-tab-pane.active[id$="__%s"]'
                        % (MODAL, slug))


def next_step(browser, slug):
    browser.click('.modal .button-next')
    return active_step(browser, slug)


def go_to_step(browser, slug):
    browser.click('%s .wizard-tabs a[data-target$="__%s"]' % (MODAL, slug))
    return active_step(browser, slug)


def submit_modal_to_index(browser, css='.modal .button-final'):
    """Submit the modal; wait for the redirected index page to load."""
    old_page = browser.driver.find_element(By.TAG_NAME, 'html')
    browser.click(css)
    wait(browser).until(EC.staleness_of(old_page))
    browser.find(TABLE)


def row_action(browser, name, action):
    """Click a row action, opening the row's dropdown when it is in there."""
    row = browser.find(row_css(name))
    button = '#cluster_templates__row_%s__action_%s' % (
        row.get_attribute('data-object-id'), action)
    if not browser.find_all(button)[0].is_displayed():
        row.find_element(By.CSS_SELECTOR, '.dropdown-toggle').click()
    browser.click(button)


def cell(browser, name, header):
    """The text of a row's cell under the column headed ``header``."""
    return browser.driver.execute_script(
        "var table = $(arguments[0]), wanted = arguments[2];"
        "var index = table.find('thead tr:last th').filter(function () {"
        "  return $.trim($(this).text()) === wanted; }).index();"
        "if (index < 0) { return null; }"
        "return $.trim(table.find(arguments[1]).children('td').eq(index)"
        "  .text());", TABLE, 'tr[data-display="%s"]' % name, header)


def cli_preview(browser):
    return browser.find('#magnum-cli-preview').get_attribute('textContent')


def detail_text(browser, name):
    browser.find(row_css(name) + ' a[href*="%s"]' % INDEX).click()
    wait(browser).until(lambda d: d.find_element(
        By.CSS_SELECTOR, '.cluster-template-detail').is_displayed())
    return browser.find('.cluster-template-detail').text


def detail_value(browser, term):
    """The text next to ``term`` in the detail page's definition lists."""
    return browser.driver.execute_script(
        "var wanted = arguments[0];"
        "var term = $('.cluster-template-detail dt').filter(function () {"
        "  return $.trim($(this).text()) === wanted; }).first();"
        "return term.length ? $.trim(term.next('dd').text()) : null;", term)


def create_through_wizard(browser, name):
    browser.click('#cluster_templates__action_create')
    active_step(browser, 'info')
    browser.find('%s #id_name' % MODAL).send_keys(name)
    assert not browser.find_all('%s #id_public' % MODAL), (
        'the demo user must not be offered "public"')
    shot(browser, 2, 'wizard-info')

    next_step(browser, 'node_spec')
    choose(browser, 'id_image_id', 'fedora-coreos-40')
    choose(browser, 'id_keypair_id', 'demo-key')
    choose(browser, 'id_flavor_id', 'm1.small')
    choose(browser, 'id_master_flavor_id', 'm1.small')
    shot(browser, 3, 'wizard-node-spec')

    next_step(browser, 'network')
    choose(browser, 'id_network_driver', 'Flannel')
    choose(browser, 'id_external_network_id', 'public')
    choose_plain(browser, 'id_fixed_network', 'private')
    choose_plain(browser, 'id_fixed_subnet', 'private-subnet')
    assert browser.find('#id_dns_nameserver').get_attribute(
        'value') == '8.8.8.8'
    shot(browser, 4, 'wizard-network')

    next_step(browser, 'labels')
    browser.find('#id_labels').send_keys('kube_tag=v1.30.1\nbroken-line')
    wait(browser).until(lambda d: '--labels kube_tag=v1.30.1'
                        in cli_preview(browser))
    command = cli_preview(browser)
    assert command.startswith('openstack coe cluster template create')
    for part in ('--coe kubernetes', '--keypair demo-key',
                 '--dns-nameserver 8.8.8.8', name):
        assert part in command, (part, command)
    assert 'broken-line' not in command  # only well-formed lines
    shot(browser, 5, 'wizard-labels-preview')

    # Submit with the bad line: the wizard comes back on the Labels step
    # with the error under the field and the user's values kept.
    browser.click('.modal .button-final')
    error = browser.find('%s .has-error .help-block' % MODAL)
    assert '"=" is missing' in error.text and 'broken-line' in error.text
    assert active_step(browser, 'labels').find_element(
        By.CSS_SELECTOR, '#id_labels').get_attribute('value').startswith(
        'kube_tag=v1.30.1')
    # The Info step is hidden now; its value is still in the form.
    assert browser.find_all('%s #id_name' % MODAL)[0].get_attribute(
        'value') == name
    shot(browser, 6, 'wizard-label-error')

    retype(browser, '%s #id_labels' % MODAL,
           'kube_tag=v1.30.1\nk8s.io/role=e2e')
    wait(browser).until(lambda d: '--labels k8s.io/role=e2e'
                        in cli_preview(browser))
    submit_modal_to_index(browser)


def demo_client(sandbox):
    return magnum_client.Client('1', session=sandbox['sessions']['demo'],
                                region_name=sandbox['region'])


@pytest.fixture
def leftovers(sandbox):
    """Names the journey creates; whatever a failed run left is deleted."""
    names = []
    yield names
    mc = demo_client(sandbox)
    for template in mc.cluster_templates.list():
        if template.name in names:
            try:
                mc.cluster_templates.delete(template.uuid)
            except Exception:  # the sandbox reset removes leftovers
                pass


@pytest.fixture
def admin_template(sandbox):
    """A private template of the admin project, for the admin to publish."""
    mc = magnum_client.Client('1', session=sandbox['sessions']['admin'],
                              region_name=sandbox['region'])
    created = mc.cluster_templates.create(
        name='e2e-adm-%s' % uuid.uuid4().hex[:6], coe='kubernetes',
        image_id='fedora-coreos-40', external_network_id='public',
        flavor_id='m1.small', master_flavor_id='m1.small',
        network_driver='flannel')
    yield created
    try:
        mc.cluster_templates.delete(created.uuid)
    except Exception:  # the sandbox reset removes leftovers
        pass


@pytest.fixture
def demo_template(sandbox):
    """A private template of the demo project, for the admin to publish."""
    mc = demo_client(sandbox)
    created = mc.cluster_templates.create(
        name='e2e-pub-%s' % uuid.uuid4().hex[:6], coe='kubernetes',
        image_id='fedora-coreos-40', keypair_id='demo-key',
        external_network_id='public', flavor_id='m1.small',
        master_flavor_id='m1.small', network_driver='flannel')
    yield created
    try:
        mc.cluster_templates.delete(created.uuid)
    except Exception:  # the sandbox reset removes leftovers
        pass


def test_create_update_clone_delete(browser, leftovers):
    name = 'e2e-tpl-%s' % uuid.uuid4().hex[:6]
    copy = '%s-copy' % name
    leftovers.extend((name, copy))
    browser.login('demo', 'demo')
    open_panel(browser, 'project', INDEX)
    shot(browser, 1, 'index')

    create_through_wizard(browser, name)
    browser.find(row_css(name))
    assert cell(browser, name, 'Image') == 'fedora-coreos-40'
    assert cell(browser, name, 'Key Pair') == 'demo-key'
    assert cell(browser, name, 'Public') == 'No'
    assert name in browser.find('.alert-success').text
    shot(browser, 7, 'created-in-list')

    detail_text(browser, name)
    assert detail_value(browser, 'Image').startswith('fedora-coreos-40')
    assert detail_value(browser, 'Worker Flavor').startswith('m1.small')
    assert detail_value(browser, 'Master Flavor').startswith('m1.small')
    assert detail_value(browser, 'External Network').startswith('public')
    assert detail_value(browser, 'Fixed Network').startswith('private')
    assert detail_value(browser, 'Fixed Subnet').startswith('private-subnet')
    assert detail_value(browser, 'DNS Nameserver') == '8.8.8.8'
    assert detail_value(browser, 'Public') == 'No'
    labels = browser.find('.cluster-template-labels').text
    assert 'kube_tag' in labels and 'v1.30.1' in labels
    assert 'k8s.io/role' in labels
    shot(browser, 8, 'detail')

    # Update: another worker flavor and DNS server.
    browser.open(INDEX)
    row_action(browser, name, 'update')
    active_step(browser, 'info')
    go_to_step(browser, 'node_spec')
    choose(browser, 'id_flavor_id', 'm1.medium')
    medium = browser.find_all('#id_flavor_id')[0].get_attribute('value')
    go_to_step(browser, 'network')
    retype(browser, '%s #id_dns_nameserver' % MODAL, '1.1.1.1')
    go_to_step(browser, 'labels')
    # Typing refreshes the command: an update of only what changed.
    wait(browser).until(lambda d: 'dns_nameserver=1.1.1.1'
                        in cli_preview(browser))
    command = cli_preview(browser)
    assert command.startswith('openstack coe cluster template update '), \
        command
    assert 'flavor_id=%s' % medium in command, command
    assert 'master_flavor_id' not in command, command
    shot(browser, 9, 'update-wizard')
    submit_modal_to_index(browser)
    detail_text(browser, name)
    assert detail_value(browser, 'Worker Flavor').startswith('m1.medium')
    assert detail_value(browser, 'Master Flavor').startswith('m1.small')
    assert detail_value(browser, 'DNS Nameserver') == '1.1.1.1'
    shot(browser, 10, 'detail-updated')

    # Clone: the wizard prefilled from the template, named <name>-copy.
    browser.open(INDEX)
    row_action(browser, name, 'clone')
    active_step(browser, 'info')
    assert browser.find('%s #id_name' % MODAL).get_attribute('value') == copy
    go_to_step(browser, 'labels')
    assert 'k8s.io/role=e2e' in browser.find('%s #id_labels' % MODAL
                                             ).get_attribute('value')
    assert copy in cli_preview(browser)
    shot(browser, 11, 'clone-wizard')
    submit_modal_to_index(browser)
    browser.find(row_css(copy))
    detail_text(browser, copy)
    assert detail_value(browser, 'Worker Flavor').startswith('m1.medium')
    assert detail_value(browser, 'DNS Nameserver') == '1.1.1.1'
    browser.open(INDEX)
    browser.find(row_css(copy))
    shot(browser, 12, 'clone-in-list')

    # Delete both, after the confirmation.
    for each in (name, copy):
        # Horizon's themable checkbox: the input is hidden, its label shows.
        browser.click(row_css(each) + ' td.multi_select_column label')
        assert browser.find_all(row_css(each) + ' input.table-row-multi-select'
                                )[0].is_selected()
    browser.click('#cluster_templates__action_delete')
    confirm = browser.find('.modal-dialog')
    assert name in confirm.text and copy in confirm.text
    shot(browser, 13, 'delete-confirmation')
    submit_modal_to_index(browser, '.modal .btn-danger')
    wait(browser).until(lambda d: not d.find_elements(
        By.CSS_SELECTOR, row_css(name)) and not d.find_elements(
        By.CSS_SELECTOR, row_css(copy)))
    assert 'Deleted' in browser.find('.alert-success').text
    shot(browser, 14, 'deleted')


def publish(browser, name):
    # Publish is not dangerous: Horizon posts it without a confirmation.
    old_page = browser.driver.find_element(By.TAG_NAME, 'html')
    row_action(browser, name, 'publish')
    wait(browser).until(EC.staleness_of(old_page))
    return browser.find('.messages .alert')


def test_admin_publishes_a_template_the_demo_user_then_sees(
        browser, admin_template):
    name = admin_template.name
    browser.login('demo', 'demo')
    browser.open(INDEX)
    browser.find(TABLE)
    assert not browser.find_all(row_css(name))   # private to admin

    browser.login('admin', 'admin')
    open_panel(browser, 'admin', ADMIN_INDEX)
    browser.find(row_css(name))
    assert cell(browser, name, 'Project') == 'admin'
    assert cell(browser, name, 'Public') == 'No'
    shot(browser, 15, 'admin-list')
    alert = publish(browser, name)
    assert 'Published' in alert.text, alert.text
    assert cell(browser, name, 'Public') == 'Yes'
    shot(browser, 16, 'admin-published')

    # A second demo login: the template is public now.
    browser.login('demo', 'demo')
    open_panel(browser, 'project', INDEX)
    browser.find(row_css(name))
    assert cell(browser, name, 'Public') == 'Yes'
    shot(browser, 17, 'demo-sees-public')
    detail_text(browser, name)
    assert detail_value(browser, 'Public') == 'Yes'
    shot(browser, 18, 'demo-detail-public')


def test_publishing_another_projects_template_never_breaks(
        browser, demo_template):
    """Magnum 23 refuses an admin PATCH of another project's private
    template (its update validators look the template up before switching
    the admin to all projects): the admin sees Magnum's own words.
    """
    name = demo_template.name
    browser.login('admin', 'admin')
    open_panel(browser, 'admin', ADMIN_INDEX)
    browser.find(row_css(name))
    assert cell(browser, name, 'Project') == 'demo'
    alert = publish(browser, name)
    shot(browser, 19, 'admin-publish-other-project')
    # The pinned Magnum (23.0.0) always refuses; the refusal is shown
    # with Magnum's words exactly once, and nothing changes.
    assert 'alert-danger' in alert.get_attribute('class'), alert.text
    assert alert.text.count(MAGNUM_PATCH_BUG % demo_template.uuid) == 1, \
        alert.text
    assert cell(browser, name, 'Public') == 'No'
