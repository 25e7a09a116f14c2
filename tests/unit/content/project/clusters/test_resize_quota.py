"""Resize form: quota table, a resize beyond the quota refused, previews
of the table and the command."""

from openstack_dashboard import api
from openstack_dashboard.test import helpers

from magnum_ui.api import magnum
from tests.unit.content.project.clusters import base
from tests.unit.content.project.clusters import test_quota_projection as qp
from tests.unit.content.project.clusters import test_resize_upgrade as ops

MOCKS = {magnum: ['cluster_get', 'nodegroup_list', 'cluster_resize',
                  'stats_get'],
         api.nova: ['tenant_absolute_limits', 'flavor_list'],
         api.neutron: ['tenant_quota_detail_get']}


class ResizeQuotaTests(base.ClustersTestCase):
    def mock_all(self, instances=(3, 10), groups=None):
        self.mock_cluster_get.return_value = self.cluster()
        self.mock_nodegroup_list.return_value = (
            self.nodegroups.list() if groups is None else groups)
        self.mock_tenant_absolute_limits.return_value = qp.nova_limits(
            instances=instances)
        self.mock_flavor_list.return_value = qp.FLAVORS
        self.mock_tenant_quota_detail_get.return_value = qp.neutron_detail()

    @helpers.create_mocks(MOCKS)
    def test_form_shows_the_table_and_the_command(self):
        self.mock_all()
        cluster = self.cluster()
        res = self.client.get(ops.url('resize', cluster.id))
        self.assertContains(res, 'data-preview-url="%s"'
                            % ops.url('resize_quota', cluster.id))
        self.assertContains(res, 'data-cli-url="%s"'
                            % ops.url('resize_cli', cluster.id))
        self.assertContains(res, 'openstack coe cluster resize %s 2'
                            % cluster.id)
        self.assertContains(res, '<tr data-resource="instances" '
                                 'class="quota-fits">')
        # A resize adds no cluster: Magnum's cluster quota is not read.
        self.mock_stats_get.assert_not_called()

    @helpers.create_mocks(MOCKS)
    def test_resize_beyond_the_quota_is_refused(self):
        self.mock_all(instances=(9, 10))
        cluster = self.cluster()
        res = self.client.post(ops.url('resize', cluster.id),
                               {'node_count': 4})
        self.mock_cluster_resize.assert_not_called()
        errors = ' '.join(res.context['form'].errors['node_count'])
        self.assertIn('Instances: 11 needed, the limit is 10 (9 in use)',
                      errors)
        self.assertContains(res, 'value="4"')

    @helpers.create_mocks(MOCKS)
    def test_shrink_needs_no_quota(self):
        self.mock_all(instances=(10, 10))
        self.mock_cluster_resize.return_value = None
        cluster = self.cluster()
        res = self.client.post(ops.url('resize', cluster.id),
                               {'node_count': 1})
        self.assertNoFormErrors(res)
        self.mock_cluster_resize.assert_called_once()

    @helpers.create_mocks(MOCKS)
    def test_chosen_group_uses_its_flavor(self):
        big = ops.extra_worker_group()
        self.mock_all(groups=self.nodegroups.list() + [big])
        cluster = self.cluster()
        self.client.get(ops.url('resize', cluster.id))
        self.mock_tenant_absolute_limits.reset_mock()
        res = self.client.post(ops.url('resize_quota', cluster.id),
                               {'node_count': '3',
                                'nodegroup': 'big-workers'})
        self.mock_tenant_absolute_limits.assert_not_called()
        # big-workers has m1.large (8 VCPUs): 2 more nodes, 16 more.
        self.assertContains(res, '<td>2</td>\n          <td>18</td>')

    @helpers.create_mocks(MOCKS)
    def test_previews_without_services(self):
        self.mock_all()
        cluster = self.cluster()
        res = self.client.post(ops.url('resize_quota', cluster.id),
                               {'node_count': '3'})
        self.assertEqual(204, res.status_code)  # nothing kept: table stays
        res = self.client.post(ops.url('resize_cli', cluster.id),
                               {'node_count': '5', 'nodegroup': 'ng 1'})
        self.assertEqual("openstack coe cluster resize --nodegroup 'ng 1' "
                         "%s 5" % cluster.id, res.content.decode())
        self.mock_cluster_get.assert_not_called()
