"""Heat: API + engine in one process, MariaDB, fake:// RPC."""
import os
import secrets

from sandbox.services import base

THREADS = 16


class Heat(base.Service):
    name = 'heat'

    @property
    def conf(self):
        return os.path.join(self.etc, 'heat.conf')

    def auth_encryption_key(self):
        """32 characters, generated once: it encrypts stored credentials."""
        path = os.path.join(self.data, 'auth_encryption_key')
        if not os.path.exists(path):
            os.makedirs(self.data, exist_ok=True)
            with open(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600),
                      'w') as f:
                f.write(secrets.token_hex(16))
        with open(path) as f:
            return f.read().strip()

    def render(self):
        self.render_template(
            'heat.conf.tmpl', 'heat.conf',
            auth_encryption_key=self.auth_encryption_key(),
            environment_dir=base.venv_etc('heat', 'environment.d'),
            template_dir=base.venv_etc('heat', 'templates'),
            paste_ini=base.venv_etc('heat', 'api-paste.ini'),
            keystone_root=self.layout.url('keystone'))

    def setup_steps(self):
        return [[base.venv_tool('heat-manage'), '--config-file', self.conf,
                 'db_sync']]

    def command(self):
        return [base.PYTHON, '-m', 'sandbox.launch.heat', self.conf,
                str(self.port), str(THREADS)]
