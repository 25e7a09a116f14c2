"""Page helpers of the cluster template journeys (tests/e2e)."""

from magnumclient import client as magnum_client
from selenium.common import exceptions as selenium_exceptions
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select
from selenium.webdriver.support.ui import WebDriverWait

STALE = selenium_exceptions.StaleElementReferenceException
MISSING = selenium_exceptions.NoSuchElementException

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
    browser.wait_gone(old_page)
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
    browser.wait_gone(old_page)
    browser.find(TABLE)


def row_action(browser, name, action):
    browser.row_action('cluster_templates', row_css(name), action)


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


def demo_client(sandbox):
    return magnum_client.Client('1', session=sandbox['sessions']['demo'],
                                region_name=sandbox['region'])
