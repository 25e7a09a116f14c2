"""magnum_ui's service layer against the sandbox's real Magnum and Heat.

One cluster serves every test; the nodegroup calls run last (create,
list brief and detailed, resize, update as a JSON-patch, delete).

The views are unit-tested with this layer mocked at its edge; here the
same calls run for real with a user's token and catalogue, so what the
mocks assume is checked against what Magnum actually answers.
"""

import time
import uuid

from magnumclient import exceptions as mc_exc
import pytest

from magnum_ui.api import magnum
from magnum_ui.api import versions
from magnum_ui.content.project.clusters.progress import loader as progress
from magnum_ui.content.project.clusters.progress import model as stack_progress
from tests.integration.service_request import ServiceRequest

pytestmark = pytest.mark.integration

WAIT = 150


def request_for(sandbox, login):
    return ServiceRequest(sandbox['sessions'][login], sandbox['region'],
                          login)


def wait_status(request, cluster_id, wanted, timeout=WAIT):
    deadline = time.monotonic() + timeout
    while True:
        try:
            cluster = magnum.cluster_get(request, cluster_id)
            if cluster.status in wanted:
                return cluster
            assert not cluster.status.endswith('_FAILED'), \
                cluster.status_reason
        except mc_exc.NotFound:
            pass  # the conductor has not written the row yet
        assert time.monotonic() < deadline, 'cluster never reached %s' % (
            wanted,)
        time.sleep(1)


def wait_gone(request, cluster_id, timeout=WAIT):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            magnum.cluster_get(request, cluster_id)
        except mc_exc.NotFound:
            return
        time.sleep(1)
    raise AssertionError('cluster %s was not deleted' % cluster_id)


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
        time.sleep(1)


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
    return request_for(sandbox, 'demo')


@pytest.fixture(scope='module')
def template(sandbox, demo):
    created = magnum.cluster_template_create(
        demo, name='it-layer-%s' % uuid.uuid4().hex[:6], coe='kubernetes',
        image_id=sandbox['images']['coreos'], flavor_id='m1.small',
        master_flavor_id='m1.small', keypair_id='demo-key',
        external_network_id=sandbox['networks']['external'],
        network_driver='flannel', dns_nameserver='8.8.8.8',
        labels={'sandbox_boot_seconds': '1', 'sandbox_delete_seconds': '1'},
        http_proxy='')
    yield created
    # the cluster fixture has waited for its cluster to go
    magnum.cluster_template_delete(demo, created.id)


@pytest.fixture(scope='module')
def cluster(demo, template):
    created = magnum.cluster_create(
        demo, name='it-layer-%s' % uuid.uuid4().hex[:6],
        cluster_template_id=template.id, master_count=1, node_count=2)
    yield wait_status(demo, created.uuid, ('CREATE_COMPLETE',))
    magnum.cluster_delete(demo, created.uuid)
    # else the template is still in use and stays behind
    wait_gone(demo, created.uuid)


def test_negotiates_the_newest_version_both_know(demo):
    assert magnum.api_version(demo) == (1, 14)
    for feature in versions.FEATURE_MIN_VERSION:
        assert magnum.supports(demo, feature), feature


def test_template_round_trip_sends_only_changes(demo, template):
    fetched = magnum.cluster_template_get(demo, template.id)
    assert fetched.keypair_id == 'demo-key'
    assert fetched.http_proxy is None   # empty values were not sent
    current = fetched.to_dict()
    updated = magnum.cluster_template_update(
        demo, template.id, current, dns_nameserver='1.1.1.1',
        name=fetched.name, http_proxy='http://proxy:3128')
    assert updated.dns_nameserver == '1.1.1.1'
    assert updated.http_proxy == 'http://proxy:3128'
    assert updated.name == fetched.name
    cleared = magnum.cluster_template_update(
        demo, template.id, updated.to_dict(), http_proxy='')
    assert cleared.http_proxy is None
    names = [t.name for t in magnum.cluster_template_list(demo)]
    assert fetched.name in names and 'k8s-public' in names


def test_magnums_full_message_is_kept(demo, sandbox):
    with pytest.raises(mc_exc.BadRequest) as failure:
        magnum.cluster_template_create(
            demo, name='it-bad', coe='kubernetes',
            image_id=sandbox['images']['coreos'], flavor_id='m1.huge.xl')
    assert 'm1.huge.xl' in magnum.error_message(failure.value)


def test_cluster_and_its_nodegroups(demo, cluster):
    listed = {c.id: c for c in magnum.cluster_list(demo)}
    assert listed[cluster.id].status == 'CREATE_COMPLETE'
    assert cluster.api_address.startswith('https://')
    assert cluster.stack_or_cluster_id
    groups = {g.role: g for g in magnum.nodegroup_list(demo, cluster.id)}
    assert set(groups) == {'master', 'worker'}
    assert groups['worker'].node_count == 2
    # Attributes only the per-group answer carries (resize validates them).
    assert groups['worker'].min_node_count is not None


def test_stats_and_quota_answer(demo, cluster):
    stats = magnum.stats_get(demo, demo.user.project_id)
    assert stats.clusters >= 1 and stats.nodes >= 3
    quota = magnum.quota_get(demo, demo.user.project_id)
    assert quota.hard_limit >= stats.clusters


def test_progress_from_the_real_heat_stack(demo, cluster):
    found = progress.get_progress(demo, cluster)
    assert found.state == stack_progress.AVAILABLE
    assert found.stack_status == 'CREATE_COMPLETE'
    assert found.total >= 3 and found.done == found.total
    summary = progress.cluster_progress_summary(demo, cluster)
    assert (summary.done, summary.total) == (found.total, found.total)
    assert summary.waiting == ()  # nothing in progress


def test_another_project_cannot_see_the_cluster(sandbox, cluster):
    alt = request_for(sandbox, 'alt')
    assert cluster.id not in [c.id for c in magnum.cluster_list(alt)]
    with pytest.raises(mc_exc.NotFound):
        magnum.cluster_get(alt, cluster.id)


# Last: it changes the cluster the tests above look at as created.
def test_nodegroup_create_list_resize_update_delete(demo, cluster):
    cluster = cluster.id
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
    # merged with the cluster's labels
    assert group.labels['sandbox_boot_seconds'] == '1'
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
