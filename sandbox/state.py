"""Where a sandbox keeps its files, which ports it uses, what it recorded.

One sandbox = one state directory (default ``.sandbox/`` at the repository
root, or ``$MAGNUM_UI_SANDBOX_DIR``) + one port offset
(``$MAGNUM_UI_SANDBOX_PORT_OFFSET``, added to every default port).  Two
sandboxes with different directories and offsets run side by side.
"""
import json
import os
import sys

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DIR_ENV = 'MAGNUM_UI_SANDBOX_DIR'
OFFSET_ENV = 'MAGNUM_UI_SANDBOX_PORT_OFFSET'
# Seconds between two rounds of Magnum's cluster status sync (Magnum's own
# 10 unless set; the tests lower it, see tests/conftest.py).
SYNC_ENV = 'MAGNUM_UI_SANDBOX_SYNC_SECONDS'

REGION = 'RegionOne'
HOST = '127.0.0.1'

# service name -> default port (the usual OpenStack ones).
PORTS = {
    'keystone': 5000,
    'glance': 9292,
    'heat': 8004,
    'magnum': 9511,
    'nova': 8774,
    'neutron': 9696,
}

# Logins seeded into Keystone (user, password, project, role).
LOGINS = {
    'admin': {'username': 'admin', 'password': 'admin',
              'project': 'admin', 'role': 'admin'},
    'demo': {'username': 'demo', 'password': 'demo',
             'project': 'demo', 'role': 'member'},
    'alt': {'username': 'alt', 'password': 'alt',
            'project': 'alt', 'role': 'member'},
}
SERVICE_PROJECT = 'service'
SERVICE_PASSWORD = 'sandbox-service'


class Layout(object):
    """Paths and ports of one sandbox."""

    def __init__(self, root=None, offset=None, strict=True):
        root = root or os.environ.get(DIR_ENV) or os.path.join(
            REPO_ROOT, '.sandbox')
        self.root = os.path.abspath(root)
        recorded = self._recorded_offset()
        wanted = offset
        if wanted is None and os.environ.get(OFFSET_ENV, '').strip():
            wanted = int(os.environ[OFFSET_ENV])
        if (strict and recorded is not None and wanted is not None
                and wanted != recorded):
            raise SystemExit(
                'sandbox: %s was initialised with port offset %d, not %d; '
                'use that offset or `python -m sandbox reset` first'
                % (self.root, recorded, wanted))
        self.offset = recorded if recorded is not None else (wanted or 0)

    # --- paths -----------------------------------------------------------
    def path(self, *parts):
        return os.path.join(self.root, *parts)

    @property
    def etc(self):
        return self.path('etc')

    @property
    def log(self):
        return self.path('log')

    @property
    def run(self):
        return self.path('run')

    @property
    def data(self):
        return self.path('data')

    @property
    def mysql_socket(self):
        return self.path('run', 'mysqld.sock')

    def log_file(self, name):
        return os.path.join(self.log, name + '.log')

    def pid_file(self, name):
        return os.path.join(self.run, name + '.pid')

    def stamp(self, name):
        """A file whose existence means step `name` completed once."""
        return os.path.join(self.data, 'done-' + name)

    def make_dirs(self):
        for d in (self.root, self.etc, self.log, self.run, self.data):
            os.makedirs(d, exist_ok=True)

    # --- ports and URLs --------------------------------------------------
    def port(self, service):
        return PORTS[service] + self.offset

    def url(self, service):
        return 'http://%s:%d' % (HOST, self.port(service))

    @property
    def auth_url(self):
        return self.url('keystone') + '/v3'

    def catalog_urls(self):
        """service type -> (keystone service name, endpoint URL)."""
        return {
            'identity': ('keystone', self.auth_url),
            'image': ('glance', self.url('glance')),
            'orchestration': ('heat', self.url('heat') + '/v1/%(tenant_id)s'),
            'container-infra': ('magnum', self.url('magnum') + '/v1'),
            'compute': ('nova', self.url('nova') + '/v2.1'),
            'network': ('neutron', self.url('neutron')),
        }

    # --- recorded state --------------------------------------------------
    def _recorded_offset(self):
        try:
            with open(os.path.join(self.root, 'state.json')) as f:
                return json.load(f)['offset']
        except (OSError, ValueError, KeyError):
            return None

    def record_offset(self):
        self.make_dirs()
        write_json(self.path('state.json'), {'offset': self.offset})

    @property
    def endpoints_file(self):
        return self.path('endpoints.json')

    def endpoints(self):
        """The endpoints dictionary (what tests and the demo read)."""
        urls = self.catalog_urls()
        return {
            'state_dir': self.root,
            'port_offset': self.offset,
            'region': REGION,
            'auth_url': self.auth_url,
            'identity_api_version': 3,
            'user_domain_name': 'Default',
            'project_domain_name': 'Default',
            'services': {stype: url for stype, (_, url) in urls.items()},
            'ports': {name: self.port(name) for name in PORTS},
            'logins': LOGINS,
            'images': {'coreos': 'fedora-coreos-40', 'plain': 'cirros'},
            'flavors': ['m1.tiny', 'm1.small', 'm1.medium'],
            'keypairs': {'demo': 'demo-key', 'alt': 'alt-key'},
            'networks': {'external': 'public', 'private': 'private',
                         'private_subnet': 'private-subnet'},
            'cluster_template': 'k8s-public',
            'python': sys.executable,
        }


def write_json(path, data):
    tmp = path + '.tmp'
    with open(tmp, 'w') as f:
        json.dump(data, f, indent=2, sort_keys=True)
        f.write('\n')
    os.replace(tmp, path)


def read_json(path):
    with open(path) as f:
        return json.load(f)
