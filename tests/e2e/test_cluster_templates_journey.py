"""Cluster Templates journey: wizard, list, detail, update, clone, delete.

Everything goes through the pages a user clicks (table actions, modal
wizard, themable selects).
"""

import uuid

import pytest
from selenium.webdriver.common.by import By

from tests.e2e.template_pages import active_step
from tests.e2e.template_pages import cell
from tests.e2e.template_pages import choose
from tests.e2e.template_pages import choose_plain
from tests.e2e.template_pages import cli_preview
from tests.e2e.template_pages import demo_client
from tests.e2e.template_pages import detail_text
from tests.e2e.template_pages import detail_value
from tests.e2e.template_pages import go_to_step
from tests.e2e.template_pages import INDEX
from tests.e2e.template_pages import MODAL
from tests.e2e.template_pages import next_step
from tests.e2e.template_pages import open_panel
from tests.e2e.template_pages import retype
from tests.e2e.template_pages import row_action
from tests.e2e.template_pages import row_css
from tests.e2e.template_pages import shot
from tests.e2e.template_pages import submit_modal_to_index
from tests.e2e.template_pages import wait

pytestmark = pytest.mark.e2e


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
