"""magnum_ui's service layer against the sandbox's real Magnum and Heat.

The views are unit-tested with this layer mocked at its edge; here the
same calls run for real with a user's token and catalogue, so what the
mocks assume is checked against what Magnum actually answers.
"""

import time
import uuid

from magnumclient import exceptions as mc_exc
import pytest

from magnum_ui.api import magnum
from magnum_ui.content.project.clusters.progress import loader as progress
from magnum_ui.content.project.clusters.progress import model as stack_progress
from magnum_ui.api import versions
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
        time.sleep(2)


def wait_gone(request, cluster_id, timeout=WAIT):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            magnum.cluster_get(request, cluster_id)
        except mc_exc.NotFound:
            return
        time.sleep(1)
    raise AssertionError('cluster %s was not deleted' % cluster_id)


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
    assert progress.cluster_progress_summary(demo, cluster) == (
        found.total, found.total)


def test_another_project_cannot_see_the_cluster(sandbox, cluster):
    alt = request_for(sandbox, 'alt')
    assert cluster.id not in [c.id for c in magnum.cluster_list(alt)]
    with pytest.raises(mc_exc.NotFound):
        magnum.cluster_get(alt, cluster.id)
