"""Start and stop the demo Horizon (gunicorn on 127.0.0.1) for demo and e2e.

``prepare`` collects and compresses static files (needed once after template
or SCSS changes); ``HorizonServer`` runs gunicorn with several workers, as
Horizon runs in production, and waits until the login page answers.
"""

import os
import signal
import subprocess
import sys
import time
import urllib.request

from sandbox import process

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VENV_BIN = os.path.dirname(sys.executable)


def environment(keystone_url, state_dir):
    env = dict(os.environ)
    env.update({
        'DJANGO_SETTINGS_MODULE': 'demo.settings',
        'MAGNUM_UI_KEYSTONE_URL': keystone_url,
        'MAGNUM_UI_DEMO_DIR': state_dir,
        'PYTHONPATH': os.pathsep.join(
            p for p in (REPO_ROOT, env.get('PYTHONPATH')) if p),
    })
    return env


def _stamp_is_fresh(stamp):
    """True when no template, static or settings file changed since stamp."""
    if not os.path.exists(stamp):
        return False
    built = os.path.getmtime(stamp)
    for top in ('magnum_ui', 'demo', 'enabled'):
        for folder, _dirs, files in os.walk(os.path.join(REPO_ROOT, top)):
            for name in files:
                if os.path.getmtime(os.path.join(folder, name)) > built:
                    return False
    return True


def prepare(keystone_url, state_dir, log=print):
    """collectstatic + compress, skipped when nothing changed since."""
    os.makedirs(state_dir, exist_ok=True)
    # Test processes side by side start a Horizon each: one builds.
    with process.exclusive(os.path.join(state_dir, '.static.lock')):
        _build_static(keystone_url, state_dir, log)


def _build_static(keystone_url, state_dir, log):
    stamp = os.path.join(state_dir, '.static-built')
    if _stamp_is_fresh(stamp):
        return
    env = environment(keystone_url, state_dir)
    admin = os.path.join(VENV_BIN, 'django-admin')
    started = time.monotonic()
    for command in (['collectstatic', '--noinput', '-v0'],
                    ['compress', '--force', '-v0']):
        subprocess.run([admin] + command, env=env, cwd=REPO_ROOT, check=True)
    with open(stamp, 'w') as out:
        out.write('%.1f s\n' % (time.monotonic() - started))
    log('dashboard static files built in %.1f s'
        % (time.monotonic() - started))


class HorizonServer(object):
    # Threads per worker: requests waiting on a hung backend (up to
    # MAGNUM_UI_API_TIMEOUT each) must leave threads for everyone else.
    THREADS = 8

    def __init__(self, keystone_url, state_dir, port=8000, workers=2):
        self.keystone_url = keystone_url
        self.state_dir = state_dir
        self.port = port
        self.workers = workers
        self.process = None
        self.url = 'http://127.0.0.1:%d' % port
        self.log_path = os.path.join(state_dir, 'horizon.log')

    def start(self, timeout=60):
        prepare(self.keystone_url, self.state_dir)
        log = open(self.log_path, 'ab')
        self.process = subprocess.Popen(
            [os.path.join(VENV_BIN, 'gunicorn'),
             '--bind', '127.0.0.1:%d' % self.port,
             '--workers', str(self.workers), '--threads', str(self.THREADS),
             '--timeout', '120', '--log-level', 'warning',
             'demo.wsgi:application'],
            env=environment(self.keystone_url, self.state_dir),
            cwd=REPO_ROOT, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True)
        self._wait(timeout)
        return self

    def _wait(self, timeout):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError('Horizon exited; see %s' % self.log_path)
            try:
                with urllib.request.urlopen(self.url + '/auth/login/',
                                            timeout=5) as response:
                    if response.status == 200:
                        return
            except OSError:
                pass
            time.sleep(0.3)
        self.stop()
        raise RuntimeError('Horizon did not answer within %d s; see %s'
                           % (timeout, self.log_path))

    def stop(self):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.process = None
