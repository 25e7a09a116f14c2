"""Upstream magnum-ui 19.0.0 (AngularJS) beside ours, on the same sandbox.

    .venv/bin/python bench/upstream.py [--repeat N] [--create N]

Installs upstream into its own venv (``.bench/upstream-venv``, once, about
3 min), serves it with gunicorn like demo/server.py serves ours, and prints,
for the clusters the ``demo`` project has now (``--create`` N of them, 3 by
default, deleted afterwards, when it has none): upstream's REST list time,
and the time from navigation start to every cluster row drawn in headless
Chromium (bench/browser_timing.py) for upstream and for ours.  Stops
whatever it started (the sandbox only if it started it).  The sandbox is
the one MAGNUM_UI_SANDBOX_DIR / MAGNUM_UI_SANDBOX_PORT_OFFSET select.
"""

import os
import statistics
import subprocess
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if REPO not in sys.path:
    sys.path.insert(0, REPO)

from demo.client import free_port  # noqa: E402
from demo.client import login  # noqa: E402
from demo.server import HorizonServer  # noqa: E402

BENCH_DIR = os.path.join(REPO, '.bench')
VENV = os.path.join(BENCH_DIR, 'upstream-venv')
STATE_DIR = os.path.join(BENCH_DIR, 'upstream-state')
FILES = os.path.join('bench', 'upstream_files')
# magnum-ui 19 breaks with python-magnumclient 5.0 (every call fails).
REQUIREMENTS = ('horizon==27.0.0', 'magnum-ui==19.0.0',
                'python-magnumclient==4.11.0', 'gunicorn')
TIMEOUT = 60
UPSTREAM_ROWS = 'hz-resource-table tbody tr[ng-repeat-start]'
OURS_ROWS = '#clusters tbody tr[data-object-id]'


def ensure_venv(log=print):
    """Create .bench/upstream-venv with upstream magnum-ui; once (a stamp)."""
    stamp = os.path.join(VENV, '.installed')
    wanted = '\n'.join(REQUIREMENTS) + '\n'
    if _read(stamp) == wanted:
        return VENV
    started = time.monotonic()
    python = os.path.join(VENV, 'bin', 'python')
    if not os.path.exists(python):
        subprocess.run([os.environ.get('MAGNUM_UI_BENCH_PYTHON', 'python3'),
                        '-m', 'venv', VENV], check=True)
    subprocess.run([python, '-m', 'pip', 'install', '-q',
                    '--disable-pip-version-check'] + list(REQUIREMENTS),
                   check=True)
    _write(stamp, wanted)
    log('upstream venv installed in %.1f s' % (time.monotonic() - started))
    return VENV


def _read(path):
    if os.path.exists(path):
        with open(path) as f:
            return f.read()
    return None


def _write(path, text):
    """Write text unless the file holds it already; True if it changed."""
    if _read(path) == text:
        return False
    with open(path, 'w') as f:
        f.write(text)
    return True


class UpstreamHorizon(HorizonServer):
    """Upstream magnum-ui in Horizon, served by gunicorn on 127.0.0.1.

    demo/server.py's HorizonServer (its wait for the login page, its stop of
    the process group) running the upstream venv's gunicorn and settings.
    """

    def __init__(self, keystone_url, port, state_dir=STATE_DIR, workers=2):
        os.makedirs(state_dir, exist_ok=True)
        super().__init__(keystone_url, state_dir, port, workers)

    def _env(self):
        env = dict(os.environ)
        env.pop('PYTHONPATH', None)  # our magnum_ui must not shadow theirs
        env.update({'DJANGO_SETTINGS_MODULE': 'upstream_settings',
                    'UPSTREAM_KEYSTONE_URL': self.keystone_url,
                    'PYTHONPATH': self.state_dir})
        return env

    def prepare(self, log=print):
        """Write the settings; collectstatic + compress when they changed."""
        os.makedirs(self.state_dir, exist_ok=True)
        copies = {'bench_horizon_base.py': ('demo', 'horizon_base.py'),
                  'upstream_settings.py': (FILES, 'upstream_settings.py'),
                  'upstream_wsgi.py': (FILES, 'upstream_wsgi.py')}
        changed = False
        for name, source in sorted(copies.items()):
            with open(os.path.join(REPO, *source)) as f:
                changed |= _write(os.path.join(self.state_dir, name),
                                  f.read())
        stamp = os.path.join(self.state_dir, '.static-built')
        installed = os.path.join(VENV, '.installed')
        if (not changed and os.path.exists(stamp) and
                os.path.getmtime(stamp) > os.path.getmtime(installed)):
            return
        if os.path.exists(stamp):
            os.unlink(stamp)
        started = time.monotonic()
        admin = os.path.join(VENV, 'bin', 'django-admin')
        for command in (['collectstatic', '--noinput', '-v0'],
                        ['compress', '--force', '-v0']):
            subprocess.run([admin] + command, env=self._env(),
                           cwd=self.state_dir, check=True)
        _write(stamp, '%.1f s\n' % (time.monotonic() - started))
        log('upstream static files built in %.1f s'
            % (time.monotonic() - started))

    def start(self, timeout=TIMEOUT):
        self.prepare()
        log = open(self.log_path, 'ab')
        self.process = subprocess.Popen(
            [os.path.join(VENV, 'bin', 'gunicorn'),
             '--bind', '127.0.0.1:%d' % self.port,
             '--workers', str(self.workers), '--threads', '4',
             '--timeout', '120', '--log-level', 'warning',
             'upstream_wsgi:application'],
            env=self._env(), cwd=self.state_dir, stdout=log,
            stderr=subprocess.STDOUT, start_new_session=True)
        log.close()
        self._wait(timeout)
        return self


