"""Headless Chromium for the end-to-end tests (Debian's chromium + driver)."""

import os
import shutil
import tempfile

from selenium.common.exceptions import StaleElementReferenceException
from selenium.common.exceptions import TimeoutException
from selenium.common.exceptions import WebDriverException
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

CHROMIUM = os.environ.get('MAGNUM_UI_CHROMIUM', '/usr/bin/chromium')
CHROMEDRIVER = os.environ.get('MAGNUM_UI_CHROMEDRIVER',
                              '/usr/bin/chromedriver')
REPO_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
SCREENSHOT_DIR = os.environ.get(
    'MAGNUM_UI_SCREENSHOTS',
    os.path.join(REPO_ROOT, 'test-output', 'screenshots'))
FLAGS = ('--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
         '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync',
         '--disable-dev-shm-usage', '--window-size=1400,1000')


def missing_tools():
    return [path for path in (CHROMIUM, CHROMEDRIVER)
            if not os.access(path, os.X_OK)]


class Browser(object):
    """A Chromium session with the few helpers the journeys need."""

    def __init__(self, base_url):
        self.base_url = base_url
        self.profile = tempfile.mkdtemp(prefix='magnum-ui-chromium-')
        self.downloads = os.path.join(self.profile, 'downloads')
        os.makedirs(self.downloads)
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for flag in FLAGS:
            options.add_argument(flag)
        options.add_argument('--user-data-dir=%s' % self.profile)
        options.add_experimental_option('prefs', {
            'download.default_directory': self.downloads,
            'download.prompt_for_download': False})
        # The driver path is given so Selenium Manager never downloads one.
        self.driver = webdriver.Chrome(service=Service(CHROMEDRIVER),
                                       options=options)
        self.driver.set_page_load_timeout(60)

    def open(self, path):
        self.driver.get(self.base_url + path)

    def wait(self, timeout=30):
        return WebDriverWait(self.driver, timeout, poll_frequency=0.25)

    def find(self, css, timeout=30):
        return self.wait(timeout).until(
            EC.visibility_of_element_located((By.CSS_SELECTOR, css)))

    def find_all(self, css):
        return self.driver.find_elements(By.CSS_SELECTOR, css)

    def click(self, css, timeout=30):
        element = self.wait(timeout).until(
            EC.element_to_be_clickable((By.CSS_SELECTOR, css)))
        # Scrolled to the middle, as a user would: at the edge of a long
        # page, Horizon's fixed top bar covers it.
        self.driver.execute_script(
            "arguments[0].scrollIntoView({block: 'center'});", element)
        element.click()

    def row_action(self, table, row_css, action):
        """Click a row's action in table ``table``, opening the row's
        dropdown when the action is in there.
        """
        row = self.find(row_css)
        button = '#%s__row_%s__action_%s' % (
            table, row.get_attribute('data-object-id'), action)
        found = self.find_all(button)
        if not found or not found[0].is_displayed():
            row.find_element(By.CSS_SELECTOR, '.dropdown-toggle').click()
        self.click(button)

    def wait_gone(self, element, timeout=30):
        """Until ``element`` has left the page (the next page loaded)."""
        def gone(_driver):
            try:
                element.is_enabled()
                return False
            except StaleElementReferenceException:
                return True
            except WebDriverException as exc:
                # Chromium, mid-navigation, says so in other words.
                if 'does not belong to the document' in str(exc):
                    return True
                raise
        self.wait(timeout).until(gone)

    def wait_for_text(self, css, text, timeout=30):
        self.wait(timeout).until(
            EC.text_to_be_present_in_element((By.CSS_SELECTOR, css), text))

    def wait_command(self, cli_id, *parts, timeout=30):
        """The equivalent command in element ``cli_id`` once it holds every
        one of ``parts``: the server renders it a moment after the last
        change, and an answer to an earlier change may show first.
        """
        def command(driver):
            text = driver.find_element(By.ID, cli_id).get_attribute(
                'textContent')
            return text if all(part in text for part in parts) else False
        try:
            return self.wait(timeout).until(command)
        except TimeoutException:
            raise AssertionError('%s lacks some of %r: %s' % (
                cli_id, parts, self.driver.find_element(
                    By.ID, cli_id).get_attribute('textContent')))

    def login(self, username, password):
        # Leave the page before its cookies go: every Horizon answer sets
        # the session cookie (signed, the whole session), and each page asks
        # for its header (/header/) after it has loaded, so a late answer
        # would log the browser in again (CI saw /auth/login/ send it on to
        # the home page).
        self.driver.get('about:blank')
        self.driver.execute_cdp_cmd('Network.clearBrowserCookies', {})
        self.open('/auth/login/')
        try:
            user_field = self.find('#id_username')
        except TimeoutException:
            # Say what was shown instead of the form.
            raise AssertionError('no login form at %s (%r): %s' % (
                self.driver.current_url, self.driver.title,
                self.driver.find_element(By.TAG_NAME, 'body').text[:500]))
        user_field.send_keys(username)
        self.find('#id_password').send_keys(password)
        self.click('#loginBtn')
        self.wait().until(lambda d: '/auth/login' not in d.current_url)

    def screenshot(self, name):
        os.makedirs(SCREENSHOT_DIR, exist_ok=True)
        path = os.path.join(SCREENSHOT_DIR, '%s.png' % name)
        self.driver.save_screenshot(path)
        return path

    def quit(self):
        try:
            self.driver.quit()
        finally:
            shutil.rmtree(self.profile, ignore_errors=True)
