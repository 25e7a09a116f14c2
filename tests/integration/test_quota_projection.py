"""The quota projection's inputs from the sandbox's real Magnum, Nova and
Neutron, through Horizon's own API modules; a lowered Nova quota shows.
The quota is lowered on the alt project: suites running beside this one
create clusters in demo's."""

from django.core.cache import cache
import pytest

from magnum_ui.content.common import choices
from magnum_ui.content.project.clusters import quota_projection
from tests.integration import compute_quota
from tests.integration.service_request import ServiceRequest

pytestmark = pytest.mark.integration


@pytest.fixture
def demo(sandbox):
    cache.clear()
    return ServiceRequest(sandbox['sessions']['demo'], sandbox['region'])


def test_inputs_from_magnum_nova_and_neutron(demo):
    found = quota_projection.inputs(demo)
    assert found.errors == []
    for resource in ('clusters', 'instances', 'cores', 'ram',
                     'floating_ips'):
        assert found.known(resource), resource
        assert found.used[resource] >= 0
    assert found.flavors['m1.small'] == (2, 2048)
    template = {'flavor_id': 'm1.small', 'master_flavor_id': 'm1.small',
                'floating_ip_enabled': True}
    projection = quota_projection.project(found, quota_projection.
                                          cluster_demand(found, template,
                                                         node_count=2))
    rows = {row.resource: row for row in projection.rows}
    assert rows['cores'].after == rows['cores'].current + 6
    assert rows['floating_ips'].after == rows['floating_ips'].current + 3


def test_lowered_nova_quota_blocks(sandbox, admin_session):
    alt = ServiceRequest(sandbox['sessions']['alt'], sandbox['region'])
    project_id = alt.user.project_id
    with compute_quota.lowered(admin_session, project_id, cores=1):
        found = quota_projection.inputs(alt)
        demand = quota_projection.nodes_demand(found, 'm1.small', 1)
        blocking = quota_projection.project(found, demand).blocking
        assert [row.resource for row in blocking] == ['cores']
        assert found.limits['cores'] == 1
    assert compute_quota.get(admin_session, project_id)['cores'] != 1


def test_availability_zones_from_nova(demo):
    # The sandbox's Nova has no compute host, so it lists no zone: the
    # wizard then offers Nova's default, and says so.
    zones = choices.availability_zones(demo)
    assert zones[0][0] == ''
    assert 'Unable' not in str(zones[0][1])
