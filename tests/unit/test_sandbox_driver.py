"""Pure logic of the sandbox Magnum driver: labels, template, statuses."""
import pytest

from magnum_sandbox_driver import labels
from magnum_sandbox_driver import status
from magnum_sandbox_driver import template

CLUSTER = {'uuid': '5c6c1c4e-1111-4000-8000-000000000001', 'name': 'demo',
           'labels': {}, 'master_lb_enabled': False,
           'floating_ip_enabled': True, 'ca_cert_ref': 'ca-1'}
MASTER = {'uuid': 'm-1', 'name': 'default-master', 'role': 'master',
          'is_default': True, 'node_count': 1, 'labels': {}}
WORKER = {'uuid': 'w-1', 'name': 'default-worker', 'role': 'worker',
          'is_default': True, 'node_count': 2, 'labels': {}}
EXTRA = {'uuid': 'x-1', 'name': 'gpu.pool', 'role': 'worker',
         'is_default': False, 'node_count': 1, 'labels': {}}


def _node_props(resources, group):
    return resources[group]['properties']['resource_def']['properties']


def test_labels_defaults_and_values():
    s = labels.parse({})
    assert (s.boot_seconds, s.delete_seconds, s.fail_at) == (5.0, 2.0, '')
    s = labels.parse({'sandbox_boot_seconds': '2.5', 'kube_tag': 'v1.31.1',
                      'sandbox_fail_at': 'Worker'})
    assert (s.boot_seconds, s.fail_at, s.kube_tag) == (
        2.5, 'worker', 'v1.31.1')


@pytest.mark.parametrize('bad, words', [
    ({'sandbox_boot_seconds': 'soon'}, 'not a number'),
    ({'sandbox_boot_seconds': '-1'}, 'between 0'),
    ({'sandbox_fail_at': 'etcd'}, 'network, loadbalancer, master, worker'),
    ({'kube_tag': 'latest'}, 'not a Kubernetes version'),
    ({'sandbox_bulk': 'yes'}, 'not true or false'),
])
def test_labels_invalid(bad, words):
    with pytest.raises(labels.InvalidLabel, match=words):
        labels.parse(bad)


def test_upgrade_rejects_downgrade_only():
    labels.check_upgrade('v1.30.4', 'v1.31.0')
    labels.check_upgrade('v1.30.4', 'v1.30.4')
    with pytest.raises(labels.InvalidLabel, match='downgrading'):
        labels.check_upgrade('v1.30.4', 'v1.29.9')


def test_template_groups_and_outputs():
    args = template.build(CLUSTER, [MASTER, WORKER, EXTRA])
    res = args['template']['resources']
    assert {'network', 'api_floating_ip', 'kube_masters', 'kube_minions',
            'nodegroup_gpu_pool'} <= set(res)
    assert 'api_lb' not in res
    assert res['kube_minions']['properties']['count'] == 2
    assert res['kube_minions']['depends_on'] == ['kube_masters']
    node = _node_props(res, 'kube_minions')
    assert node['name'] == 'demo-5c6c1c-node-%index%'
    assert node['fail_index'] == -1 and node['boot_seconds'] == 5.0
    assert args['environment']['resource_registry'] == {
        template.NODE_TYPE: template.NODE_FILE}
    assert 'server' in args['files'][template.NODE_FILE]
    assert {'api_address', 'kube_minions_addresses',
            'nodegroup_gpu_pool_names'} <= set(args['template']['outputs'])


def test_fail_delete_label_fails_the_first_delete_only():
    assert not labels.parse({}).fail_delete
    assert not labels.refuses_delete(labels.parse({}), 'CREATE_COMPLETE')
    settings = labels.parse({'sandbox_fail_delete': 'true'})
    assert settings.fail_delete
    for state in ('CREATE_COMPLETE', 'CREATE_FAILED', 'UPDATE_FAILED'):
        assert labels.refuses_delete(settings, state)
    # Deleting again after the failure (a retry) goes through.
    assert not labels.refuses_delete(settings, 'DELETE_FAILED')
    assert not labels.refuses_delete(settings, 'DELETE_IN_PROGRESS')
    with pytest.raises(labels.InvalidLabel, match='not true or false'):
        labels.parse({'sandbox_fail_delete': 'once'})


def test_bulk_template_is_one_resource():
    assert not labels.parse({}).bulk
    cluster = dict(CLUSTER, labels={'sandbox_bulk': 'True',
                                    'sandbox_boot_seconds': '0'})
    args = template.build(cluster, [MASTER, WORKER, EXTRA])
    assert list(args['template']['resources']) == [template.BULK_RESOURCE]
    res = args['template']['resources'][template.BULK_RESOURCE]
    assert res['type'] == template.TEST_RESOURCE
    assert res['properties']['value'].startswith('172.24.4.')
    assert res['properties']['fail'] is False
    assert list(args['template']['outputs']) == ['api_address']
    assert set(args) == {'template'}


