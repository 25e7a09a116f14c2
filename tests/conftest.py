"""Fixtures of the integration and e2e tests: the sandbox cloud and logins.

`sandbox` (session scope) makes sure the sandbox is up -- starting it if it
is not -- and returns its endpoints dictionary (see sandbox/api.py) plus
``sessions``: keystoneauth sessions of ``admin``, ``demo`` and ``alt``.
Several test processes (pytest-xdist workers, make test) share one
sandbox: if tests started it, the last test process to finish
stops it, unless MAGNUM_UI_SANDBOX_KEEP=1 (then a later run without it
does).  MAGNUM_UI_SANDBOX_DIR and
MAGNUM_UI_SANDBOX_PORT_OFFSET select another sandbox, as for the CLI.
A sandbox started here syncs cluster statuses every SYNC_SECONDS instead of
Magnum's 10 (MAGNUM_UI_SANDBOX_SYNC_SECONDS): the same transitions, sooner.
"""
import fcntl
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
# Sandbox suites that take longest, started first when run side by side
# (make test: pytest -n 3 --dist loadfile); the others follow in order.
SLOWEST_FIRST = ('faults', 'test_clusters_journey', 'test_cluster_lifecycle',
                 'test_diagnosis_journey', 'test_service_layer',
                 'test_cluster_templates_journey', 'test_nodegroups_journey')


def pytest_configure(config):
    config.addinivalue_line(
        'markers', 'integration: needs the sandbox cloud (python -m sandbox)')


def _group(path):
    """The fault suite's package, else the test's module (None for a unit
    test), as SLOWEST_FIRST names them.
    """
    parts = os.path.relpath(str(path), REPO_ROOT).split(os.sep)
    if 'unit' in parts:
        return None
    return 'faults' if 'faults' in parts[:-1] else parts[-1][:-3]


def pytest_collection_modifyitems(config, items):
    """The sandbox suites' slowest groups first."""
    def rank(item):
        group = _group(item.path)
        return (SLOWEST_FIRST.index(group) if group in SLOWEST_FIRST
                else len(SLOWEST_FIRST))
    items.sort(key=rank)    # stable: a module keeps its own order


def _test_processes_lock():
    """A file each test process holds (shared) while it uses the sandbox,
    and the mark saying that tests started it.
    """
    layout = state.Layout(strict=False)
    os.makedirs(layout.root, exist_ok=True)
    return (open(layout.path('test-processes.lock'), 'a'),
            layout.path('started-by-tests'))


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
    users, started_mark = _test_processes_lock()
    fcntl.flock(users, fcntl.LOCK_SH)
    os.environ.setdefault(state.SYNC_ENV, str(SYNC_SECONDS))
    if not api.is_up():
        open(started_mark, 'w').close()
    endpoints = dict(api.ensure_up())   # locked: one process starts it
    endpoints['sessions'] = {name: login(endpoints, name)
                             for name in endpoints['logins']}
    yield endpoints
    with users:
        fcntl.flock(users, fcntl.LOCK_UN)
        try:
            fcntl.flock(users, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return          # another test process still uses it
        if os.path.exists(started_mark) and os.environ.get(KEEP_ENV) != '1':
            api.down()
            os.remove(started_mark)


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
