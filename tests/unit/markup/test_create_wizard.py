"""Create-cluster wizard: template summaries, help texts, choices, errors."""

import types

from django.urls import reverse

from openstack_dashboard import api
from openstack_dashboard.test import helpers

from magnum_ui.api import magnum
from magnum_ui.api import wrappers
from tests.unit.content.project.clusters import base
from tests.unit import magnum_data
from tests.unit import markup

CREATE_URL = reverse('horizon:project:clusters:create:index')
CLI_URL = reverse('horizon:project:clusters:create:cli')
MOCKS = {magnum: ['cluster_template_list', 'cluster_create', 'stats_get',
                  'quota_get'],
         api.nova: ['keypair_list', 'flavor_list'],
         api.neutron: ['network_list_for_tenant']}
TEMPLATE_FIELDS = ('name', 'image_id', 'keypair_id', 'flavor_id',
                   'master_flavor_id', 'network_driver')
# A uuid Magnum would never hand out; it still goes into attributes.
HOSTILE_UUID = 'a1b2c3d4' + markup.IMG + markup.ATTR


def hostile_template(**changes):
    values = {field: markup.hostile('t_' + field)
              for field in TEMPLATE_FIELDS}
    values.update(coe=markup.hostile('t_coe'), labels={
        markup.hostile('t_lkey'): markup.hostile('t_lvalue')})
    values.update(changes)
    return magnum_data._template(**values)


def stats(clusters, nodes):
    return wrappers.Stats(types.SimpleNamespace(clusters=clusters,
                                                nodes=nodes))


def quota(limit):
    return wrappers.Quota(types.SimpleNamespace(id=1, hard_limit=limit))


