"""python -m sandbox up|down|status|reset"""
import argparse
import os
import sys
import time

from sandbox import control
from sandbox import process
from sandbox import state


def print_endpoints(endpoints):
    print('\nsandbox: state %s (port offset %d)' % (
        endpoints['state_dir'], endpoints['port_offset']))
    print('  auth_url  %s   region %s   domain Default' % (
        endpoints['auth_url'], endpoints['region']))
    for stype, url in sorted(endpoints['services'].items()):
        print('  %-16s %s' % (stype, url))
    print('  logins:   ' + ', '.join(
        '%s/%s (%s on %s)' % (v['username'], v['password'], v['role'],
                              v['project'])
        for v in endpoints['logins'].values()))
    print('  recorded in %s' % os.path.join(endpoints['state_dir'],
                                            'endpoints.json'))


def cmd_up(layout):
    t0 = time.monotonic()
    endpoints = control.up(layout)
    control.say('all services answer (%.1fs)' % (time.monotonic() - t0))
    print_endpoints(endpoints)


def cmd_status(layout):
    rows = control.status(layout)
    print('%-9s %8s  %-5s %9s %9s  %s' % ('service', 'pid', 'state',
                                          'RSS MiB', 'PSS MiB', 'address'))
    for name, pid, answers, rss, pss, url in rows:
        status = 'up' if answers else ('mute' if pid else 'down')
        print('%-9s %8s  %-5s %9.0f %9.0f  %s' % (
            name, pid or '-', status, rss, pss, url))
    print('%-9s %8s  %-5s %9.0f %9.0f' % (
        'total', '', '', sum(r[3] for r in rows), sum(r[4] for r in rows)))
    return 0


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog='python -m sandbox',
        description='Local OpenStack control plane for magnum_ui '
                    '(state: $%s or .sandbox/, port offset: $%s).'
                    % (state.DIR_ENV, state.OFFSET_ENV))
    parser.add_argument('command', choices=('up', 'down', 'status', 'reset'))
    args = parser.parse_args(argv)
    # Only `up` insists on the requested port offset; the others act on
    # whatever the state dir recorded.
    layout = state.Layout(strict=args.command == 'up')
    try:
        if args.command == 'up':
            cmd_up(layout)
        elif args.command == 'down':
            control.down(layout)
        elif args.command == 'status':
            return cmd_status(layout)
        else:
            control.reset(layout)
    except process.StartError as exc:
        sys.stderr.write(exc.report())
        return 1
    except KeyboardInterrupt:
        sys.stderr.write('sandbox: interrupted\n')
        return 130
    return 0
