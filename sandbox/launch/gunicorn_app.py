"""Serve an OpenStack WSGI module with gunicorn (Keystone, Glance).

    python -m sandbox.launch.gunicorn_app NAME MODULE:APP PORT WORKERS THREADS

The service's WSGI module parses ``sys.argv`` when it is imported (oslo.config
reads ``--config-file`` & co. from it), so gunicorn's own arguments must not
be visible there: we configure gunicorn programmatically and reset
``sys.argv`` to the program name before the workers import the app.
Configuration reaches the service through its environment variables
(``OS_KEYSTONE_CONFIG_FILES``, ``OS_GLANCE_CONFIG_DIR``).
"""
import sys

from gunicorn.app import base
from gunicorn import util


class Application(base.BaseApplication):

    def __init__(self, name, app_uri, options):
        self.name = name
        self.app_uri = app_uri
        self.options = options
        super().__init__()

    def load_config(self):
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        sys.argv = [self.name]
        return util.import_app(self.app_uri)


def main(argv):
    name, app_uri, port, workers, threads = argv[1:6]
    sys.argv = [name]
    options = {
        'bind': '127.0.0.1:%d' % int(port),
        'workers': int(workers),
        # Threads let one worker overlap requests that wait on the database
        # or on another service; the workers give CPU parallelism.
        'worker_class': 'gthread',
        'threads': int(threads),
        # A cold first request (policy, catalog, DB pool) can be slow on a
        # busy 2-core machine; never kill a worker for that.
        'timeout': 300,
        'graceful_timeout': 5,
        'keepalive': 5,
        'backlog': 512,
        'proc_name': 'sandbox-' + name,
        'errorlog': '-',
        'loglevel': 'info',
        'capture_output': False,
    }
    Application(name, app_uri, options).run()


if __name__ == '__main__':
    main(sys.argv)
