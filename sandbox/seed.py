"""Seed data: projects, users, catalogue, images, flavors, keypairs,
networks and the public ClusterTemplate.  Every step is idempotent (looks
up by name first), so a partial seed is completed by the next `up`.
"""
import os
import time

from keystoneauth1 import exceptions as ks_exc
from keystoneauth1.identity import v3
from keystoneauth1 import session as ks_session

from sandbox import keys
from sandbox import state

SERVICE_USERS = ('glance', 'heat', 'magnum', 'nova', 'neutron')
ROLES = ('admin', 'member', 'reader', 'service', 'heat_stack_owner')
DESCRIPTIONS = {
    'image': 'Glance', 'orchestration': 'Heat',
    'container-infra': 'Magnum', 'compute': 'Nova', 'network': 'Neutron',
}
FLAVORS = (  # name, vcpus, ram MiB, disk GB
    ('m1.tiny', 1, 512, 1),
    ('m1.small', 2, 2048, 20),
    ('m1.medium', 2, 4096, 40),
)
IMAGES = (  # name, extra properties
    ('fedora-coreos-40', {'os_distro': 'fedora-coreos'}),
    ('cirros', {}),
)
TEMPLATE = {
    'name': 'k8s-public',
    'coe': 'kubernetes',
    'image_id': 'fedora-coreos-40',
    'flavor_id': 'm1.small',
    'master_flavor_id': 'm1.small',
    'external_network_id': 'public',
    'network_driver': 'flannel',
    'master_lb_enabled': False,
    'floating_ip_enabled': False,
    'public': True,
    'labels': {},
}


def session(layout, login):
    info = state.LOGINS[login]
    auth = v3.Password(auth_url=layout.auth_url, username=info['username'],
                       password=info['password'],
                       project_name=info['project'],
                       user_domain_name='Default',
                       project_domain_name='Default')
    return ks_session.Session(auth=auth)


class Client(object):
    """JSON calls to one service of the catalogue."""

    def __init__(self, sess, service_type, headers=None):
        self.sess = sess
        self.filter = {'service_type': service_type, 'interface': 'public',
                       'region_name': state.REGION}
        self.headers = headers or {}

    def call(self, method, path, body=None, **kwargs):
        resp = self.sess.request(path, method, endpoint_filter=self.filter,
                                 json=body, headers=self.headers, **kwargs)
        return resp.json() if resp.content else None

    def get(self, path):
        return self.call('GET', path)

    def post(self, path, body):
        return self.call('POST', path, body)


def _one(items, name):
    for item in items:
        if item.get('name') == name:
            return item
    return None


# --- Keystone ----------------------------------------------------------------
def identity(layout):
    ks = Client(session(layout, 'admin'), 'identity')

    def ensure(collection, key, name, body, query=''):
        found = _one(ks.get('/%s?name=%s%s' % (collection, name, query))
                     [collection], name)
        return found or ks.post('/' + collection, {key: body})[key]

    roles = {r: ensure('roles', 'role', r, {'name': r})['id'] for r in ROLES}
    default = 'default'
    projects = {}
    for name in ('admin', 'demo', 'alt', state.SERVICE_PROJECT):
        projects[name] = ensure('projects', 'project', name, {
            'name': name, 'domain_id': default,
            'description': 'magnum_ui sandbox'})['id']
    users = [(info['username'], info['password'], info['project'],
              (info['role'],) + (('heat_stack_owner',)
                                 if info['role'] == 'member' else ()))
             for info in state.LOGINS.values()]
    users += [(name, state.SERVICE_PASSWORD, state.SERVICE_PROJECT,
               ('admin', 'service')) for name in SERVICE_USERS]
    for name, password, project, user_roles in users:
        user = ensure('users', 'user', name, {
            'name': name, 'password': password, 'domain_id': default,
            'default_project_id': projects[project]})
        for role in user_roles:
            ks.call('PUT', '/projects/%s/users/%s/roles/%s'
                    % (projects[project], user['id'], roles[role]))

    for stype, (sname, url) in layout.catalog_urls().items():
        if stype == 'identity':
            continue  # keystone-manage bootstrap registered it
        service = _one(ks.get('/services?type=%s' % stype)['services'],
                       sname) or ks.post('/services', {'service': {
                           'name': sname, 'type': stype,
                           'description': DESCRIPTIONS[stype]}})['service']
        existing = ks.get('/endpoints?service_id=%s' % service['id'])
        have = {e['interface'] for e in existing['endpoints']}
        for interface in ('public', 'internal', 'admin'):
            if interface not in have:
                ks.post('/endpoints', {'endpoint': {
                    'service_id': service['id'], 'interface': interface,
                    'url': url, 'region_id': state.REGION}})


