"""The sandbox's services answer as a real cloud would, with the seed data.

Every call goes over HTTP to the sandbox's Keystone, Nova, Neutron, Glance,
Heat and Magnum with the seeded logins.
"""
import uuid

from keystoneauth1 import exceptions as ks_exc
from magnumclient import client as magnum_client
from magnumclient import exceptions as mc_exc
import pytest

pytestmark = pytest.mark.integration

SERVICE_TYPES = ('identity', 'image', 'orchestration', 'container-infra',
                 'compute', 'network')
NOVA = {'OpenStack-API-Version': 'compute 2.90'}


def get(sess, service_type, path, **kwargs):
    return sess.get(path, endpoint_filter={'service_type': service_type,
                                           'interface': 'public'},
                    **kwargs).json()


def magnum(sandbox, login):
    return magnum_client.Client('1', session=sandbox['sessions'][login],
                                region_name=sandbox['region'])


def template_args(sandbox, **extra):
    args = dict(name='t-' + uuid.uuid4().hex[:8], coe='kubernetes',
                image_id=sandbox['images']['coreos'], flavor_id='m1.small',
                master_flavor_id='m1.small', keypair_id='demo-key',
                external_network_id=sandbox['networks']['external'],
                network_driver='flannel')
    args.update(extra)
    return args


def test_endpoints_record_every_service(sandbox):
    keystone = sandbox['ports']['keystone']
    assert sandbox['auth_url'] == 'http://127.0.0.1:%d/v3' % keystone
    assert set(sandbox['services']) == set(SERVICE_TYPES)
    for url in sandbox['services'].values():
        assert url.startswith('http://127.0.0.1:')


def test_demo_catalogue_has_all_six_services(sandbox, demo_session):
    access = demo_session.auth.get_access(demo_session)
    assert access.project_name == 'demo'
    assert 'member' in access.role_names
    catalog = access.service_catalog
    for stype in SERVICE_TYPES:
        url = catalog.url_for(service_type=stype, interface='public',
                              region_name=sandbox['region'])
        assert url.startswith('http://127.0.0.1:'), stype
    heat = catalog.url_for(service_type='orchestration', interface='public')
    assert heat.endswith('/v1/%s' % access.project_id)


def test_wrong_password_is_refused(sandbox):
    from keystoneauth1.identity import v3
    from keystoneauth1 import session as ks_session
    auth = v3.Password(auth_url=sandbox['auth_url'], username='demo',
                       password='not-demo', project_name='demo',
                       user_domain_name='Default',
                       project_domain_name='Default')
    with pytest.raises(ks_exc.Unauthorized):
        ks_session.Session(auth=auth).get_token()


def test_nova_flavors_and_keypairs(demo_session, alt_session):
    flavors = {f['name']: f for f in get(demo_session, 'compute',
                                         '/flavors/detail')['flavors']}
    assert {'m1.tiny', 'm1.small', 'm1.medium'} <= set(flavors)
    small, medium = flavors['m1.small'], flavors['m1.medium']
    assert (small['vcpus'], small['ram'], small['disk']) == (2, 2048, 20)
    assert (medium['vcpus'], medium['ram'], medium['disk']) == (2, 4096, 40)
    demo_keys = [k['keypair']['name'] for k in
                 get(demo_session, 'compute', '/os-keypairs')['keypairs']]
    alt_keys = [k['keypair']['name'] for k in
                get(alt_session, 'compute', '/os-keypairs')['keypairs']]
    assert demo_keys == ['demo-key']
    assert alt_keys == ['alt-key']


def test_nova_refuses_to_create_servers(sandbox, demo_session):
    flavor = get(demo_session, 'compute', '/flavors')['flavors'][0]
    image = get(demo_session, 'image', '/v2/images?name=%s'
                % sandbox['images']['plain'])['images'][0]
    resp = demo_session.post(
        '/servers', endpoint_filter={'service_type': 'compute'},
        json={'server': {'name': 'x', 'flavorRef': flavor['id'],
                         'imageRef': image['id'], 'networks': 'none'}},
        headers=NOVA, raise_exc=False)
    # No compute service runs: policy refuses instead of a server stuck
    # in BUILD forever.
    assert resp.status_code == 403, resp.text


