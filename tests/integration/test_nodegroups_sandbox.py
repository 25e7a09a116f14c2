"""Every nodegroup call of the service layer against the sandbox's Magnum.

One small cluster; a nodegroup is created, listed (brief and detailed),
resized, updated (min/max, node labels and taints as a JSON-patch of the
changes) and deleted, each outcome checked through Magnum itself.
"""

import time
import uuid

from magnumclient import exceptions as mc_exc
import pytest

from magnum_ui.api import magnum
from magnum_ui.api import versions
from tests.integration.service_request import ServiceRequest

pytestmark = pytest.mark.integration

WAIT = 150


def wait_for(check, timeout=WAIT):
    """check() until it returns something true; NotFound counts as no."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            found = check()
        except mc_exc.NotFound:
            found = None
        if found:
            return found
        assert time.monotonic() < deadline, 'gave up after %ss' % timeout
        time.sleep(2)


def settled(request, cluster_id, group_name, status='COMPLETE'):
    """The group once it and its cluster are done with their update."""
    def check():
        group = magnum.nodegroup_get(request, cluster_id, group_name)
        assert not group.status.endswith('FAILED'), group.status_reason
        cluster = magnum.cluster_get(request, cluster_id)
        if group.status.endswith(status) and \
                cluster.status.endswith('COMPLETE'):
            return group
    return wait_for(check)


@pytest.fixture(scope='module')
def demo(sandbox):
    versions.forget_ranges()
    return ServiceRequest(sandbox['sessions']['demo'], sandbox['region'])


@pytest.fixture(scope='module')
def cluster(sandbox, demo):
    tag = 'it-ng-%s' % uuid.uuid4().hex[:6]
    template = magnum.cluster_template_create(
        demo, name=tag, coe='kubernetes', image_id=sandbox['images']['coreos'],
        flavor_id='m1.small', master_flavor_id='m1.small',
        external_network_id=sandbox['networks']['external'],
        labels={'sandbox_boot_seconds': '1', 'sandbox_delete_seconds': '1',
                'kube_tag': 'v1.30.4'})
    created = magnum.cluster_create(demo, name=tag,
                                    cluster_template_id=template.id,
                                    master_count=1, node_count=1)
    yield wait_for(lambda: magnum.cluster_get(demo, created.uuid).status
                   == 'CREATE_COMPLETE' and created.uuid)
    magnum.cluster_delete(demo, created.uuid)
    wait_for(lambda: _gone(demo, created.uuid))
    magnum.cluster_template_delete(demo, template.id)


def _gone(request, cluster_id):
    try:
        magnum.cluster_get(request, cluster_id)
    except mc_exc.NotFound:
        return True
    return False


def test_nodegroup_create_list_resize_update_delete(demo, cluster):
    assert magnum.supports(demo, 'node_labels_taints')
    created = magnum.nodegroup_create(
        demo, cluster, name='pool-a', role='worker', node_count=1,
        min_node_count=1, max_node_count=3, flavor_id='m1.small',
        labels={'availability_zone': 'nova'}, merge_labels=True,
        node_labels={'pool': 'a'},
        node_taints=[{'key': 'dedicated', 'value': 'a',
                      'effect': 'NoSchedule'}])
    assert created.name == 'pool-a'
    group = settled(demo, cluster, 'pool-a')
    assert (group.min_node_count, group.max_node_count) == (1, 3)
    assert group.labels['availability_zone'] == 'nova'
    assert group.labels['kube_tag'] == 'v1.30.4'  # merged from the cluster
    assert group.node_labels == {'pool': 'a'}
    assert group.node_taints[0]['effect'] == 'NoSchedule'

    brief = {g.name: g for g in magnum.nodegroup_list_brief(demo, cluster)}
    assert set(brief) == {'default-master', 'default-worker', 'pool-a'}
    assert brief['pool-a'].status == 'CREATE_COMPLETE'
    # The brief list says Magnum's defaults, not the group's bounds.
    assert (brief['pool-a'].min_node_count,
            brief['pool-a'].max_node_count) == (0, None)
    detailed = {g.name: g for g in magnum.nodegroup_list(demo, cluster)}
    assert detailed['pool-a'].max_node_count == 3

    magnum.cluster_resize(demo, cluster, 2, nodegroup=group.id)
    wait_for(lambda: magnum.nodegroup_get(demo, cluster, 'pool-a')
             .node_count == 2)
    group = settled(demo, cluster, 'pool-a')
    assert len(group.node_addresses) == 2

    current = {name: getattr(group, name)
               for name in magnum.NODEGROUP_UPDATE_FIELDS}
    assert magnum.nodegroup_update(demo, cluster, group.id, current,
                                   **current) is None  # nothing changed
    magnum.nodegroup_update(demo, cluster, group.id, current,
                            min_node_count=0, max_node_count=None,
                            node_labels={'pool': 'b'}, node_taints=[])
    group = wait_for(lambda: [
        g for g in [magnum.nodegroup_get(demo, cluster, 'pool-a')]
        if g.node_labels == {'pool': 'b'}])[0]
    assert (group.min_node_count, group.max_node_count) == (0, None)
    assert not group.node_taints
    settled(demo, cluster, 'pool-a')

    with pytest.raises(mc_exc.BadRequest):  # Magnum's own refusal
        magnum.nodegroup_delete(demo, cluster, 'default-worker')
    magnum.nodegroup_delete(demo, cluster, group.id)
    wait_for(lambda: 'pool-a' not in
             [g.name for g in magnum.nodegroup_list_brief(demo, cluster)])
