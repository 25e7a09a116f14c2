"""The Horizon under test and the limits its answers are judged by.

The demo Horizon (gunicorn, demo settings) with ``tests.integration.faults.
settings`` on top: short Magnum/Heat timeouts and the internal catalogue
interface, which sandbox.faultproxy points at the proxies (see its
docstring).
"""

import os
import socket
import subprocess

from demo import server

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.dirname(os.path.abspath(__file__)))))
SETTINGS = 'tests.integration.faults.settings'

API_TIMEOUT = 3.0           # MAGNUM_UI_API_TIMEOUT of the Horizon under test
VERSION_TIMEOUT = 2.0       # MAGNUM_UI_VERSION_TIMEOUT
# MAGNUM_UI_VERSION_FAILURE_TTL and MAGNUM_UI_BACKEND_FAILURE_TTL (breaker)
FAILURE_TTL = 3.0
ANSWER_LIMIT = API_TIMEOUT + 5   # seconds one answer of the dashboard may take
FAST_LIMIT = 3.0            # a page that does not need the faulty service


class FaultHorizon(server.HorizonServer):
    """The demo Horizon with the fault settings and its own log file."""

    def __init__(self, keystone_url, state_dir, port, workers=2, threads=8):
        super().__init__(keystone_url, state_dir, port=port, workers=workers)
        self.threads = threads
        self.log_path = os.path.join(state_dir, 'horizon-faults.log')

    def start(self, timeout=90):
        server.prepare(self.keystone_url, self.state_dir)
        env = server.environment(self.keystone_url, self.state_dir)
        env.update({
            'DJANGO_SETTINGS_MODULE': SETTINGS,
            'MAGNUM_UI_API_TIMEOUT': str(API_TIMEOUT),
            'MAGNUM_UI_VERSION_TIMEOUT': str(VERSION_TIMEOUT),
            'MAGNUM_UI_VERSION_FAILURE_TTL': str(FAILURE_TTL),
            'MAGNUM_UI_BACKEND_FAILURE_TTL': str(FAILURE_TTL),
        })
        log = open(self.log_path, 'ab')
        self.process = subprocess.Popen(
            [os.path.join(server.VENV_BIN, 'gunicorn'),
             '--bind', '127.0.0.1:%d' % self.port,
             '--workers', str(self.workers), '--threads', str(self.threads),
             '--timeout', '120', '--log-level', 'warning',
             'demo.wsgi:application'],
            env=env, cwd=REPO_ROOT, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True)
        self._wait(timeout)
        return self

    def log_size(self):
        try:
            return os.path.getsize(self.log_path)
        except OSError:
            return 0

    def log_since(self, offset):
        with open(self.log_path, 'rb') as log:
            log.seek(offset)
            return log.read().decode('utf-8', 'replace')


def free_port():
    with socket.socket() as sock:
        sock.bind(('127.0.0.1', 0))
        return sock.getsockname()[1]
