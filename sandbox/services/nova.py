"""Nova: the compute API only (no scheduler/conductor/compute), MariaDB."""
import os

from sandbox import mariadb
from sandbox.services import base

THREADS = 16


class Nova(base.Service):
    name = 'nova'

    @property
    def conf(self):
        return os.path.join(self.etc, 'nova.conf')

    @property
    def paste_ini(self):
        return base.venv_etc('nova', 'api-paste.ini')

    def render(self):
        os.makedirs(os.path.join(self.data, 'lock'), exist_ok=True)
        self.render_template('nova.conf.tmpl', 'nova.conf',
                             api_db_url=self.db_url('nova_api'),
                             paste_ini=self.paste_ini)
        self.render_template('nova-policy.yaml.tmpl', 'policy.yaml')

    def setup_steps(self):
        # nova-manage api_db sync, cell_v2 map_cell0, cell_v2 create_cell,
        # db sync (cell0 + cell1), in one interpreter (sandbox/setup/nova.py).
        return [[base.PYTHON, '-m', 'sandbox.setup.nova', self.conf,
                 '--', 'api_db', 'sync',
                 '--', 'cell_v2', 'map_cell0', '--database_connection',
                 mariadb.url(self.layout, 'nova_cell0'),
                 '--', 'cell_v2', 'create_cell', '--name', 'cell1',
                 '--', 'db', 'sync']]

    def environ(self):
        # nova.wsgi reads the paste file first, then nova.conf.
        return {'OS_NOVA_CONFIG_DIR': self.etc,
                'OS_NOVA_CONFIG_FILES': ';'.join([self.paste_ini, self.conf])}

    def command(self):
        return [base.PYTHON, '-m', 'sandbox.launch.wsgi_app', self.name,
                'nova.wsgi.osapi_compute:application', str(self.port),
                str(THREADS)]
