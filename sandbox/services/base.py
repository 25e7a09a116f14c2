"""What every sandbox service has: configs, one-time setup, a launcher."""
import abc
import os
import sys

from sandbox import mariadb
from sandbox import process
from sandbox import render
from sandbox import state

PYTHON = sys.executable
VENV_BIN = os.path.dirname(PYTHON)
# Data files the service packages install into the environment (paste
# pipelines, Heat's environment.d) -- pinned with the packages themselves.
VENV_ETC = os.path.join(sys.prefix, 'etc')


def venv_tool(name):
    return os.path.join(VENV_BIN, name)


def venv_etc(*parts):
    path = os.path.join(VENV_ETC, *parts)
    if not os.path.exists(path):
        raise process.StartError(parts[0], 'missing %s (is the service '
                                 'package installed in %s?)'
                                 % (path, sys.prefix))
    return path


class Service(metaclass=abc.ABCMeta):
    name = None
    # Path answered without a token once the API is up.
    health_path = '/'
    uses_mariadb = True
    # CPU priority of the one-time setup: Keystone's setup is on everyone's
    # critical path (nothing can be seeded before it answers), the others
    # yield to it on a 2-core machine.
    setup_nice = 10

    def __init__(self, layout):
        self.layout = layout

    # --- locations ---------------------------------------------------------
    @property
    def port(self):
        return self.layout.port(self.name)

    @property
    def url(self):
        return self.layout.url(self.name)

    @property
    def etc(self):
        return os.path.join(self.layout.etc, self.name)

    @property
    def data(self):
        return os.path.join(self.layout.data, self.name)

    @property
    def log(self):
        return self.layout.log_file(self.name)

    @property
    def setup_log(self):
        return self.layout.log_file(self.name + '-setup')

    def db_url(self, database=None):
        return mariadb.url(self.layout, database or self.name)

    def common_values(self):
        """Template values shared by every service config."""
        layout = self.layout
        return {
            'auth_url': layout.auth_url,
            'www_authenticate_uri': layout.auth_url,
            'region': state.REGION,
            'service_project': state.SERVICE_PROJECT,
            'service_password': state.SERVICE_PASSWORD,
            'service_user': self.name,
            'port': self.port,
            'data': self.data,
            'etc': self.etc,
            'db_url': self.db_url() if self.uses_mariadb else '',
        }

    # --- to implement ------------------------------------------------------
    @abc.abstractmethod
    def render(self):
        """Write the config files (every start: they follow the code)."""

    def setup_steps(self):
        """Commands (argv lists) run once, in order, on first start."""
        return []

    @abc.abstractmethod
    def command(self):
        """The argv that runs the service."""

    def environ(self):
        return {}

    # --- shared behaviour ----------------------------------------------------
    def render_template(self, template, filename, **values):
        merged = self.common_values()
        merged.update(values)
        return render.render(template, os.path.join(self.etc, filename),
                             **merged)

    def env(self):
        env = dict(os.environ)
        # Keep the services away from the caller's cloud settings.
        for key in list(env):
            if key.startswith('OS_'):
                del env[key]
        # The launchers are modules of this package; the driver is this
        # checkout's (ahead of an editable install made from another one).
        env['PYTHONPATH'] = os.pathsep.join(
            p for p in (state.REPO_ROOT,
                        os.path.join(state.REPO_ROOT, 'sandbox', 'driver'),
                        env.get('PYTHONPATH')) if p)
        # Threaded services: without a cap glibc gives busy threads their own
        # malloc arenas, and Heat's RSS grew by hundreds of MiB under load.
        env.setdefault('MALLOC_ARENA_MAX', '2')
        env.update(self.environ())
        return env

    def setup_once(self):
        """Run setup_steps unless a previous run completed them."""
        stamp = self.layout.stamp(self.name)
        if os.path.exists(stamp):
            return False
        os.makedirs(self.data, exist_ok=True)
        for argv in self.setup_steps():
            process.run(self.name, argv, self.setup_log, env=self.env(),
                        nice=self.setup_nice)
        open(stamp, 'w').close()
        return True

    def pid(self):
        return process.read_pid(self.layout.pid_file(self.name))

    def start(self):
        """Spawn the service (if not running); return Popen or pid."""
        pid = self.pid()
        if pid:
            return pid
        if process.port_in_use(state.HOST, self.port):
            raise process.StartError(
                self.name, 'port %d is already in use by another program '
                '(another sandbox? set %s to move this one)'
                % (self.port, state.OFFSET_ENV))
        os.makedirs(self.data, exist_ok=True)
        return process.spawn(self.name, self.command(), self.log,
                             self.layout.pid_file(self.name), env=self.env(),
                             cwd=self.data)

    def wait(self, proc, timeout=120.0):
        process.wait_http(self.name, self.url + self.health_path, proc,
                          self.log, timeout=timeout)

    def stop(self):
        return process.stop(self.layout.pid_file(self.name))
