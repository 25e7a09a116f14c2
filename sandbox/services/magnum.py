"""Magnum: API + conductor + periodic tasks in one process, MariaDB."""
from importlib import metadata
import os

from sandbox import process
from sandbox.services import base
from sandbox import state

THREADS = 16
DRIVER = 'k8s_sandbox'
SYNC_SECONDS = 10   # Magnum's own status sync interval


def driver_installed():
    """Whether the sandbox's Magnum driver (sandbox/driver) is installed."""
    return any(ep.name == DRIVER
               for ep in metadata.entry_points(group='magnum.drivers'))


def sync_seconds():
    """Seconds between status sync rounds: $MAGNUM_UI_SANDBOX_SYNC_SECONDS
    or Magnum's own 10.
    """
    raw = os.environ.get(state.SYNC_ENV, '').strip() or str(SYNC_SECONDS)
    if not raw.isdigit() or not 1 <= int(raw) <= SYNC_SECONDS:
        raise process.StartError('magnum', '%s=%s: give 1 to %d seconds'
                                 % (state.SYNC_ENV, raw, SYNC_SECONDS))
    return int(raw)


class Magnum(base.Service):
    name = 'magnum'

    @property
    def conf(self):
        return os.path.join(self.etc, 'magnum.conf')

    def render(self):
        # Name the driver only when it is installed: a default_driver that
        # is not registered makes every template create fail.
        line = ('default_driver = %s' % DRIVER if driver_installed()
                else '# default_driver: %s is not installed' % DRIVER)
        self.render_template(
            'magnum.conf.tmpl', 'magnum.conf',
            paste_ini=base.venv_etc('magnum', 'api-paste.ini'),
            default_driver_line=line, sync_seconds=sync_seconds())

    def setup_steps(self):
        return [[base.venv_tool('magnum-db-manage'), '--config-file',
                 self.conf, 'upgrade']]

    def command(self):
        return [base.PYTHON, '-m', 'sandbox.launch.magnum', self.conf,
                str(self.port), str(THREADS)]
