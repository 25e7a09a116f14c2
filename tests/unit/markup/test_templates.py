"""Cluster templates: index, detail tabs, update wizard, messages."""

import types

from django.urls import reverse

from openstack_dashboard import api
from openstack_dashboard.test import helpers

from magnum_ui.api import magnum
from tests.unit.content.project.clusters import base
from tests.unit import helpers as magnum_helpers
from tests.unit import magnum_data
from tests.unit import markup

INDEX_URL = reverse('horizon:project:cluster_templates:index')
TEXT_FIELDS = ('name', 'image_id', 'keypair_id', 'flavor_id',
               'master_flavor_id', 'external_network_id', 'fixed_network',
               'fixed_subnet', 'network_driver', 'volume_driver',
               'docker_storage_driver', 'server_type', 'dns_nameserver',
               'http_proxy', 'https_proxy', 'no_proxy', 'tags', 'coe',
               'cluster_distro', 'project_id')
DETAIL_MOCKS = {magnum: ['cluster_template_get', 'cluster_list'],
                api.glance: ['image_list_detailed'],
                api.nova: ['flavor_list'],
                api.neutron: ['network_list', 'subnet_list']}
WIZARD_MOCKS = {magnum: ['cluster_template_get', 'cluster_list'],
                api.glance: ['image_list_detailed'],
                api.nova: ['flavor_list', 'keypair_list'],
                api.neutron: ['network_list', 'network_list_for_tenant']}


def url(name, template_id):
    return reverse('horizon:project:cluster_templates:%s' % name,
                   args=[template_id])


def hostile_template(**changes):
    values = {field: markup.hostile('t_' + field) for field in TEXT_FIELDS}
    values['labels'] = {markup.hostile('t_lkey'): markup.hostile('t_lvalue')}
    values.update(changes)
    return magnum_data._template(**values)


def hostile_cluster(template, number=1):
    return magnum_data._cluster(
        uuid='c0ffee00-0000-4000-8000-%012d' % number,
        name=markup.hostile('c_name'), cluster_template_id=template.uuid,
        status='CREATE_FAILED' + markup.hostile('c_status'))


class TemplatePagesMarkupTests(markup.InertAssertions,
                               magnum_helpers.MagnumTestCase):
    @helpers.create_mocks({magnum: ['cluster_template_list'],
                           api.glance: ['image_list_detailed']})
    def test_index_rows_are_escaped(self):
        template = hostile_template(image_id='img-1')
        self.mock_cluster_template_list.return_value = [template]
        self.mock_image_list_detailed.return_value = ([types.SimpleNamespace(
            id='img-1', name=markup.hostile('glance'))], False, False)
        res = self.client.get(INDEX_URL)
        self.assertPage(res, 't_name', 't_keypair_id', 't_network_driver',
                        't_coe', 'glance')
        self.assertEqual(markup.escaped('t_name'), markup.attribute(
            markup.body(res), 'data-display',
            id='cluster_templates__row__%s' % template.id))

    @helpers.create_mocks(DETAIL_MOCKS)
    def test_detail_overview_with_service_names_is_escaped(self):
        template = hostile_template(
            image_id='img-1', flavor_id='fl-1', master_flavor_id='fl-1',
            external_network_id='net-1', fixed_network='net-1',
            fixed_subnet='sub-1')
        self.mock_cluster_template_get.return_value = template
        self.mock_cluster_list.return_value = []
        self.mock_image_list_detailed.return_value = ([types.SimpleNamespace(
            id='img-1', name=markup.hostile('glance'))], False, False)
        self.mock_flavor_list.return_value = [types.SimpleNamespace(
            id='fl-1', name=markup.hostile('nova'))]
        self.mock_network_list.return_value = [types.SimpleNamespace(
            id='net-1', name=markup.hostile('net'),
            name_or_id=markup.hostile('net'))]
        self.mock_subnet_list.return_value = [types.SimpleNamespace(
            id='sub-1', name=markup.hostile('sub'), cidr='10.0.0.0/24')]
        res = self.client.get(url('detail', template.id))
        self.assertPage(res, 't_name', 't_keypair_id', 't_network_driver',
                        't_dns_nameserver', 't_http_proxy', 't_no_proxy',
                        't_tags', 't_lkey', 't_lvalue', 'glance', 'nova',
                        'net', 'sub')
        page = markup.body(res)
        title = page[page.index('<title>'):page.index('</title>')]
        self.assertShown(title, 't_name')
        # the labels' <dt title="..."> reads back whole
        self.assertEqual(1, len(markup.elements(
            page, 'dt', title=markup.hostile('t_lkey'))))

    @helpers.create_mocks(DETAIL_MOCKS)
    def test_detail_when_lookups_fail_shows_the_stored_values_escaped(self):
        template = hostile_template()
        self.mock_cluster_template_get.return_value = template
        self.mock_cluster_list.return_value = []
        self.mock_image_list_detailed.side_effect = self.exceptions.glance
        self.mock_flavor_list.side_effect = self.exceptions.nova
        self.mock_network_list.side_effect = self.exceptions.neutron
        self.mock_subnet_list.side_effect = self.exceptions.neutron
        res = self.client.get(url('detail', template.id))
        self.assertPage(res, *['t_' + f for f in TEXT_FIELDS])

    @helpers.create_mocks(DETAIL_MOCKS)
    def test_clusters_tab_is_escaped(self):
        template = hostile_template()
        self.mock_cluster_template_get.return_value = template
        self.mock_cluster_list.return_value = [hostile_cluster(template)]
        self.mock_image_list_detailed.return_value = ([], False, False)
        self.mock_flavor_list.return_value = []
        self.mock_network_list.return_value = []
        self.mock_subnet_list.return_value = []
        res = self.client.get(
            url('detail', template.id) +
            '?tab=cluster_template_details__clusters')
        self.assertPage(res, 'c_name', 'c_status', 't_name')

    @helpers.create_mocks(DETAIL_MOCKS)
    def test_clusters_tab_error_message_is_escaped(self):
        template = hostile_template()
        self.mock_cluster_template_get.return_value = template
        self.mock_cluster_list.side_effect = base.magnum_error(
            500, markup.hostile('listerr'))
        self.mock_image_list_detailed.return_value = ([], False, False)
        self.mock_flavor_list.return_value = []
        self.mock_network_list.return_value = []
        self.mock_subnet_list.return_value = []
        res = self.client.get(url('detail', template.id))
        self.assertPage(res, 'listerr', 't_name')

    @helpers.create_mocks({magnum: ['cluster_template_get',
                                    'cluster_template_list'],
                           api.glance: ['image_list_detailed']})
    def test_missing_template_message_is_escaped_on_the_next_page(self):
        self.mock_cluster_template_get.side_effect = base.magnum_error(
            404, markup.hostile('tgone'))
        self.mock_cluster_template_list.return_value = []
        self.mock_image_list_detailed.return_value = ([], False, False)
        res = self.client.get(url('detail', 'a1b2c3d4-0000-4000-8000-0000'),
                              follow=True)
        self.assertEqual(200, res.status_code)
        self.assertMessageEscaped(res, markup.hostile('tgone'))

    @helpers.create_mocks({magnum: ['cluster_template_list',
                                    'cluster_template_delete',
                                    'cluster_list'],
                           api.glance: ['image_list_detailed']})
    def test_delete_refusal_names_clusters_escaped_on_the_next_page(self):
        template = hostile_template()
        self.mock_cluster_template_list.return_value = [template]
        self.mock_image_list_detailed.return_value = ([], False, False)
        self.mock_cluster_list.return_value = [hostile_cluster(template)]
        self.mock_cluster_template_delete.side_effect = base.magnum_error(
            400, markup.hostile('referenced'))
        res = self.client.post(INDEX_URL, {
            'action': 'cluster_templates__delete__%s' % template.id},
            follow=True)
        self.assertEqual(200, res.status_code)
        shown = ' '.join(str(m) for m in res.context['messages'])
        for tag in ('t_name', 'c_name', 'referenced'):
            self.assertIn(markup.hostile(tag), shown)
            self.assertMessageEscaped(res, markup.hostile(tag))


