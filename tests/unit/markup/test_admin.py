"""Admin panels: project names from Keystone, Magnum services, quotas."""

import types

from django.urls import reverse
from magnumclient.v1 import mservices as mservices_module
from magnumclient.v1 import quotas as quotas_module

from openstack_dashboard import api
from openstack_dashboard.test import helpers

from magnum_ui.api import magnum
from magnum_ui.api import wrappers
from tests.unit.content.project.clusters import base
from tests.unit import magnum_data
from tests.unit import markup

CLUSTERS_URL = reverse('horizon:admin:clusters:index')
TEMPLATES_URL = reverse('horizon:admin:cluster_templates:index')
SERVICES_URL = reverse('horizon:admin:container_infra_services:index')
QUOTAS_URL = reverse('horizon:admin:container_infra_quotas:index')
QUOTA_CREATE_URL = reverse('horizon:admin:container_infra_quotas:create')
OTHER_PROJECT = 'f0000000000000000000000000000002'


def projects():
    """Keystone's answer: project names holding markup."""
    return ([types.SimpleNamespace(id='1', name=markup.hostile('p_own')),
             types.SimpleNamespace(id=OTHER_PROJECT,
                                   name=markup.hostile('p_other'))], False)


def hostile_quota(number, project_id):
    return wrappers.Quota(quotas_module.Quotas(None, {
        'id': number, 'project_id': project_id, 'resource': 'Cluster',
        'hard_limit': 5}, loaded=True))


