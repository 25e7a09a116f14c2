"""A first journey: log in on the sandbox's Keystone, reach Container Infra."""

import pytest

pytestmark = pytest.mark.e2e


def test_demo_user_logs_in_and_reaches_container_infra(browser):
    browser.open('/auth/login/')
    browser.find('#id_username')
    browser.screenshot('login-01-login-page')

    browser.login('demo', 'demo')
    # user_home is the Clusters panel.
    browser.wait().until(lambda d: '/project/clusters/' in d.current_url)
    browser.find('#clusters')
    sidebar = browser.find('#sidebar').text
    assert 'Container Infra' in sidebar
    assert 'Clusters' in sidebar
    assert 'Cluster Templates' in sidebar
    browser.screenshot('login-02-clusters-panel')

    browser.open('/project/cluster_templates/')
    # The sandbox seeds a public template published by admin.
    browser.wait_for_text('#cluster_templates', 'k8s-public')
    browser.screenshot('login-03-cluster-templates-panel')

    # Horizon's own Key Pairs panel: the seeded key the user guide uses.
    browser.open('/project/key_pairs/')
    browser.wait_for_text('#main_content', 'demo-key')
    browser.screenshot('login-04-key-pairs')


def test_wrong_password_is_refused_with_a_message(browser):
    browser.open('/auth/login/')
    browser.find('#id_username').send_keys('demo')
    browser.find('#id_password').send_keys('not-the-password')
    browser.click('#loginBtn')
    alert = browser.find('.alert-danger, .error, .help-block')
    assert 'Invalid' in alert.text or 'incorrect' in alert.text.lower()
    assert '/auth/login' in browser.driver.current_url
