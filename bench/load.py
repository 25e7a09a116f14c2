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

import requests

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, REPO_ROOT)

from bench import busy_cloud  # noqa: E402
from demo import client as demo_client  # noqa: E402

OUTPUT = os.path.join(REPO_ROOT, 'test-output', 'bench', 'load.json')
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

    with busy_cloud.busy_cloud(args.busy, 'load') as cloud:
        login = cloud.endpoints['logins']['demo']
        base = cloud.dashboard.url
        sessions = [demo_client.login(base, login['username'],
                                      login['password'])
                    for _ in range(args.users)]
        recorder = Recorder()
        deadline = time.monotonic() + args.seconds
        with concurrent.futures.ThreadPoolExecutor(args.users) as pool:
            users = [pool.submit(browse, session, base, cloud.busy,
                                 cloud.busy, deadline, recorder)
                     for session in sessions]
            for user in users:
                user.result()   # a user's own crash is not hidden
        failed = report(recorder, args.users, args.seconds)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
