"""Admin panels in the pseudo-locale."""

from django.urls import reverse

from openstack_dashboard import api
from openstack_dashboard.test import helpers

from magnum_ui.api import magnum
from tests.unit.content.admin import test_admin_panels
from tests.unit.content.project.clusters import recorded
from tests.unit import i18n

AJAX = {'HTTP_X_REQUESTED_WITH': 'XMLHttpRequest'}
MOCKS = {magnum: ['cluster_list', 'cluster_get', 'cluster_template_list',
                  'cluster_template_get', 'nodegroup_list', 'quota_list',
                  'quota_get', 'service_list'],
         api.glance: ['image_list_detailed'],
         api.nova: ['flavor_list'],
         api.neutron: ['network_list', 'subnet_list'],
         api.keystone: ['tenant_list']}


class AdminPagesTests(i18n.PseudoLocaleMixin,
                      test_admin_panels.AdminTestCase):
    @helpers.create_mocks(MOCKS)
    def test_every_admin_page(self):
        cluster = self.clusters.first()
        template = self.cluster_templates.list()[1]
        quota = self.magnum_quotas.first()
        self.mock_cluster_list.return_value = self.clusters.list()
        self.mock_cluster_get.return_value = cluster
        self.mock_cluster_template_list.return_value = \
            self.cluster_templates.list()
        self.mock_cluster_template_get.return_value = template
        self.mock_nodegroup_list.return_value = self.nodegroups.list()
        self.mock_quota_list.return_value = self.magnum_quotas.list()
        self.mock_quota_get.return_value = quota
        self.mock_service_list.return_value = self.magnum_services.list()
        self.mock_image_list_detailed.return_value = (
            self.images.list(), False, False)
        self.mock_flavor_list.return_value = self.flavors.list()
        self.mock_network_list.return_value = self.networks.list()
        self.mock_subnet_list.return_value = self.subnets.list()
        self.mock_tenant_list.return_value = (self.tenants.list(), False)
        pages = [
            ('horizon:admin:clusters:index', []),
            ('horizon:admin:clusters:detail', [cluster.id]),
            ('horizon:admin:cluster_templates:index', []),
            ('horizon:admin:cluster_templates:detail', [template.id]),
            ('horizon:admin:container_infra_quotas:index', []),
            ('horizon:admin:container_infra_services:index', [])]
        for name, args in pages:
            self.assertTranslated(self.client.get(reverse(name, args=args)))
        # Triage groups the failed and stalled clusters it is given.
        failed = [recorded.cluster(name) for name in (
            'failed_worker', 'failed_master', 'delete_failed', 'stalled')]
        self.mock_cluster_list.return_value = failed
        self.assertTranslated(
            self.client.get(reverse('horizon:admin:clusters:triage:index')),
            data=i18n.strings_of([c._apiresource._info for c in failed]))
        for name, args in (
                ('horizon:admin:container_infra_quotas:create', []),
                ('horizon:admin:container_infra_quotas:update',
                 [quota.project_id])):
            self.assertTranslated(self.client.get(reverse(name, args=args),
                                                  **AJAX))
