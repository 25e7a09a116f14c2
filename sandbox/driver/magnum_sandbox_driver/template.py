"""Builds a cluster's Heat stack (pure logic: plain dicts in, template out).

One stack per cluster.  Every node group is an OS::Heat::ResourceGroup of
``Magnum::Sandbox::Node`` (templates/node.yaml: port + volume + simulated
server) in that same stack, so a cluster has one event stream and one
topology, and deleting the stack removes every node group with it.  Each
operation regenerates the whole template from Magnum's records (the desired
state) and sends it as a stack update; Heat's convergence engine works out
what to create, update or delete, and a newer update supersedes a running one.
"""
import hashlib
import os
import re

from magnum_sandbox_driver import labels as sblabels

TEMPLATE_VERSION = '2021-04-16'
NODE_TYPE = 'Magnum::Sandbox::Node'
NODE_FILE = 'sandbox-node.yaml'
TEST_RESOURCE = 'OS::Heat::TestResource'
MASTERS = 'kube_masters'
MINIONS = 'kube_minions'
BULK_RESOURCE = 'cluster'  # the only resource of a bulk cluster's stack
API_PORT = 6443
_HERE = os.path.dirname(os.path.abspath(__file__))


def node_template():
    with open(os.path.join(_HERE, 'templates', 'node.yaml')) as f:
        return f.read()


def _slug(text, limit):
    slug = re.sub(r'[^A-Za-z0-9_.-]+', '-', str(text or '')).strip('-_.')
    return slug[:limit].rstrip('-_.')


def _byte(text, salt=''):
    return hashlib.sha256((salt + str(text)).encode()).digest()[0]


def stack_name(cluster):
    """<cluster name>-<uuid prefix>, a valid Heat stack name."""
    base = _slug(cluster['name'], 40) or 'cluster'
    if not base[0].isalpha():
        base = 'k8s-' + base
    return '%s-%s' % (base, str(cluster['uuid']).replace('-', '')[:6])


def resource_name(ng):
    """The ResourceGroup name of a node group inside the cluster's stack."""
    if ng.get('is_default'):
        return MASTERS if ng['role'] == 'master' else MINIONS
    slug = _slug(ng['name'], 60).replace('.', '_')
    return 'nodegroup_' + (slug or ng['uuid'][:8])


def node_prefix(cluster, ng):
    """Node names are <stack name>-<master|node|ng name>-<index>."""
    if ng.get('is_default'):
        kind = 'master' if ng['role'] == 'master' else 'node'
    else:
        kind = _slug(ng['name'], 30) or 'ng'
    return '%s-%s-' % (stack_name(cluster), kind)


def addresses(cluster, ng=None):
    """Fake but plausible: nodes 10.<b>.<c>.<10+index>, floating 172.24.4.x."""
    b = _byte(cluster['uuid'])
    if ng is None:
        fip = 2 + _byte(cluster['uuid'], 'fip') % 250
        return {'cidr': '10.%d.0.0/16' % b, 'vip': '10.%d.0.5' % b,
                'floating': '172.24.4.%d' % fip}
    if ng.get('is_default'):
        c = 0 if ng['role'] == 'master' else 1
    else:
        c = 2 + _byte(ng['uuid']) % 240
    return {'prefix': '10.%d.%d' % (b, c)}


def _test_resource(value, seconds, fail=False, depends_on=None):
    res = {'type': TEST_RESOURCE,
           'properties': {'value': value, 'fail': bool(fail),
                          'action_wait_secs': {'create': seconds,
                                               'update': 0, 'delete': 0}}}
    if depends_on:
        res['depends_on'] = depends_on
    return res


def _group(cluster, ng, removals, max_batch_size):
    settings = sblabels.parse(ng.get('labels') or cluster.get('labels'))
    fail_index = 0 if settings.fail_at == ng['role'] else -1
    props = {
        'name': node_prefix(cluster, ng) + '%index%',
        'role': ng['role'],
        'nodegroup': ng['name'],
        'index': '%index%',
        'address_prefix': addresses(cluster, ng)['prefix'],
        'network': {'get_attr': ['network', 'output']},
        'flavor': ng.get('flavor_id') or '',
        'image': ng.get('image_id') or '',
        'volume_size': int(ng.get('docker_volume_size') or 0),
        'kube_tag': settings.kube_tag,
        'boot_seconds': settings.boot_seconds,
        'delete_seconds': settings.delete_seconds,
        'fail_index': fail_index,
    }
    group = {'type': 'OS::Heat::ResourceGroup',
             'properties': {'count': int(ng['node_count']),
                            'resource_def': {'type': NODE_TYPE,
                                             'properties': props}}}
    if removals:
        group['properties']['removal_policies'] = [
            {'resource_list': list(removals)}]
    if max_batch_size:
        group['update_policy'] = {'rolling_update': {
            'max_batch_size': int(max_batch_size), 'pause_time': 0}}
    if ng['role'] == 'master':
        group['depends_on'] = ['network', 'api_lb'] if cluster.get(
            'master_lb_enabled') else ['network']
    else:
        group['depends_on'] = [MASTERS]
    return group


