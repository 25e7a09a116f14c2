"""What a cluster's stack is made of: network, load balancers, node groups.

Pure functions over ``progress.StackItem`` lists. A top-level resource is
classified by its Heat type when that says enough, otherwise by the words
of its name — both the sandbox driver's names (network, api_lb,
kube_masters, kube_minions, nodegroup_<name>) and those of Magnum's Heat
drivers (api_lb, etcd_lb, network, secgroup_kube_master, ...) — and
anything unrecognised goes to "other".
"""

import dataclasses
import re

CONTROL_PLANE = 'control_plane'
WORKERS = 'workers'
LOADBALANCER = 'loadbalancer'
NETWORK = 'network'
OTHER = 'other'

GROUP_TYPES = ('OS::Heat::ResourceGroup', 'OS::Heat::AutoScalingGroup',
               'AWS::AutoScaling::AutoScalingGroup')
NODEGROUP_PREFIX = 'nodegroup_'
# ASCII only: str.isdigit() also accepts '²', which int() refuses.
_INDEX = re.compile(r'[0-9]+')

# Checked in this order; the first match wins.
_TYPE_RULES = (
    (re.compile(r'Switcher|ServerGroup|Software(Config|Deployment)|'
                r'WaitCondition|RandomString|CloudConfig|MultipartMime'),
     OTHER),
    (re.compile(r'SecurityGroup|::Net$|Subnet|Router|FloatingIP|::Port$'),
     NETWORK),
    (re.compile(r'LoadBalancer|Octavia|LBaaS'), LOADBALANCER),
)
_NAME_RULES = (
    ({'switch', 'config', 'deploy', 'deployment', 'ca', 'credential',
      'secret', 'cert', 'certificate'}, OTHER),
    ({'lb', 'lbs', 'loadbalancer', 'lbaas', 'octavia'}, LOADBALANCER),
    ({'network', 'networks', 'net', 'subnet', 'router', 'extrouter',
      'secgroup', 'floating', 'fip'}, NETWORK),
    ({'master', 'masters', 'control', 'controlplane', 'primary'},
     CONTROL_PLANE),
    ({'minion', 'minions', 'worker', 'workers', 'node', 'nodes',
      'nodegroup', 'agent', 'agents'}, WORKERS),
)


def is_index(name):
    """Whether a resource name is a group member's index ("0", "12")."""
    return bool(name) and _INDEX.fullmatch(name) is not None


def classify(name, resource_type):
    """The role of a top-level stack resource."""
    for pattern, role in _TYPE_RULES:
        if pattern.search(resource_type or ''):
            return role
    tokens = set(re.split(r'[^a-z0-9]+', (name or '').lower()))
    if (name or '').lower().startswith(NODEGROUP_PREFIX):
        return WORKERS
    for words, role in _NAME_RULES:
        if tokens & words:
            return role
    return OTHER


def aggregate(status_classes):
    """One status class for several (the network made of many resources)."""
    classes = set(status_classes)
    if not classes:
        return 'pending'
    for worst in ('failed', 'in-progress'):
        if worst in classes:
            return worst
    if len(classes - {'deleted'}) > 1:
        return 'in-progress'
    return classes.pop() if len(classes) == 1 else 'complete'


@dataclasses.dataclass
class Box:
    name: str
    label: str
    status: str
    status_class: str
    reason: str = ''


@dataclasses.dataclass
class NodeGroup:
    name: str
    label: str
    role: str
    status: str
    status_class: str
    nodes: list


@dataclasses.dataclass
class Topology:
    network: list
    loadbalancers: list
    control_plane: list
    workers: list
    other: list

    @property
    def network_status_class(self):
        return aggregate(box.status_class for box in self.network)

    @property
    def is_empty(self):
        return not (self.network or self.loadbalancers or
                    self.control_plane or self.workers or self.other)


def _box(item, label=None):
    return Box(name=item.name, label=label or item.name, status=item.status,
               status_class=item.status_class, reason=item.reason)


def _node_prefix(item, role):
    if role == CONTROL_PLANE:
        return 'master'
    if item.name.lower().startswith(NODEGROUP_PREFIX):
        return item.name[len(NODEGROUP_PREFIX):]
    return 'node'


def _node_group(item, role, children):
    prefix = _node_prefix(item, role)
    if children and (item.type in GROUP_TYPES or
                     all(is_index(child.name) for child in children)):
        nodes = [_box(child, '%s-%s' % (prefix, child.name)
                      if is_index(child.name) else child.name)
                 for child in children]
    elif item.type in GROUP_TYPES:
        nodes = []   # the group's nested stack does not exist yet
    else:
        nodes = [_box(item)]   # a single server is a group of one
    label = item.name
    if label.lower().startswith(NODEGROUP_PREFIX):
        label = label[len(NODEGROUP_PREFIX):]
    return NodeGroup(name=item.name, label=label, role=role,
                     status=item.status, status_class=item.status_class,
                     nodes=nodes)


def build(items):
    """A Topology from the StackItems of ``progress.index_resources``."""
    children_of = {}
    for item in items:
        children_of.setdefault(item.stack_id, []).append(item)
    topology = Topology([], [], [], [], [])
    for item in items:
        if item.depth != 0:
            continue
        role = classify(item.name, item.type)
        children = children_of.get(item.nested_id, []) if item.nested_id \
            else []
        if role in (CONTROL_PLANE, WORKERS):
            target = (topology.control_plane if role == CONTROL_PLANE
                      else topology.workers)
            target.append(_node_group(item, role, children))
        elif role == LOADBALANCER:
            topology.loadbalancers.append(_box(item))
        elif role == NETWORK:
            topology.network.append(_box(item))
        else:
            topology.other.append(_box(item))
    return topology