class AdminMarkupTests(markup.InertAssertions, base.ClustersAdminTestCase):
    @helpers.create_mocks({magnum: ['cluster_list'],
                           api.keystone: ['tenant_list']})
    def test_admin_clusters_show_project_and_cluster_names_escaped(self):
        other = magnum_data._cluster(
            uuid='c0ffee00-0000-4000-8000-0000000000ff',
            name=markup.hostile('c_other'), project_id=OTHER_PROJECT)
        self.mock_cluster_list.return_value = [
            magnum_data._cluster(name=markup.hostile('c_own')), other]
        self.mock_tenant_list.return_value = projects()
        res = self.client.get(CLUSTERS_URL)
        self.assertPage(res, 'p_own', 'p_other', 'c_own', 'c_other')

    @helpers.create_mocks({magnum: ['cluster_get', 'cluster_template_get',
                                    'nodegroup_list']})
    def test_admin_cluster_detail_is_escaped(self):
        cluster = magnum_data._cluster(
            name=markup.hostile('c_own'),
            status_reason=markup.hostile('c_reason'),
            faults={'kube_minions': markup.hostile('c_fault')})
        self.mock_cluster_get.return_value = cluster
        self.mock_cluster_template_get.return_value = magnum_data._template(
            name=markup.hostile('t_name'))
        self.mock_nodegroup_list.return_value = []
        res = self.client.get(reverse('horizon:admin:clusters:detail',
                                      args=[cluster.id]))
        self.assertPage(res, 'c_own', 'c_reason', 'c_fault', 't_name')

    @helpers.create_mocks({magnum: ['cluster_template_list'],
                           api.glance: ['image_list_detailed'],
                           api.keystone: ['tenant_list']})
    def test_admin_templates_show_project_names_escaped(self):
        self.mock_cluster_template_list.return_value = [
            magnum_data._template(name=markup.hostile('t_own')),
            magnum_data._template(uuid='a1b2c3d4-0000-4000-8000-0000000000cc',
                                  name=markup.hostile('t_other'),
                                  project_id=OTHER_PROJECT, public=True)]
        self.mock_image_list_detailed.return_value = ([], False, False)
        self.mock_tenant_list.return_value = projects()
        res = self.client.get(TEMPLATES_URL)
        self.assertPage(res, 'p_own', 'p_other', 't_own', 't_other')

    @helpers.create_mocks({magnum: ['cluster_template_list',
                                    'cluster_template_update'],
                           api.glance: ['image_list_detailed'],
                           api.keystone: ['tenant_list']})
    def test_publish_refusal_is_escaped_on_the_next_page(self):
        template = magnum_data._template(name=markup.hostile('t_own'))
        self.mock_cluster_template_list.return_value = [template]
        self.mock_image_list_detailed.return_value = ([], False, False)
        self.mock_tenant_list.return_value = projects()
        self.mock_cluster_template_update.side_effect = base.magnum_error(
            403, markup.hostile('publisherr'))
        res = self.client.post(TEMPLATES_URL, {
            'action': 'cluster_templates__publish__%s' % template.id},
            follow=True)
        self.assertEqual(200, res.status_code)
        for tag in ('t_own', 'publisherr'):
            self.assertMessageEscaped(res, markup.hostile(tag))

    @helpers.create_mocks({magnum: ['service_list']})
    def test_services_are_escaped(self):
        self.mock_service_list.return_value = [
            wrappers.MagnumService(mservices_module.MService(None, {
                'id': 1, 'host': markup.hostile('s_host'),
                'binary': markup.hostile('s_binary'), 'state': 'down',
                'disabled': True,
                'disabled_reason': markup.hostile('s_reason'),
                'report_count': 1,
                'updated_at': '2026-11-24T05:00:00+00:00'}, loaded=True))]
        res = self.client.get(SERVICES_URL)
        self.assertPage(res, 's_host', 's_binary', 's_reason')

    @helpers.create_mocks({magnum: ['service_list']})
    def test_service_list_error_is_escaped(self):
        self.mock_service_list.side_effect = base.magnum_error(
            500, markup.hostile('svcerr'))
        res = self.client.get(SERVICES_URL)
        self.assertPage(res, 'svcerr')

    @helpers.create_mocks({magnum: ['quota_list'],
                           api.keystone: ['tenant_list']})
    def test_quotas_show_project_names_escaped(self):
        self.mock_quota_list.return_value = [hostile_quota(1, '1'),
                                             hostile_quota(2, OTHER_PROJECT)]
        self.mock_tenant_list.return_value = projects()
        res = self.client.get(QUOTAS_URL)
        self.assertPage(res, 'p_own', 'p_other')
        self.assertEqual(markup.escaped('p_other'), markup.attribute(
            markup.body(res), 'data-display',
            id='quotas__row__%s' % OTHER_PROJECT))

    @helpers.create_mocks({magnum: ['quota_list', 'quota_delete'],
                           api.keystone: ['tenant_list']})
    def test_quota_delete_refusal_is_escaped_on_the_next_page(self):
        self.mock_quota_list.return_value = [hostile_quota(2, OTHER_PROJECT)]
        self.mock_tenant_list.return_value = projects()
        self.mock_quota_delete.side_effect = base.magnum_error(
            409, markup.hostile('quotaerr'))
        res = self.client.post(QUOTAS_URL, {
            'action': 'quotas__delete__%s' % OTHER_PROJECT}, follow=True)
        self.assertEqual(200, res.status_code)
        for tag in ('p_other', 'quotaerr'):
            self.assertMessageEscaped(res, markup.hostile(tag))

    @helpers.create_mocks({magnum: ['quota_list'],
                           api.keystone: ['tenant_list']})
    def test_set_quota_project_choices_are_escaped(self):
        self.mock_quota_list.return_value = []
        self.mock_tenant_list.return_value = projects()
        res = self.client.get(QUOTA_CREATE_URL)
        self.assertEqual(200, res.status_code)
        page = markup.body(res)
        self.assertInert(page)
        self.assertOption(page, OTHER_PROJECT, markup.hostile('p_other'))

    @helpers.create_mocks({magnum: ['cluster_list'],
                           api.keystone: ['tenant_list']})
    def test_keystone_error_is_escaped(self):
        self.mock_cluster_list.return_value = [magnum_data._cluster()]
        self.mock_tenant_list.side_effect = base.magnum_error(
            500, markup.hostile('ksERR'))
        res = self.client.get(CLUSTERS_URL)
        self.assertPage(res, 'ksERR')
