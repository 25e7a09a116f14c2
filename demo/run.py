"""`make demo`: the sandbox cloud, seeded, and Horizon on 127.0.0.1:8000.

Ctrl-C (or `make demo-stop` from another terminal) stops what this started:
Horizon always, the sandbox only if it was not already running.
"""

import os
import signal
import subprocess
import sys
import time

from demo import server

REPO_ROOT = server.REPO_ROOT
STATE_DIR = os.environ.get('MAGNUM_UI_DEMO_DIR',
                           os.path.join(REPO_ROOT, '.demo'))
PID_FILE = os.path.join(STATE_DIR, 'demo.pid')


def _sandbox(command):
    subprocess.run([sys.executable, '-m', 'sandbox', command],
                   cwd=REPO_ROOT, check=True)


def _sandbox_running():
    from sandbox import api
    try:
        return api.is_up()
    except Exception:
        return False


def _print_banner(url, endpoints):
    logins = endpoints.get('logins', {})
    demo = logins.get('demo', {'username': 'demo', 'password': 'demo'})
    admin = logins.get('admin', {'username': 'admin', 'password': 'admin'})
    print('\n  magnum_ui demo is up: %s\n' % url)
    print('  user   %s / %s   (project demo)' % (demo['username'],
                                                 demo['password']))
    print('  admin  %s / %s   (project admin)' % (admin['username'],
                                                  admin['password']))
    print('  Keystone %s\n' % endpoints['auth_url'])
    print('  Ctrl-C or `make demo-stop` stops it.\n', flush=True)


def main():
    from sandbox import api
    os.makedirs(STATE_DIR, exist_ok=True)
    started_sandbox = not _sandbox_running()
    endpoints = api.ensure_up()
    port = int(os.environ.get('MAGNUM_UI_PORT', '8000'))
    dashboard = server.HorizonServer(endpoints['auth_url'], STATE_DIR,
                                     port=port)
    stopping = []

    def stop(*_args):
        stopping.append(True)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    with open(PID_FILE, 'w') as out:
        out.write('%d\n' % os.getpid())
    try:
        dashboard.start()
        _print_banner(dashboard.url, endpoints)
        while not stopping and dashboard.process.poll() is None:
            time.sleep(0.5)
        if not stopping:
            print('Horizon exited; see %s' % dashboard.log_path)
            return 1
        return 0
    finally:
        print('stopping the demo ...', flush=True)
        dashboard.stop()
        if started_sandbox:
            _sandbox('down')
        if os.path.exists(PID_FILE):
            os.remove(PID_FILE)


def stop_running_demo():
    """`make demo-stop`: signal the running demo; it stops what it started."""
    try:
        with open(PID_FILE) as source:
            pid = int(source.read().strip())
        os.kill(pid, signal.SIGTERM)
    except (OSError, ValueError):
        print('no demo is running')
        return 0
    for _ in range(120):
        try:
            os.kill(pid, 0)
        except OSError:
            print('demo stopped')
            return 0
        time.sleep(0.5)
    print('the demo (pid %d) did not stop within 60 s' % pid)
    return 1


if __name__ == '__main__':
    sys.exit(stop_running_demo() if sys.argv[1:] == ['stop'] else main())
