"""Navigation start -> every expected table row drawn, in headless Chromium.

    seconds = navigation_seconds(base_url, 'demo', 'demo',
                                 '/project/clusters/', ROWS, 3)

Uses Debian's chromium + chromedriver with the flags of tests/e2e/browser.py.
A script registered before every document runs a requestAnimationFrame loop
in the page and records ``performance.now()`` (milliseconds since the
navigation started) at the first frame where ``row_selector`` matches at
least ``expected_rows`` elements: no WebDriver polling latency in the figure.
Works for server-rendered tables (ours: rows in the HTML) and for upstream's
AngularJS ``hz-resource-table`` (rows added after its REST call).
"""

import json
import os
import statistics
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if REPO not in sys.path:
    sys.path.insert(0, REPO)

from tests.e2e.browser import Browser  # noqa: E402

TIMEOUT = 60
WATCH = '''(function () {
  var selector = %s, expected = %d, until = Date.now() + %d;
  window.__rowsDrawnAt = null;
  function look() {
    if (document.querySelectorAll(selector).length >= expected) {
      window.__rowsDrawnAt = performance.now();
    } else if (Date.now() < until) {
      requestAnimationFrame(look);
    }
  }
  requestAnimationFrame(look);
})();'''


def _drawn_at(driver, timeout):
    """performance.now() of the frame with every row, once there is one."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = driver.execute_script('return window.__rowsDrawnAt;')
        if value is not None:
            return value / 1000.0
        time.sleep(0.05)
    return None


def navigation_seconds(base_url, username, password, url, row_selector,
                       expected_rows, repeat=5, warmup=1, timeout=TIMEOUT,
                       details=None):
    """Median seconds from navigation start to expected_rows rows drawn.

    Logs in once through the login form, then navigates to ``url`` (a path
    or a full URL) ``warmup`` + ``repeat`` times; the warm-up runs fill the
    browser cache and are not counted.  ``details``, if a list, receives
    every counted figure.
    """
    browser = Browser(base_url)
    try:
        driver = browser.driver
        browser.login(username, password)
        driver.execute_cdp_cmd('Page.addScriptToEvaluateOnNewDocument', {
            'source': WATCH % (json.dumps(row_selector), expected_rows,
                               timeout * 1000)})
        target = url if '://' in url else base_url + url
        figures = []
        for run in range(warmup + repeat):
            driver.get(target)
            seconds = _drawn_at(driver, timeout)
            if seconds is None:
                found = len(browser.find_all(row_selector))
                shot = browser.screenshot('bench-navigation-%d' % run)
                raise RuntimeError(
                    '%s: %d of %d rows %r after %d s (url %s; see %s)'
                    % (target, found, expected_rows, row_selector, timeout,
                       driver.current_url, shot))
            if run >= warmup:
                figures.append(seconds)
        if details is not None:
            details.extend(figures)
        return statistics.median(figures)
    finally:
        browser.quit()
