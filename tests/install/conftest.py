"""The install test's slow part, started as soon as the test is collected.

A cold run builds the cached virtualenv of stock Horizon (environment.py)
for a minute or two, mostly waiting on pip: a thread does it while the
suites that run before it go on, and the test's fixture waits for it.
"""

import os

from tests.install import environment


def pytest_collection_finish(session):
    # Test processes side by side all collect it: the first one builds.
    if os.environ.get('PYTEST_XDIST_WORKER', 'gw0') != 'gw0':
        return
    if any(item.nodeid.startswith('tests/install/')
           for item in session.items):
        environment.build_venv_early()
