"""The sandbox, a few busy clusters of `demo` and the demo Horizon, for the
benchmarks: set up, yielded, and everything it started stopped again.

    with busy_cloud(count=5, prefix='load') as cloud:
        cloud.dashboard.url, cloud.busy (cluster ids), cloud.endpoints
"""

import contextlib
import os
import time
import types
import uuid

from magnumclient import client as magnum_client

from bench import population
from demo import client as demo_client
from demo import server
from sandbox import api as sandbox_api
from tests import conftest as test_fixtures

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUSY_SECONDS = 600       # the busy clusters' nodes "boot" this long


def _wait_listed(magnum, ids, timeout=60):
    """Magnum's conductor writes a new cluster a moment after the POST."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if set(ids) <= {c.uuid for c in magnum.clusters.list()}:
            return
        time.sleep(0.5)
    raise RuntimeError('Magnum did not list the new clusters')


@contextlib.contextmanager
def busy_cloud(count, prefix):
    started_sandbox = not sandbox_api.is_up()
    endpoints = sandbox_api.ensure_up()
    magnum = magnum_client.Client(
        '1', session=test_fixtures.login(endpoints, 'demo'),
        region_name=endpoints['region'])
    busy = []
    dashboard = None
    try:
        for _ in range(count):
            busy.append(magnum.clusters.create(
                name='%s-%s' % (prefix, uuid.uuid4().hex[:6]),
                cluster_template_id=endpoints['cluster_template'],
                master_count=1, node_count=1,
                labels={'sandbox_boot_seconds': str(BUSY_SECONDS)},
                merge_labels=True).uuid)
        _wait_listed(magnum, busy)
        dashboard = server.HorizonServer(
            endpoints['auth_url'], os.path.join(REPO_ROOT, '.demo'),
            port=demo_client.free_port()).start()
        yield types.SimpleNamespace(endpoints=endpoints, busy=busy,
                                    dashboard=dashboard)
    finally:
        if dashboard:
            dashboard.stop()
        # gone before the sandbox stops: a delete still on its way to
        # Heat then would leave the cluster DELETE_FAILED in the sandbox
        population.delete_all(magnum, busy)
        if started_sandbox:
            sandbox_api.down()
