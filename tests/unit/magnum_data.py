"""Magnum test data: python-magnumclient resources as the API returns them."""

import copy

from magnumclient.v1 import cluster_templates as templates_module
from magnumclient.v1 import clusters as clusters_module
from magnumclient.v1 import nodegroups as nodegroups_module
from openstack_dashboard.test.test_data import utils

from magnum_ui.api import wrappers

CONTAINER_INFRA_SERVICE = {
    'type': 'container-infra', 'name': 'magnum', 'endpoints_links': [],
    'endpoints': [
        {'region': 'RegionOne', 'interface': interface,
         'url': 'http://%s.magnum.example.com:9511/v1' % interface}
        for interface in ('admin', 'internal', 'public')]}

ORCHESTRATION_SERVICE = {
    'type': 'orchestration', 'name': 'heat', 'endpoints_links': [],
    'endpoints': [
        {'region': 'RegionOne', 'interface': interface,
         'url': 'http://%s.heat.example.com:8004/v1/1' % interface}
        for interface in ('admin', 'internal', 'public')]}

TEMPLATE = {
    'uuid': 'a1b2c3d4-0000-4000-8000-000000000001',
    'name': 'k8s-small', 'coe': 'kubernetes', 'image_id': 'fedora-coreos-40',
    'keypair_id': 'demo-key', 'flavor_id': 'm1.small',
    'master_flavor_id': 'm1.small', 'external_network_id': 'public',
    'fixed_network': None, 'fixed_subnet': None, 'dns_nameserver': '8.8.8.8',
    'docker_volume_size': 10, 'docker_storage_driver': 'overlay2',
    'volume_driver': None, 'network_driver': 'flannel', 'server_type': 'vm',
    'labels': {'kube_tag': 'v1.30.1'}, 'http_proxy': None,
    'https_proxy': None, 'no_proxy': None, 'tls_disabled': False,
    'public': False, 'hidden': False, 'registry_enabled': False,
    'master_lb_enabled': False, 'floating_ip_enabled': True, 'tags': None,
    'project_id': '1', 'user_id': '1', 'cluster_distro': 'fedora-coreos',
    'created_at': '2026-11-20T10:00:00+00:00', 'updated_at': None,
}

CLUSTER = {
    'uuid': 'c0ffee00-0000-4000-8000-000000000001', 'name': 'demo-cluster',
    'status': 'CREATE_COMPLETE', 'status_reason': 'Stack CREATE completed',
    'health_status': 'HEALTHY', 'health_status_reason': {},
    'cluster_template_id': TEMPLATE['uuid'], 'keypair': 'demo-key',
    'master_count': 1, 'node_count': 2, 'master_flavor_id': 'm1.small',
    'flavor_id': 'm1.small', 'docker_volume_size': 10, 'create_timeout': 60,
    'api_address': 'https://10.0.0.10:6443',
    'master_addresses': ['10.0.0.10'],
    'node_addresses': ['10.0.0.11', '10.0.0.12'],
    'coe_version': 'v1.30.1', 'container_version': '1.12.6',
    'labels': {'kube_tag': 'v1.30.1'}, 'stack_id': 'st-1',
    'cluster_id': 'st-1', 'project_id': '1', 'user_id': '1',
    'fixed_network': None, 'fixed_subnet': None,
    'floating_ip_enabled': True, 'master_lb_enabled': False, 'faults': {},
    'created_at': '2026-11-20T10:05:00+00:00', 'updated_at': None,
}


def _template(**changes):
    info = dict(copy.deepcopy(TEMPLATE), **changes)
    return wrappers.ClusterTemplate(
        templates_module.ClusterTemplate(None, info, loaded=True))


def _cluster(**changes):
    info = dict(copy.deepcopy(CLUSTER), **changes)
    return wrappers.Cluster(clusters_module.Cluster(None, info, loaded=True))


def _nodegroup(**info):
    return wrappers.Nodegroup(
        nodegroups_module.NodeGroup(None, info, loaded=True))


def data(test):
    """Attach Magnum test data containers to a test case."""
    test.cluster_templates = utils.TestDataContainer()
    test.cluster_templates.add(
        _template(),
        _template(uuid='a1b2c3d4-0000-4000-8000-000000000002',
                  name='k8s-public', public=True, project_id='2'))
    test.clusters = utils.TestDataContainer()
    test.clusters.add(
        _cluster(),
        _cluster(uuid='c0ffee00-0000-4000-8000-000000000002',
                 name='busy-cluster', status='CREATE_IN_PROGRESS',
                 health_status=None, status_reason=None),
        _cluster(uuid='c0ffee00-0000-4000-8000-000000000003',
                 name='broken-cluster', status='CREATE_FAILED',
                 health_status='UNKNOWN',
                 status_reason='sandbox: simulated failure of worker node 1'))
    test.nodegroups = utils.TestDataContainer()
    test.nodegroups.add(
        _nodegroup(uuid='0a000000-0000-4000-8000-000000000001',
                   name='default-master', role='master', is_default=True,
                   node_count=1, min_node_count=1, max_node_count=None,
                   flavor_id='m1.small', status='CREATE_COMPLETE',
                   cluster_id=CLUSTER['uuid']),
        _nodegroup(uuid='0a000000-0000-4000-8000-000000000002',
                   name='default-worker', role='worker', is_default=True,
                   node_count=2, min_node_count=0, max_node_count=5,
                   flavor_id='m1.small', status='CREATE_COMPLETE',
                   cluster_id=CLUSTER['uuid']))


def admin_data(test):
    """Quotas and Magnum services, for the admin panels."""
    from magnumclient.v1 import mservices as mservices_module
    from magnumclient.v1 import quotas as quotas_module
    test.magnum_quotas = utils.TestDataContainer()
    for number, (project_id, limit) in enumerate(
            (('1', 5), ('2', 20)), start=1):
        test.magnum_quotas.add(wrappers.Quota(quotas_module.Quotas(
            None, {'id': number, 'project_id': project_id,
                   'resource': 'Cluster', 'hard_limit': limit},
            loaded=True)))
    test.magnum_services = utils.TestDataContainer()
    test.magnum_services.add(wrappers.MagnumService(mservices_module.MService(
        None, {'id': 1, 'host': 'sandbox', 'binary': 'magnum-conductor',
               'state': 'up', 'disabled': False, 'disabled_reason': None,
               'report_count': 42,
               'updated_at': '2026-11-24T05:00:00+00:00'}, loaded=True)))
