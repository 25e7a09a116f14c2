"""Fixtures of the integration and e2e tests: the sandbox cloud and logins.

`sandbox` (session scope) makes sure the sandbox is up -- starting it if it
is not -- and returns its endpoints dictionary (see sandbox/api.py) plus
``sessions``: keystoneauth sessions of ``admin``, ``demo`` and ``alt``.
If this test session had to start the sandbox, it stops it at the end,
unless MAGNUM_UI_SANDBOX_KEEP=1.  MAGNUM_UI_SANDBOX_DIR and
MAGNUM_UI_SANDBOX_PORT_OFFSET select another sandbox, as for the CLI.
A sandbox started here syncs cluster statuses every SYNC_SECONDS instead of
Magnum's 10 (MAGNUM_UI_SANDBOX_SYNC_SECONDS): the same transitions, sooner.
"""
import os
import sys

from keystoneauth1.identity import v3
from keystoneauth1 import session as ks_session
import pytest

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if REPO_ROOT not in sys.path:  # `pytest` run without the repo on sys.path
    sys.path.insert(0, REPO_ROOT)

from sandbox import api  # noqa: E402
from sandbox import state  # noqa: E402

KEEP_ENV = 'MAGNUM_UI_SANDBOX_KEEP'
SYNC_SECONDS = 2


def pytest_configure(config):
    config.addinivalue_line(
        'markers', 'integration: needs the sandbox cloud (python -m sandbox)')


def login(endpoints, name):
    """A keystoneauth session of one seeded login (admin, demo, alt)."""
    info = endpoints['logins'][name]
    auth = v3.Password(auth_url=endpoints['auth_url'],
                       username=info['username'], password=info['password'],
                       project_name=info['project'],
                       user_domain_name=endpoints['user_domain_name'],
                       project_domain_name=endpoints['project_domain_name'])
    return ks_session.Session(auth=auth)


@pytest.fixture(scope='session')
def sandbox():
    started = not api.is_up()
    os.environ.setdefault(state.SYNC_ENV, str(SYNC_SECONDS))
    endpoints = dict(api.ensure_up())
    endpoints['sessions'] = {name: login(endpoints, name)
                             for name in endpoints['logins']}
    yield endpoints
    if started and os.environ.get(KEEP_ENV) != '1':
        api.down()


@pytest.fixture(scope='session')
def admin_session(sandbox):
    return sandbox['sessions']['admin']


@pytest.fixture(scope='session')
def demo_session(sandbox):
    return sandbox['sessions']['demo']


@pytest.fixture(scope='session')
def alt_session(sandbox):
    return sandbox['sessions']['alt']


@pytest.fixture(scope='session')
def tokens(sandbox):
    """login name -> a project-scoped token id (cached by its session)."""
    return {name: sess.get_token()
            for name, sess in sandbox['sessions'].items()}
