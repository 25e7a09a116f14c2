"""Sandbox start-up figures: cold start, restart, memory.

Runs a private sandbox (its own temporary state dir and port offset, so a
running sandbox is not disturbed): `python -m sandbox up` from nothing,
then `down` + `up` again, and reports wall-clock seconds and the memory of
every service process.  Stops and removes what it started.

    .venv/bin/python bench/sandbox_start.py [--offset N] [--keep-dir]

Goals: cold start <= 60 s, restart <= 10 s, RSS total <= 1.5 GiB.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, REPO)

from sandbox import control  # noqa: E402
from sandbox import state  # noqa: E402

GOALS = {'cold': 60.0, 'restart': 10.0, 'rss': 1536.0}


def cli(command, env):
    """Run `python -m sandbox COMMAND`; return (seconds, output)."""
    start = time.monotonic()
    proc = subprocess.run([sys.executable, '-m', 'sandbox', command],
                          cwd=REPO, env=env, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True)
    seconds = time.monotonic() - start
    if proc.returncode != 0:
        raise SystemExit('sandbox %s failed (%d):\n%s'
                         % (command, proc.returncode, proc.stdout))
    return seconds, proc.stdout


def memory(layout):
    rows = control.status(layout)
    return rows, sum(r[3] for r in rows), sum(r[4] for r in rows)


def verdict(value, goal):
    return 'goal <= %g: %s' % (goal, 'met' if value <= goal else 'MISSED')


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--offset', type=int, default=int(os.environ.get(
        'MAGNUM_UI_BENCH_PORT_OFFSET', '500')))
    parser.add_argument('--keep-dir', action='store_true',
                        help='leave the state dir (logs) behind')
    args = parser.parse_args()
    root = tempfile.mkdtemp(prefix='magnum-ui-sandbox-bench-')
    env = dict(os.environ)
    env[state.DIR_ENV] = root
    env[state.OFFSET_ENV] = str(args.offset)
    layout = state.Layout(root, args.offset)
    print('state dir %s, port offset %d, %d CPUs, load average %s'
          % (root, args.offset, os.cpu_count(),
             open('/proc/loadavg').read().split()[0]), flush=True)
    try:
        cold, output = cli('up', env)
        phases = [line for line in output.splitlines()
                  if line.startswith('sandbox:') and '(' in line]
        rows, rss, pss = memory(layout)
        down, _ = cli('down', env)
        restart, _ = cli('up', env)
        _, rss_restart, _ = memory(layout)
    finally:
        subprocess.run([sys.executable, '-m', 'sandbox', 'down'], cwd=REPO,
                       env=env, stdout=subprocess.DEVNULL)
        if not args.keep_dir:
            shutil.rmtree(root, ignore_errors=True)

    print('\n'.join('  ' + line for line in phases))
    print('\n%-9s %8s %8s' % ('process', 'RSS MiB', 'PSS MiB'))
    for name, _, _, r, p, _ in rows:
        print('%-9s %8.0f %8.0f' % (name, r, p))
    print('\ncold start (nothing initialised -> seeded, all APIs answer): '
          '%5.1f s   (%s)' % (cold, verdict(cold, GOALS['cold'])))
    print('down:                                                       '
          '%5.1f s' % down)
    print('restart (down, then up):                                    '
          '%5.1f s   (%s)' % (restart, verdict(restart, GOALS['restart'])))
    print('RSS total after cold start:                              '
          '%6.0f MiB (%s; PSS %.0f MiB; after restart %.0f MiB)'
          % (rss, verdict(rss, GOALS['rss']), pss, rss_restart))
    return 0


if __name__ == '__main__':
    sys.exit(main())
