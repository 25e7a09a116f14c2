"""Keystone: gunicorn, two workers, MariaDB, Fernet tokens."""
import grp
import os
import pwd

from sandbox.services import base
from sandbox import state

# More than one process: a single Keystone worker saturated one core under
# 40 parallel clusters (every API call of every service validates a token
# or logs in) and made every call slow.  Two workers use both cores; the
# threads overlap requests waiting on MariaDB.
WORKERS = 2
THREADS = 4


class Keystone(base.Service):
    name = 'keystone'
    health_path = '/v3'
    setup_nice = 0

    @property
    def conf(self):
        return os.path.join(self.etc, 'keystone.conf')

    def render(self):
        self.render_template('keystone.conf.tmpl', 'keystone.conf')

    def setup_steps(self):
        user = pwd.getpwuid(os.getuid()).pw_name
        group = grp.getgrgid(os.getgid()).gr_name
        owner = ('--keystone-user', user, '--keystone-group', group)
        layout = self.layout
        admin = state.LOGINS['admin']
        # keystone-manage db_sync, fernet/credential/receipt_setup and
        # bootstrap, in one interpreter (sandbox/setup/keystone.py).
        return [[
            base.PYTHON, '-m', 'sandbox.setup.keystone', self.conf,
            '--', 'db_sync',
            '--', 'fernet_setup', *owner,
            '--', 'credential_setup', *owner,
            '--', 'receipt_setup', *owner,
            '--', 'bootstrap', '--bootstrap-username', admin['username'],
            '--bootstrap-password', admin['password'],
            '--bootstrap-project-name', admin['project'],
            '--bootstrap-role-name', 'admin',
            '--bootstrap-service-name', 'keystone',
            '--bootstrap-region-id', state.REGION,
            '--bootstrap-admin-url', layout.auth_url,
            '--bootstrap-internal-url', layout.auth_url,
            '--bootstrap-public-url', layout.auth_url]]

    def environ(self):
        return {'OS_KEYSTONE_CONFIG_FILES': self.conf}

    def command(self):
        return [base.PYTHON, '-m', 'sandbox.launch.gunicorn_app', self.name,
                'keystone.wsgi.api:application', str(self.port),
                str(WORKERS), str(THREADS)]
