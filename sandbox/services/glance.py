"""Glance: gunicorn, one worker, SQLite, file store."""
import os

from sandbox.services import base

WORKERS = 1
THREADS = 8


class Glance(base.Service):
    name = 'glance'
    uses_mariadb = False

    def render(self):
        for sub in ('images', 'staging'):
            os.makedirs(os.path.join(self.data, sub), exist_ok=True)
        self.render_template(
            'glance-api.conf.tmpl', 'glance-api.conf',
            paste_ini=base.venv_etc('glance', 'glance-api-paste.ini'))

    def setup_steps(self):
        return [[base.venv_tool('glance-manage'), '--config-file',
                 os.path.join(self.etc, 'glance-api.conf'), 'db_sync']]

    def environ(self):
        return {'OS_GLANCE_CONFIG_DIR': self.etc}

    def command(self):
        return [base.PYTHON, '-m', 'sandbox.launch.gunicorn_app', self.name,
                'glance.wsgi.api:application', str(self.port),
                str(WORKERS), str(THREADS)]