class CreateWizardMarkupTests(markup.InertAssertions, base.ClustersTestCase):
    def mock_choices(self, templates=None):
        self.mock_cluster_template_list.return_value = (
            templates or [hostile_template()])
        self.mock_keypair_list.return_value = [
            types.SimpleNamespace(name=markup.hostile('keypair'))]
        self.mock_flavor_list.return_value = [types.SimpleNamespace(
            id=markup.hostile('flavor_id'), name=markup.hostile('flavor'),
            vcpus=2, ram=2048)]
        subnet = types.SimpleNamespace(
            id='subnet-1', name=markup.hostile('subnet'), cidr='10.1.0.0/24')
        self.mock_network_list_for_tenant.return_value = [
            types.SimpleNamespace(id='net-1', name_or_id=markup.hostile(
                'network'), subnets=[subnet])]
        self.mock_stats_get.return_value = stats(3, 9)
        self.mock_quota_get.return_value = quota(3)

    @helpers.create_mocks(MOCKS)
    def test_summaries_help_texts_and_choices_are_escaped(self):
        template = hostile_template()
        self.mock_choices([template])
        res = self.client.get(CREATE_URL,
                              {'cluster_template_id': template.uuid})
        # the template summary and the labels help text
        self.assertPage(res, *(['t_' + f for f in TEMPLATE_FIELDS] + [
            't_coe', 't_lkey', 't_lvalue', 'network', 'subnet']))
        self.assertContains(res, 'id="cluster-quota-warning"')
        page = markup.body(res)
        # choices: values read back whole, labels show as text
        self.assertOption(page, markup.hostile('keypair'),
                          markup.hostile('keypair'))
        self.assertOption(page, markup.hostile('flavor_id'),
                          markup.hostile('flavor') + ' (2 VCPU, 2048 MB RAM)')
        self.assertOption(page, template.uuid, '%s (%s)' % (
            markup.hostile('t_name'), markup.hostile('t_coe')))
        self.assertOption(page, 'net-1', markup.hostile('network'))
        self.assertOption(page, 'subnet-1',
                          markup.hostile('subnet') + ' (10.1.0.0/24)')
        self.assertEqual(1, len(markup.elements(
            page, 'a', data_select_value=markup.hostile('keypair'))))

    @helpers.create_mocks(MOCKS)
    def test_template_id_attribute_cannot_be_closed(self):
        template = hostile_template(uuid=HOSTILE_UUID)
        self.mock_choices([template])
        res = self.client.get(CREATE_URL,
                              {'cluster_template_id': template.uuid})
        self.assertPage(res, 't_name', 't_lkey')
        page = markup.body(res)
        self.assertEqual(1, len(markup.elements(
            page, 'dl', data_template_id=HOSTILE_UUID)))
        self.assertEqual(1, len(markup.elements(
            page, 'option', value=HOSTILE_UUID)))

    @helpers.create_mocks(MOCKS)
    def test_template_id_from_the_query_string_is_escaped(self):
        """?cluster_template_id= lands in the command preview."""
        self.mock_choices()
        res = self.client.get(CREATE_URL,
                              {'cluster_template_id': markup.hostile('qs')})
        self.assertEqual(200, res.status_code)
        self.assertInert(markup.body(res))
        self.assertIn(markup.escape(markup.hostile('qs')), markup.body(res))

    @helpers.create_mocks(MOCKS)
    def test_magnum_refusal_shows_escaped_on_the_wizard(self):
        template = hostile_template()
        self.mock_choices([template])
        self.mock_quota_get.return_value = quota(10)
        self.mock_cluster_create.side_effect = base.magnum_error(
            400, markup.hostile('createerr'))
        res = self.client.post(CREATE_URL, {
            'name': 'new-cluster', 'cluster_template_id': template.uuid,
            'keypair': markup.hostile('keypair'), 'master_count': 1,
            'node_count': 2, 'create_timeout': 60, 'merge_labels': 'on'})
        self.assertEqual(200, res.status_code)
        self.assertTrue(self.mock_cluster_create.called)
        self.assertPage(res, 'createerr', 't_name', 'keypair')

    @helpers.create_mocks(MOCKS)
    def test_hostile_labels_typed_by_the_user_come_back_escaped(self):
        template = hostile_template()
        self.mock_choices([template])
        res = self.client.post(CREATE_URL, {
            'name': markup.hostile('badname'),
            'cluster_template_id': template.uuid, 'master_count': 1,
            'node_count': 2, 'labels': 'k=' + markup.hostile('typed')})
        self.assertEqual(200, res.status_code)
        self.assertFalse(self.mock_cluster_create.called)
        self.assertPage(res, 'badname', 'typed')

    @helpers.create_mocks(MOCKS)
    def test_label_errors_quoting_the_users_line_are_escaped(self):
        template = hostile_template()
        self.mock_choices([template])
        res = self.client.post(CREATE_URL, {
            'name': 'new-cluster', 'cluster_template_id': template.uuid,
            'master_count': 1, 'node_count': 2,
            'labels': '%s\n=%s' % (markup.hostile('noeq'),
                                   markup.hostile('nokey'))})
        self.assertEqual(200, res.status_code)
        self.assertFalse(self.mock_cluster_create.called)
        self.assertPage(res, 'noeq', 'nokey')
        self.assertIn('contains a space', markup.body(res))
        self.assertIn('the key is empty', markup.body(res))

    @helpers.create_mocks(MOCKS)
    def test_choice_service_failures_are_escaped(self):
        self.mock_choices()
        self.mock_cluster_template_list.side_effect = base.magnum_error(
            500, markup.hostile('tplerr'))
        self.mock_stats_get.side_effect = base.magnum_error(
            500, markup.hostile('statserr'))
        res = self.client.get(CREATE_URL)
        self.assertEqual(200, res.status_code)
        self.assertInert(markup.body(res))


class CommandPreviewMarkupTests(markup.InertAssertions,
                                base.ClustersTestCase):
    def test_preview_is_plain_text(self):
        res = self.client.post(CLI_URL, {
            'name': markup.hostile('name'),
            'cluster_template_id': markup.hostile('tpl'),
            'labels': 'k=' + markup.hostile('label')})
        self.assertEqual(200, res.status_code)
        self.assertTrue(res['Content-Type'].startswith('text/plain'))
        # The page puts it in with .text(): shell-quoted words, no markup.
        self.assertIn(markup.hostile('tpl'), markup.body(res))