def removal_list(cluster, ng, nodes_to_remove):
    """Member names for removal_policies: node names become their index."""
    prefix = node_prefix(cluster, ng)
    out = []
    for node in nodes_to_remove or ():
        node = str(node)
        out.append(node[len(prefix):] if node.startswith(prefix) else node)
    return out


def _bulk(cluster, settings, addr):
    """A bulk cluster: one resource stands for the whole cluster."""
    return {
        'heat_template_version': TEMPLATE_VERSION,
        'description': 'Kubernetes cluster %s (magnum_ui sandbox, bulk: '
                       'no simulated nodes)' % cluster['name'],
        'parameters': {'credential_serial': {'type': 'string',
                                             'default': 'initial'}},
        'resources': {BULK_RESOURCE: _test_resource(
            addr['floating'], settings.boot_seconds,
            bool(settings.fail_at))},
        'outputs': {'api_address': {'value': {'str_replace': {
            'template': 'https://HOST:%d' % API_PORT,
            'params': {'HOST': {'get_attr': [BULK_RESOURCE, 'output']}}}}}},
    }


def build(cluster, nodegroups, removals=None, max_batch_size=None):
    """Stack arguments (template, files, environment) for Heat.

    cluster: dict with uuid, name, labels, master_lb_enabled,
    floating_ip_enabled, ca_cert_ref.  nodegroups: dicts with uuid, name,
    role, is_default, node_count, labels, flavor_id, image_id,
    docker_volume_size.  removals: {ng uuid: [member names]}.  Raises
    labels.InvalidLabel for unusable labels.
    """
    settings = sblabels.parse(cluster.get('labels'))
    addr = addresses(cluster)
    if settings.bulk:
        return {'template': _bulk(cluster, settings, addr)}
    infra = min(1.0, settings.boot_seconds)
    lb = bool(cluster.get('master_lb_enabled'))
    fip = bool(cluster.get('floating_ip_enabled', True))
    resources = {
        'network': _test_resource(addr['cidr'], infra,
                                  settings.fail_at == 'network'),
        'cluster_ca': _test_resource(cluster.get('ca_cert_ref') or 'none', 0),
        'cloud_credential': _test_resource(
            {'get_param': 'credential_serial'}, 0),
    }
    api_dep = ['network']
    if lb:
        resources['api_lb'] = _test_resource(
            addr['vip'], min(2.0, settings.boot_seconds),
            settings.fail_at == 'loadbalancer', ['network'])
        api_dep = ['api_lb']
    if fip:
        resources['api_floating_ip'] = _test_resource(
            addr['floating'], infra,
            settings.fail_at == 'loadbalancer' and not lb, api_dep)
        api_host = {'get_attr': ['api_floating_ip', 'output']}
    elif lb:
        api_host = {'get_attr': ['api_lb', 'output']}
    else:
        api_host = {'get_attr': [MASTERS, 'address', 0]}
    outputs = {'api_address': {
        'description': 'Kubernetes API endpoint',
        'value': {'str_replace': {'template': 'https://HOST:%d' % API_PORT,
                                  'params': {'HOST': api_host}}}}}
    removals = removals or {}
    for ng in nodegroups:
        name = resource_name(ng)
        resources[name] = _group(cluster, ng, removals.get(ng['uuid']),
                                 max_batch_size)
        outputs[name + '_addresses'] = {
            'value': {'get_attr': [name, 'address']}}
        outputs[name + '_names'] = {'value': {'get_attr': [name, 'name']}}
    template = {
        'heat_template_version': TEMPLATE_VERSION,
        'description': 'Kubernetes cluster %s (magnum_ui sandbox, '
                       'simulated servers)' % cluster['name'],
        'parameters': {'credential_serial': {
            'type': 'string', 'default': 'initial',
            'description': 'changes when the cluster credential is rotated'}},
        'resources': resources,
        'outputs': outputs,
    }
    return {'template': template,
            'files': {NODE_FILE: node_template()},
            'environment': {'resource_registry': {NODE_TYPE: NODE_FILE}}}
