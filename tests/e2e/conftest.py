"""End-to-end fixtures: the sandbox, Horizon on a free port, Chromium."""

import os
import socket

import pytest

from demo import server
from tests.e2e import browser as browser_module

STALL_SECONDS = 30


def _free_port():
    with socket.socket() as sock:
        sock.bind(('127.0.0.1', 0))
        return sock.getsockname()[1]


@pytest.fixture(scope='session')
def horizon(sandbox):
    """The demo Horizon on the sandbox's Keystone; stopped at the end."""
    state_dir = os.path.join(browser_module.REPO_ROOT, '.demo')
    worker = os.environ.get('PYTEST_XDIST_WORKER')     # gw0, gw1, ...
    given = os.environ.get('MAGNUM_UI_E2E_PORT')
    port = (int(given) + int(worker[2:] if worker else 0) if given
            else _free_port())
    # A cluster is stalled after this long without a change (default 600 s):
    # short enough for a journey to see it, long for the others' clusters.
    os.environ.setdefault('MAGNUM_UI_STALL_SECONDS', str(STALL_SECONDS))
    dashboard = server.HorizonServer(sandbox['auth_url'], state_dir,
                                     port=port)
    if worker:   # one Horizon per test process, each with its own log
        dashboard.log_path = os.path.join(state_dir,
                                          'horizon-%s.log' % worker)
    dashboard.start()
    yield dashboard
    dashboard.stop()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.when == 'call':
        item.call_failed = report.failed


@pytest.fixture
def browser(horizon, request):
    missing = browser_module.missing_tools()
    if missing:
        reason = ('headless Chromium is not installed (%s); install Debian '
                  "'chromium chromium-driver'" % ', '.join(missing))
        if os.environ.get('CI'):
            # CI installs it (make browser-deps): missing means broken.
            pytest.fail(reason)
        pytest.skip(reason)
    session = browser_module.Browser(horizon.url)
    yield session
    if getattr(request.node, 'call_failed', False):
        # What the user saw when the journey broke.
        session.screenshot('FAILED-%s' % request.node.name)
    session.quit()