def test_template_failures_lb_removal_and_batches():
    cluster = dict(CLUSTER, master_lb_enabled=True,
                   labels={'sandbox_fail_at': 'worker'})
    removal = template.removal_list(cluster, WORKER,
                                    ['demo-5c6c1c-node-1', '0'])
    args = template.build(cluster, [MASTER, WORKER],
                          removals={'w-1': removal}, max_batch_size=2)
    res = args['template']['resources']
    assert res['kube_masters']['depends_on'] == ['network', 'api_lb']
    assert _node_props(res, 'kube_minions')['fail_index'] == 0
    assert _node_props(res, 'kube_masters')['fail_index'] == -1
    assert res['kube_minions']['properties']['removal_policies'] == [
        {'resource_list': ['1', '0']}]
    policy = res['kube_minions']['update_policy']['rolling_update']
    assert policy['max_batch_size'] == 2


def test_template_is_deterministic():
    first = template.build(CLUSTER, [MASTER, WORKER])
    assert first == template.build(CLUSTER, [MASTER, WORKER])


def test_cluster_status_mapping():
    cs = status.cluster_status
    assert cs('CREATE_IN_PROGRESS', 'CREATE_COMPLETE') == 'CREATE_COMPLETE'
    assert cs('CREATE_IN_PROGRESS', 'CREATE_FAILED') == 'CREATE_FAILED'
    assert cs('UPDATE_IN_PROGRESS', 'UPDATE_COMPLETE') == 'UPDATE_COMPLETE'
    assert cs('UPDATE_IN_PROGRESS', 'CREATE_COMPLETE') == 'UPDATE_COMPLETE'
    assert cs('DELETE_IN_PROGRESS', None) == 'DELETE_COMPLETE'
    assert cs('DELETE_IN_PROGRESS', 'DELETE_COMPLETE') == 'DELETE_COMPLETE'
    assert cs('DELETE_IN_PROGRESS', 'DELETE_FAILED') == 'DELETE_FAILED'
    assert cs('UPDATE_IN_PROGRESS', None) == 'UPDATE_FAILED'
    assert cs('UPDATE_IN_PROGRESS', 'CHECK_IN_PROGRESS') is None
    assert cs('UPDATE_IN_PROGRESS', 'SUSPEND_FAILED') == 'UPDATE_FAILED'


def test_reason_names_the_simulated_failure():
    heat = ('Resource CREATE failed: ValueError: resources.kube_minions.'
            'resources[0].resources.server: Test Resource failed server')
    text = status.reason(heat, 'worker')
    assert text.startswith(
        'sandbox: simulated failure of worker node 1 (Heat: ')
    assert status.reason('boom', 'worker') == 'boom'
    assert 'the cluster network' in status.reason(
        'Resource CREATE failed: ValueError: resources.network: Test '
        'Resource failed network', 'network')


def test_nodegroup_changes():
    def ng(uuid, state, resource):
        return {'uuid': uuid, 'status': state, 'resource': resource}
    ngs = [ng('a', 'CREATE_IN_PROGRESS', 'kube_masters'),
           ng('b', 'UPDATE_IN_PROGRESS', 'kube_minions'),
           ng('c', 'DELETE_IN_PROGRESS', 'nodegroup_x'),
           ng('d', 'CREATE_IN_PROGRESS', 'nodegroup_y')]
    res = {'kube_masters': ('CREATE_COMPLETE', ''),
           'kube_minions': ('UPDATE_COMPLETE', ''),
           'nodegroup_y': ('CREATE_FAILED', 'ValueError: bad')}
    got = {c[0]: c[1:] for c in status.nodegroup_changes(
        ngs, res, 'UPDATE_FAILED', 'r')}
    assert got['a'] == ('CREATE_COMPLETE', None, False)
    assert got['b'] == ('UPDATE_COMPLETE', None, False)
    assert got['c'] == ('DELETE_FAILED', 'r', False)
    assert got['d'] == ('CREATE_FAILED', 'ValueError: bad', False)
    got = status.nodegroup_changes(ngs[2:3], {}, 'UPDATE_COMPLETE', None)
    assert got == [('c', 'DELETE_COMPLETE', None, True)]


def test_health_and_api_address():
    assert status.health([('n-0', 'CREATE_COMPLETE')]) == (
        'HEALTHY', {'api': 'ok', 'n-0.Ready': 'True'})
    state, why = status.health([('n-0', 'CREATE_COMPLETE'),
                                ('n-1', 'CREATE_FAILED')])
    assert state == 'UNHEALTHY' and why['n-1.Ready'] == 'False'
    assert status.health([], failed=True)[0] == 'UNHEALTHY'
    assert status.valid_api_address('https://172.24.4.9:6443')
    assert not status.valid_api_address('https://:6443')
