"""Serve an OpenStack WSGI module in one threaded process (Nova, Neutron).

    python -m sandbox.launch.wsgi_app NAME MODULE:APP PORT THREADS

The WSGI module reads its configuration location from its environment
(``OS_NOVA_CONFIG_DIR``/``OS_NOVA_CONFIG_FILES``,
``OS_NEUTRON_CONFIG_DIR``/``OS_NEUTRON_CONFIG_FILES``) and parses
``sys.argv`` at import, so argv is reduced to the program name first.
"""
import importlib
import sys


def main(argv):
    name, app_uri, port, threads = argv[1:5]
    sys.argv = [name]
    from sandbox.launch import server
    module, _, attr = app_uri.partition(':')
    app = getattr(importlib.import_module(module), attr or 'application')
    server.serve(app, int(port), int(threads))


if __name__ == '__main__':
    main(sys.argv)