def rest_list_seconds(session, base_url, repeat=5, expected_rows=None):
    """Median seconds of upstream's REST cluster list (as its JS calls it)."""
    headers = {'X-CSRFToken': session.cookies.get('csrftoken', ''),
               'X-Requested-With': 'XMLHttpRequest',
               'Accept': 'application/json',
               'Referer': base_url + '/project/clusters/'}
    times = []
    for _ in range(repeat):
        started = time.monotonic()
        answer = session.get(base_url + '/api/container_infra/clusters/',
                             headers=headers, timeout=TIMEOUT)
        times.append(time.monotonic() - started)
        if answer.status_code != 200:
            raise RuntimeError('REST list answered %d: %s'
                               % (answer.status_code, answer.text[:300]))
        items = answer.json()['items']
        if expected_rows is not None and len(items) != expected_rows:
            raise RuntimeError('REST list has %d clusters, expected %d'
                               % (len(items), expected_rows))
    return statistics.median(times)


def _magnum(endpoints, who='demo'):
    from magnumclient import client as magnum_client
    from tests import conftest as test_fixtures
    return magnum_client.Client('1',
                                session=test_fixtures.login(endpoints, who),
                                region_name=endpoints['region'])


def create_clusters(mc, endpoints, count, timeout=TIMEOUT):
    """Create ``count`` small clusters; their uuids once all are listed."""
    tag = 'bench-%d' % os.getpid()
    uuids = [mc.clusters.create(
        name='%s-%d' % (tag, n), master_count=1, node_count=1,
        cluster_template_id=endpoints['cluster_template'],
        keypair=endpoints['keypairs']['demo']).uuid for n in range(count)]
    deadline = time.monotonic() + timeout
    while not set(uuids) <= {c.uuid for c in mc.clusters.list()}:
        if time.monotonic() > deadline:
            raise RuntimeError('created clusters not listed after %d s'
                               % timeout)
        time.sleep(1)
    return uuids


def delete_clusters(mc, uuids, timeout=180):
    for uuid in uuids:
        mc.clusters.delete(uuid)
    deadline = time.monotonic() + timeout
    while set(uuids) & {c.uuid for c in mc.clusters.list()}:
        if time.monotonic() > deadline:
            print('clusters still listed after %d s: %s' % (timeout, uuids))
            return
        time.sleep(2)


def main(argv=None):
    import argparse
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--repeat', type=int, default=5)
    parser.add_argument('--create', type=int, default=3, metavar='N',
                        help='clusters to create (and delete afterwards) '
                        'when the demo project has none; 0: none')
    args = parser.parse_args(argv)
    from bench.browser_timing import navigation_seconds
    from sandbox import api

    started_sandbox = not api.is_up()
    endpoints = api.ensure_up()
    keystone, demo = endpoints['auth_url'], endpoints['logins']['demo']
    user, password = demo['username'], demo['password']
    mc, created, servers = _magnum(endpoints), [], []
    try:
        ensure_venv()
        if not mc.clusters.list() and args.create:
            created = create_clusters(mc, endpoints, args.create)
        rows = len(mc.clusters.list())
        theirs = UpstreamHorizon(keystone, free_port())
        servers.append(theirs.start())
        ours = HorizonServer(keystone, os.path.join(BENCH_DIR, 'demo-state'),
                             free_port())
        servers.append(ours.start())
        print('clusters in the demo project: %d; median of %d runs'
              % (rows, args.repeat))
        if not rows:
            print('no clusters: the figures below are to the first frame')
        rest = rest_list_seconds(login(theirs.url, user, password),
                                 theirs.url, args.repeat, rows)
        print('upstream REST list (/api/container_infra/clusters/): %.3f s'
              % rest)
        figures = {}
        for name, server, selector in (('upstream', theirs, UPSTREAM_ROWS),
                                       ('ours', ours, OURS_ROWS)):
            details = []
            figures[name] = navigation_seconds(
                server.url, user, password, '/project/clusters/', selector,
                rows, repeat=args.repeat, details=details)
            print('%-8s navigation -> %d rows drawn: %.3f s  (runs: %s)'
                  % (name, rows, figures[name],
                     ' '.join('%.3f' % d for d in details)))
        print('ratio ours/upstream: %.2f'
              % (figures['ours'] / figures['upstream']))
    finally:
        for server in reversed(servers):
            server.stop()
        if created:
            delete_clusters(mc, created)
        if started_sandbox:
            api.down()
    return 0


if __name__ == '__main__':
    sys.exit(main())
