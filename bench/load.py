"""Load: logged-in users browsing the Clusters panel while clusters are busy.

A bounded pool of real HTTP clients (one requests.Session per user, each
logged in through Horizon's own login form) against the demo Horizon
(gunicorn, 2 workers x 8 threads) and the sandbox, loopback only. Each user
loops over the clusters index, a cluster's detail page, its Progress tab
and the batched row refresh of the busy rows, for a bounded time.

Prints requests, errors and p50/p95 per page; writes the figures to
test-output/bench/load.json. Exits non-zero when any request failed.

    python bench/load.py [--users 20] [--seconds 45] [--busy 5]
"""

import argparse
import concurrent.futures
import json
import os
import random
import statistics
import sys
import threading
import time
import uuid

import requests

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, REPO_ROOT)

from demo import client as demo_client  # noqa: E402
from demo import server  # noqa: E402
from magnumclient import client as magnum_client  # noqa: E402
from sandbox import api as sandbox_api  # noqa: E402
from tests import conftest as test_fixtures  # noqa: E402

OUTPUT = os.path.join(REPO_ROOT, 'test-output', 'bench', 'load.json')
BUSY_SECONDS = 600       # the busy clusters' nodes "boot" this long
REQUEST_TIMEOUT = demo_client.TIMEOUT


class Recorder(object):
    def __init__(self):
        self.lock = threading.Lock()
        self.samples = {}
        self.errors = {}

    def add(self, page, seconds, error=None):
        with self.lock:
            self.samples.setdefault(page, []).append(seconds)
            if error:
                self.errors.setdefault(page, []).append(error)


def timed(recorder, page, call):
    started = time.monotonic()
    try:
        response = call()
        error = None
        if response.status_code >= 400:
            error = 'HTTP %d' % response.status_code
        elif 'Traceback' in response.text:
            error = 'traceback in the page'
    except requests.RequestException as exc:
        error = type(exc).__name__
    recorder.add(page, time.monotonic() - started, error)


def browse(session, base_url, clusters, busy_ids, deadline, recorder):
    rows_url = base_url + '/project/clusters/rows/'
    ajax = {'X-Requested-With': 'XMLHttpRequest'}
    while time.monotonic() < deadline:
        cluster_id = random.choice(clusters)
        detail = '%s/project/clusters/%s/' % (base_url, cluster_id)
        for page, call in (
                ('index', lambda: session.get(
                    base_url + '/project/clusters/',
                    timeout=REQUEST_TIMEOUT)),
                ('detail', lambda: session.get(
                    detail, timeout=REQUEST_TIMEOUT)),
                ('progress tab', lambda: session.get(
                    detail, params={'tab': 'cluster_details__progress'},
                    headers=ajax, timeout=REQUEST_TIMEOUT)),
                ('row refresh', lambda: session.get(
                    rows_url, params={'ids': ','.join(busy_ids)},
                    headers=ajax, timeout=REQUEST_TIMEOUT))):
            if time.monotonic() >= deadline:
                return
            timed(recorder, page, call)


def busy_clusters(magnum, template, count):
    ids = []
    for _ in range(count):
        cluster = magnum.clusters.create(
            name='load-%s' % uuid.uuid4().hex[:6],
            cluster_template_id=template, master_count=1, node_count=1,
            labels={'sandbox_boot_seconds': str(BUSY_SECONDS)},
            merge_labels=True)
        ids.append(cluster.uuid)
    return ids


def wait_listed(magnum, ids, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        listed = {c.uuid for c in magnum.clusters.list()}
        if set(ids) <= listed:
            return
        time.sleep(0.5)
    raise RuntimeError('Magnum did not list the new clusters')


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def report(recorder, users, seconds):
    rows = []
    print('%-14s %8s %7s %8s %8s' % ('page', 'requests', 'errors', 'p50 s',
                                     'p95 s'))
    for page, values in sorted(recorder.samples.items()):
        errors = recorder.errors.get(page, [])
        rows.append({'page': page, 'requests': len(values),
                     'errors': len(errors),
                     'p50': statistics.median(values),
                     'p95': percentile(values, 0.95),
                     'error_kinds': sorted(set(errors))})
        print('%-14s %8d %7d %8.2f %8.2f' % (
            page, len(values), len(errors), rows[-1]['p50'],
            rows[-1]['p95']))
    total = sum(row['requests'] for row in rows)
    failed = sum(row['errors'] for row in rows)
    print('%d users for %d s: %d requests, %d errors, %.1f requests/s'
          % (users, seconds, total, failed, total / float(seconds)))
    os.makedirs(os.path.dirname(OUTPUT), exist_ok=True)
    with open(OUTPUT, 'w') as out:
        json.dump({'users': users, 'seconds': seconds, 'pages': rows,
                   'requests': total, 'errors': failed}, out, indent=2)
    return failed


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--users', type=int, default=20)
    parser.add_argument('--seconds', type=int, default=45)
    parser.add_argument('--busy', type=int, default=5)
    args = parser.parse_args()
    args.seconds = min(args.seconds, 60)   # bounded, by design

    started_sandbox = not sandbox_api.is_up()
    endpoints = sandbox_api.ensure_up()
    demo_login = endpoints['logins']['demo']
    magnum = magnum_client.Client(
        '1', session=test_fixtures.login(endpoints, 'demo'),
        region_name=endpoints['region'])
    busy_ids = busy_clusters(magnum, endpoints['cluster_template'],
                             args.busy)
    dashboard = None
    try:
        wait_listed(magnum, busy_ids)
        dashboard = server.HorizonServer(
            endpoints['auth_url'], os.path.join(REPO_ROOT, '.demo'),
            port=demo_client.free_port()).start()
        sessions = [demo_client.login(dashboard.url, demo_login['username'],
                                     demo_login['password'])
                    for _ in range(args.users)]
        recorder = Recorder()
        deadline = time.monotonic() + args.seconds
        with concurrent.futures.ThreadPoolExecutor(args.users) as pool:
            users = [pool.submit(browse, session, dashboard.url, busy_ids,
                                 busy_ids, deadline, recorder)
                     for session in sessions]
            for user in users:
                user.result()   # a user's own crash is not hidden
        failed = report(recorder, args.users, args.seconds)
    finally:
        if dashboard:
            dashboard.stop()
        for ident in busy_ids:
            try:
                magnum.clusters.delete(ident)
            except Exception:  # already gone
                pass
        if started_sandbox:
            sandbox_api.down()
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
