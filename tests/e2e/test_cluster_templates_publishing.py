"""Cluster Templates publishing: the admin publishes a template and the demo
user sees it public; publishing another project's template shows Magnum's
refusal. Only the templates to publish are made with python-magnumclient
(the wizard has its own journey).
"""

import uuid

from magnumclient import client as magnum_client
import pytest
from selenium.webdriver.common.by import By

from tests.e2e.template_pages import ADMIN_INDEX
from tests.e2e.template_pages import cell
from tests.e2e.template_pages import demo_client
from tests.e2e.template_pages import detail_text
from tests.e2e.template_pages import detail_value
from tests.e2e.template_pages import INDEX
from tests.e2e.template_pages import MAGNUM_PATCH_BUG
from tests.e2e.template_pages import open_panel
from tests.e2e.template_pages import row_action
from tests.e2e.template_pages import row_css
from tests.e2e.template_pages import shot
from tests.e2e.template_pages import TABLE

pytestmark = pytest.mark.e2e


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


def publish(browser, name):
    # Publish is not dangerous: Horizon posts it without a confirmation.
    old_page = browser.driver.find_element(By.TAG_NAME, 'html')
    row_action(browser, name, 'publish')
    browser.wait_gone(old_page)
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
