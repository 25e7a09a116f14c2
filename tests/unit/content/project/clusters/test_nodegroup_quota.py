"""Add Nodegroup: the quota table, and nodes beyond the quota refused
with the values kept."""

from openstack_dashboard import api
from openstack_dashboard.test import helpers

from magnum_ui.api import magnum
from tests.unit.content.project.clusters import test_nodegroup_forms as ng
from tests.unit.content.project.clusters import test_quota_projection as qp

MOCKS = {magnum: ['cluster_get', 'nodegroup_create', 'stats_get'],
         api.nova: ['flavor_list', 'availability_zone_list',
                    'tenant_absolute_limits'],
         api.neutron: ['tenant_quota_detail_get'],
         api.glance: ['image_list_detailed']}


class NodegroupQuotaTests(ng.NodegroupFormTestCase):
    def mock_all(self, cores=(2, 20)):
        self.mock_cluster_get.return_value = self.cluster()
        self.mock_flavor_list.return_value = qp.FLAVORS
        self.mock_availability_zone_list.return_value = []
        self.mock_image_list_detailed.return_value = ([], False, False)
        self.mock_tenant_absolute_limits.return_value = qp.nova_limits(
            cores=cores)
        self.mock_tenant_quota_detail_get.return_value = qp.neutron_detail()

    @helpers.create_mocks(MOCKS)
    def test_form_shows_the_quota_table(self):
        self.mock_all()
        res = self.client.get(ng.url('create'))
        self.assertContains(res, 'id="quota-projection"')
        self.assertContains(res, '<tr data-resource="cores" '
                                 'class="quota-fits">')
        # Nodes add no cluster: Magnum's cluster quota is not read.
        self.mock_stats_get.assert_not_called()

    @helpers.create_mocks(MOCKS)
    def test_nodes_beyond_the_quota_are_refused_values_kept(self):
        self.mock_all(cores=(2, 20))
        res = self.client.post(ng.url('create'), {
            'name': 'big-pool', 'role': 'worker', 'node_count': 3,
            'flavor_id': 'f-large', 'image_id': '', 'availability_zone': '',
            'labels': '', 'merge_labels': 'on'})
        self.mock_nodegroup_create.assert_not_called()
        self.assert_field_error(
            res, 'node_count', 'VCPUs: 26 needed, the limit is 20 (2 in use)')
        self.assertContains(res, 'value="big-pool"')
        self.assertContains(res, 'class="danger quota-blocks"')
        # the command of the values kept, one value per option
        self.assertContains(res, 'openstack coe nodegroup create --role '
                                 'worker --flavor f-large')