def test_neutron_networks(demo_session):
    nets = {n['name']: n for n in
            get(demo_session, 'network', '/v2.0/networks')['networks']}
    assert nets['public']['router:external'] is True
    assert nets['private']['router:external'] is False
    subnets = {s['name'] for s in
               get(demo_session, 'network', '/v2.0/subnets')['subnets']}
    assert 'private-subnet' in subnets
    routers = get(demo_session, 'network', '/v2.0/routers')['routers']
    gateway = routers[0]['external_gateway_info']
    assert gateway['network_id'] == nets['public']['id']


def test_alt_does_not_see_demo_private_network(alt_session):
    names = {n['name'] for n in
             get(alt_session, 'network', '/v2.0/networks')['networks']}
    assert 'public' in names
    assert 'private' not in names


def test_glance_images(sandbox, demo_session):
    images = {i['name']: i for i in
              get(demo_session, 'image', '/v2/images')['images']}
    coreos = images[sandbox['images']['coreos']]
    assert coreos['os_distro'] == 'fedora-coreos'
    assert coreos['visibility'] == 'public'
    assert coreos['status'] == 'active'
    assert 'os_distro' not in images[sandbox['images']['plain']]


def test_heat_lists_stacks(demo_session):
    assert isinstance(get(demo_session, 'orchestration', '/stacks')['stacks'],
                      list)


def test_public_cluster_template_is_seeded(sandbox):
    for login in ('demo', 'alt'):
        names = {t.name: t for t in magnum(sandbox, login)
                 .cluster_templates.list(detail=True)}
        template = names[sandbox['cluster_template']]
        assert template.public is True
        assert template.cluster_distro == 'fedora-coreos'
        assert template.coe == 'kubernetes'


def test_magnumclient_creates_and_deletes_a_template(sandbox):
    mc = magnum(sandbox, 'demo')
    args = template_args(sandbox)
    template = mc.cluster_templates.create(**args)
    try:
        fetched = mc.cluster_templates.get(template.uuid)
        assert fetched.name == args['name']
        assert fetched.keypair_id == 'demo-key'
        assert fetched.external_network_id == 'public'
        assert fetched.flavor_id == 'm1.small'
        assert fetched.cluster_distro == 'fedora-coreos'
        assert fetched.public is False
    finally:
        mc.cluster_templates.delete(template.uuid)
    with pytest.raises(mc_exc.NotFound):
        mc.cluster_templates.get(template.uuid)


def test_magnum_rejects_an_unknown_flavor(sandbox):
    mc = magnum(sandbox, 'demo')
    with pytest.raises(mc_exc.BadRequest) as info:
        mc.cluster_templates.create(
            **template_args(sandbox, flavor_id='no-such-flavor'))
    assert 'no-such-flavor' in str(info.value)


def test_magnum_rejects_an_image_without_os_distro(sandbox):
    mc = magnum(sandbox, 'demo')
    with pytest.raises(mc_exc.BadRequest) as info:
        mc.cluster_templates.create(
            **template_args(sandbox, image_id=sandbox['images']['plain']))
    assert 'os_distro' in str(info.value)


def test_alt_cannot_see_a_private_template_of_demo(sandbox):
    demo, alt = magnum(sandbox, 'demo'), magnum(sandbox, 'alt')
    template = demo.cluster_templates.create(**template_args(sandbox))
    try:
        assert template.uuid not in {t.uuid for t in
                                     alt.cluster_templates.list()}
        with pytest.raises(mc_exc.NotFound):
            alt.cluster_templates.get(template.uuid)
        with pytest.raises((mc_exc.NotFound, mc_exc.Forbidden)):
            alt.cluster_templates.delete(template.uuid)
    finally:
        demo.cluster_templates.delete(template.uuid)


def test_quotas_and_stats_answer_admin(sandbox):
    admin = magnum(sandbox, 'admin')
    assert isinstance(admin.quotas.list(), list)
    stats = admin.stats.list()
    assert stats.clusters >= 0 and stats.nodes >= 0
    demo_project = sandbox['sessions']['demo'].get_project_id()
    quota = admin.quotas.get(demo_project, 'Cluster')
    assert quota.hard_limit >= 40


def test_magnum_services_are_listed_for_admin(sandbox):
    services = magnum(sandbox, 'admin').mservices.list()
    assert any(s.binary == 'magnum-conductor' and s.state == 'up'
               for s in services)
