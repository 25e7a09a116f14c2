"""python -m sandbox.faultproxy restore | serve --upstream URL"""

import argparse
import os
import sys

from sandbox.faultproxy.catalogue import INTERFACE
from sandbox.faultproxy.catalogue import restore
from sandbox.faultproxy.proxy import FaultProxy


def main(argv=None):
    """python -m sandbox.faultproxy restore | serve --upstream URL"""
    parser = argparse.ArgumentParser(prog='python -m sandbox.faultproxy')
    sub = parser.add_subparsers(dest='command', required=True)
    sub.add_parser('restore', help='put the internal catalogue URLs of '
                   'container-infra and orchestration back (endpoints.json)')
    serve = sub.add_parser('serve', help='run one proxy in the foreground; '
                           'type a mode (pass, refuse, hang, status:503, '
                           'malformed) on stdin to switch')
    serve.add_argument('--upstream', required=True)
    serve.add_argument('--port', type=int, default=0)
    serve.add_argument('--flavour', default='magnum',
                       choices=('magnum', 'heat'))
    args = parser.parse_args(argv)
    if args.command == 'restore':
        from keystoneauth1.identity import v3
        from keystoneauth1 import session as ks_session

        from sandbox import api
        ep = api.endpoints()
        info = ep['logins']['admin']
        session = ks_session.Session(auth=v3.Password(
            auth_url=ep['auth_url'], username=info['username'],
            password=info['password'], project_name=info['project'],
            user_domain_name=ep['user_domain_name'],
            project_domain_name=ep['project_domain_name']))
        old = restore(session, ep['auth_url'], ep['services'])
        for stype, url in sorted(old.items()):
            print('%s %s: %s -> %s' % (stype, INTERFACE, url,
                                       ep['services'][stype]))
        return 0
    proxy = FaultProxy(args.upstream, args.flavour, port=args.port).start()
    print('faultproxy %s -> %s (mode pass)' % (proxy.url, args.upstream))
    sys.stdout.flush()
    try:
        for line in sys.stdin:
            line = line.strip()
            if line:
                try:
                    proxy.set(line)
                    print('mode %s' % proxy.mode)
                except ValueError as exc:
                    print(exc)
                sys.stdout.flush()
    except KeyboardInterrupt:
        pass
    finally:
        proxy.stop()
    return 0


if __name__ == '__main__':
    os.environ.setdefault('PYTHONUNBUFFERED', '1')
    sys.exit(main())
