"""Neutron: the API server only (ml2, no agents), MariaDB."""
import os

from sandbox.services import base

THREADS = 16


class Neutron(base.Service):
    name = 'neutron'

    @property
    def conf(self):
        return os.path.join(self.etc, 'neutron.conf')

    @property
    def ml2_conf(self):
        return os.path.join(self.etc, 'ml2_conf.ini')

    def render(self):
        os.makedirs(os.path.join(self.data, 'lock'), exist_ok=True)
        self.render_template('neutron.conf.tmpl', 'neutron.conf',
                             paste_ini=base.venv_etc('neutron',
                                                     'api-paste.ini'))
        self.render_template('ml2_conf.ini.tmpl', 'ml2_conf.ini')

    def setup_steps(self):
        return [[base.venv_tool('neutron-db-manage'), '--config-file',
                 self.conf, '--config-file', self.ml2_conf, 'upgrade',
                 'heads']]

    def environ(self):
        return {'OS_NEUTRON_CONFIG_DIR': self.etc,
                'OS_NEUTRON_CONFIG_FILES': 'neutron.conf;ml2_conf.ini'}

    def command(self):
        return [base.PYTHON, '-m', 'sandbox.launch.wsgi_app', self.name,
                'neutron.wsgi.api:application', str(self.port),
                str(THREADS)]