# --- Glance ------------------------------------------------------------------
def images(layout):
    glance = Client(session(layout, 'admin'), 'image')
    for name, props in IMAGES:
        found = glance.get('/v2/images?name=%s' % name)['images']
        if found and found[0]['status'] == 'active':
            continue
        image = found[0] if found else glance.post('/v2/images', dict(
            name=name, disk_format='raw', container_format='bare',
            visibility='public', **props))
        # A small raw "disk": Magnum only reads the image's metadata.
        glance.sess.put('/v2/images/%s/file' % image['id'],
                        endpoint_filter=glance.filter,
                        data=b'\0' * 65536,
                        headers={'Content-Type': 'application/octet-stream'})


# --- Nova --------------------------------------------------------------------
def compute(layout):
    nova = Client(session(layout, 'admin'), 'compute',
                  {'OpenStack-API-Version': 'compute 2.90'})
    flavors = {f['name'] for f in nova.get('/flavors?is_public=None')
               ['flavors']}
    for name, vcpus, ram, disk in FLAVORS:
        if name not in flavors:
            nova.post('/flavors', {'flavor': {
                'name': name, 'vcpus': vcpus, 'ram': ram, 'disk': disk,
                'os-flavor-access:is_public': True}})
    for login, keyname in (('demo', 'demo-key'), ('alt', 'alt-key')):
        user = Client(session(layout, login), 'compute',
                      {'OpenStack-API-Version': 'compute 2.90'})
        have = {k['keypair']['name'] for k in
                user.get('/os-keypairs')['keypairs']}
        if keyname not in have:
            public = keys.public_key(os.path.join(layout.data, 'keys'),
                                     keyname)
            user.post('/os-keypairs', {'keypair': {
                'name': keyname, 'public_key': public}})


# --- Neutron -----------------------------------------------------------------
def network(layout):
    admin = Client(session(layout, 'admin'), 'network')
    public = _one(admin.get('/v2.0/networks?name=public')['networks'],
                  'public') or admin.post('/v2.0/networks', {'network': {
                      'name': 'public', 'router:external': True,
                      'shared': False,
                      'provider:network_type': 'flat',
                      'provider:physical_network': 'public'}})['network']
    if not public['subnets']:
        admin.post('/v2.0/subnets', {'subnet': {
            'name': 'public-subnet', 'network_id': public['id'],
            'ip_version': 4, 'cidr': '172.24.4.0/24',
            'gateway_ip': '172.24.4.1', 'enable_dhcp': False,
            'allocation_pools': [{'start': '172.24.4.10',
                                  'end': '172.24.4.250'}]}})
    demo = Client(session(layout, 'demo'), 'network')
    private = _one(demo.get('/v2.0/networks?name=private')['networks'],
                   'private') or demo.post('/v2.0/networks', {'network': {
                       'name': 'private'}})['network']
    subnet = _one(demo.get('/v2.0/subnets?name=private-subnet')['subnets'],
                  'private-subnet') or demo.post('/v2.0/subnets', {'subnet': {
                      'name': 'private-subnet', 'network_id': private['id'],
                      'ip_version': 4, 'cidr': '10.0.0.0/24',
                      'gateway_ip': '10.0.0.1'}})['subnet']
    router = _one(demo.get('/v2.0/routers?name=router1')['routers'],
                  'router1')
    if router is None:
        router = demo.post('/v2.0/routers', {'router': {
            'name': 'router1',
            'external_gateway_info': {'network_id': public['id']}}})['router']
        demo.call('PUT', '/v2.0/routers/%s/add_router_interface'
                  % router['id'], {'subnet_id': subnet['id']})


def network_answers(layout, timeout=30.0):
    """Wait until a fresh Neutron lists the external network to a project.

    A Neutron server that has just started answered its first concurrent
    queries for external networks with an empty list (seen at the start of
    side-by-side test runs); Magnum then refused templates ("Unable to find
    external network public").  One answer naming it, asked alone, warms it.
    """
    demo = Client(session(layout, 'demo'), 'network')
    deadline = time.monotonic() + timeout
    while not _one(demo.get('/v2.0/networks?router:external=True')
                   ['networks'], 'public'):
        if time.monotonic() > deadline:
            raise RuntimeError('Neutron does not list the external network '
                               '"public" to the demo project')
        time.sleep(0.5)


# --- Magnum ------------------------------------------------------------------
def cluster_template(layout):
    """Create the public template; False if Magnum has no driver yet."""
    magnum = Client(session(layout, 'admin'), 'container-infra',
                    {'OpenStack-API-Version': 'container-infra latest'})
    existing = magnum.get('/clustertemplates')['clustertemplates']
    if _one(existing, TEMPLATE['name']):
        return True
    try:
        magnum.post('/clustertemplates', TEMPLATE)
    except ks_exc.HttpError as exc:
        if 'not supported' in str(exc.details or exc).lower():
            return False
        raise
    return True