class UpdateWizardMarkupTests(markup.InertAssertions,
                              magnum_helpers.MagnumTestCase):
    def mock_choices(self):
        self.mock_image_list_detailed.return_value = ([types.SimpleNamespace(
            id='img-1', name=markup.hostile('glance'), container_format='bare',
            properties={'os_distro': markup.hostile('distro')})],
            False, False)
        self.mock_flavor_list.return_value = [types.SimpleNamespace(
            id='fl-1', name=markup.hostile('nova'), vcpus=1, ram=512)]
        self.mock_keypair_list.return_value = [types.SimpleNamespace(
            name=markup.hostile('keypair'))]
        self.mock_network_list.return_value = []
        self.mock_network_list_for_tenant.return_value = []

    def get_update(self, template, clusters):
        self.mock_cluster_template_get.return_value = template
        self.mock_cluster_list.return_value = clusters
        with helpers.mock.patch('openstack_dashboard.policy.check',
                                return_value=True):
            return self.client.get(url('update', template.id))

    @helpers.create_mocks(WIZARD_MOCKS)
    def test_lock_reason_with_cluster_names_is_escaped(self):
        self.mock_choices()
        template = hostile_template(image_id='img-1')
        res = self.get_update(template, [hostile_cluster(template)])
        self.assertPage(res, 'c_name', 't_name')
        reason = ('Not editable: clusters use this template (%s).'
                  % markup.hostile('c_name'))
        # Horizon puts help texts in title="{{ help_text|safe }}"
        page = markup.body(res)
        icons = markup.elements(page, 'span', title=reason)
        self.assertTrue(icons, 'lock reason not read back whole')

    @helpers.create_mocks(WIZARD_MOCKS)
    def test_prefilled_values_and_choices_are_escaped(self):
        self.mock_choices()
        template = hostile_template(
            image_id='img-1', keypair_id=markup.hostile('keypair'),
            flavor_id='fl-1', master_flavor_id='fl-1')
        res = self.get_update(template, [])
        page = markup.body(res)
        self.assertInert(page)
        self.assertEqual(1, len(markup.elements(
            page, 'input', name='name', value=markup.hostile('t_name'))))
        self.assertOption(page, markup.hostile('keypair'),
                          markup.hostile('keypair'))
        self.assertOption(page, 'img-1', '%s (%s)' % (
            markup.hostile('glance'), markup.hostile('distro')))
        self.assertShown(page, 't_lkey', 't_lvalue')

    @helpers.create_mocks(WIZARD_MOCKS)
    def test_clone_prefills_the_name_escaped(self):
        self.mock_choices()
        template = hostile_template(image_id='img-1')
        self.mock_cluster_template_get.return_value = template
        res = self.client.get(url('clone', template.id))
        page = markup.body(res)
        self.assertInert(page)
        self.assertEqual(1, len(markup.elements(
            page, 'input', name='name',
            value=markup.hostile('t_name') + '-copy')))
        self.assertShown(page, 't_lkey', 't_lvalue', 't_http_proxy')
