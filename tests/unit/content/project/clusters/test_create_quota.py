"""Create wizard: availability zone, quota table, a create the quota
refuses (values kept, blocking resource named), the table's preview."""

import types

from django.urls import reverse

from openstack_dashboard import api
from openstack_dashboard.test import helpers

from tests.unit.content.project.clusters import base
from tests.unit.content.project.clusters import test_create
from tests.unit.content.project.clusters import test_quota_projection as qp

CREATE_URL = test_create.CREATE_URL
QUOTA_URL = reverse('horizon:project:clusters:create:quota')
MOCKS = dict(test_create.MOCKS)
MOCKS[api.nova] = MOCKS[api.nova] + ['availability_zone_list',
                                     'tenant_absolute_limits']
MOCKS[api.neutron] = MOCKS[api.neutron] + ['tenant_quota_detail_get']


def zone(name, available=True):
    return types.SimpleNamespace(name=name, state={'available': available})


class CreateQuotaTests(base.ClustersTestCase):
    form = test_create.CreateTests.form
    assert_field_error = test_create.CreateTests.assert_field_error

    def mock_choices(self, cores=(2, 20), zones=()):
        test_create.CreateTests.mock_choices(self)
        # The template's flavors are names (m1.small), choices are ids.
        self.mock_flavor_list.return_value = qp.FLAVORS
        self.mock_availability_zone_list.return_value = list(zones)
        self.mock_tenant_absolute_limits.return_value = qp.nova_limits(
            cores=cores)
        self.mock_tenant_quota_detail_get.return_value = qp.neutron_detail()
        self.mock_cluster_create.return_value = self.cluster()

    @helpers.create_mocks(MOCKS)
    def test_zones_offered_and_sent_as_the_label(self):
        self.mock_choices(zones=[zone('nova'), zone('az-2'),
                                 zone('down', available=False)])
        res = self.client.get(CREATE_URL)
        field = res.context['workflow'].get_step('details').action \
            .fields['availability_zone']
        self.assertEqual(['', 'az-2', 'nova'],
                         [value for value, _label in field.choices])
        self.mock_availability_zone_list.assert_called_once_with(
            helpers.IsHttpRequest())
        res = self.client.post(CREATE_URL, self.form(
            availability_zone='az-2', labels='kube_tag=v1.31.0'))
        self.assertNoFormErrors(res)
        self.assertEqual({'kube_tag': 'v1.31.0', 'availability_zone': 'az-2'},
                         self.mock_cluster_create.call_args.kwargs['labels'])

    @helpers.create_mocks(MOCKS)
    def test_zone_list_failure_says_so_and_the_wizard_works(self):
        self.mock_choices()
        self.mock_availability_zone_list.side_effect = base.magnum_error(
            503, 'Nova is resting')
        res = self.client.get(CREATE_URL)
        self.assertEqual(200, res.status_code)
        self.assertContains(res, 'Unable to load availability zones: '
                                 'Nova is resting')
        res = self.client.post(CREATE_URL, self.form())
        self.assertNoFormErrors(res)
        self.assertNotIn('labels',
                         self.mock_cluster_create.call_args.kwargs)

    @helpers.create_mocks(MOCKS)
    def test_zone_label_typed_by_hand_is_refused(self):
        self.mock_choices()
        res = self.client.post(CREATE_URL,
                               self.form(labels='availability_zone=nova'))
        self.assert_field_error(res, 'labels', 'Details step')

    @helpers.create_mocks(MOCKS)
    def test_size_step_shows_current_after_limit(self):
        self.mock_choices()
        res = self.client.get(CREATE_URL, {
            'cluster_template_id': self.cluster_templates.first().uuid})
        self.assertContains(res, 'data-preview-url="%s"' % QUOTA_URL)
        # One master and one worker of m1.small: 2 + 2 more VCPUs.
        self.assertContains(res, '<tr data-resource="cores" '
                                 'class="quota-fits">')
        self.assertContains(res, '<td>2</td>\n          <td>6</td>\n'
                                 '          <td>20</td>')
        self.mock_tenant_absolute_limits.assert_called_once_with(
            helpers.IsHttpRequest(), reserved=True)
        self.mock_tenant_quota_detail_get.assert_called_once()

    @helpers.create_mocks(MOCKS)
    def test_create_beyond_the_quota_is_refused_with_values_kept(self):
        self.mock_choices(cores=(14, 20))
        res = self.client.post(CREATE_URL, self.form(
            node_count=3, flavor_id='f-large', labels='kube_tag=v1.31.0'))
        self.assertEqual(200, res.status_code)
        self.mock_cluster_create.assert_not_called()
        size = res.context['workflow'].get_step('size')
        self.assertTrue(size.has_errors)
        message = ' '.join(size.action.non_field_errors())
        # 14 + 2 (master m1.small) + 3 x 8 (workers m1.large) = 40
        self.assertIn('VCPUs: 40 needed, the limit is 20 (14 in use)',
                      message)
        self.assertNotIn('Instances', message)
        self.assertContains(res, 'quota-blocks')
        # Every value is still in the form.
        self.assertContains(res, 'value="new-cluster"')
        self.assertContains(res, 'kube_tag=v1.31.0')
        self.assertEqual('3', size.action['node_count'].value())
        self.assertEqual('f-large', size.action['flavor_id'].value())

    @helpers.create_mocks(MOCKS)
    def test_cluster_quota_blocks_too(self):
        self.mock_choices()
        self.mock_stats_get.return_value = qp.test_index.stats(3, 9)
        self.mock_quota_get.return_value = qp.test_index.quota(3)
        res = self.client.post(CREATE_URL, self.form())
        self.mock_cluster_create.assert_not_called()
        message = ' '.join(res.context['workflow'].get_step('size').action
                           .non_field_errors())
        self.assertIn('Clusters: 4 needed, the limit is 3', message)

    @helpers.create_mocks(MOCKS)
    def test_preview_answers_from_the_cache_without_services(self):
        self.mock_choices(cores=(14, 20))
        self.client.get(CREATE_URL)
        for mocked in (self.mock_tenant_absolute_limits,
                       self.mock_tenant_quota_detail_get,
                       self.mock_flavor_list, self.mock_stats_get,
                       self.mock_cluster_template_list):
            mocked.reset_mock()
        res = self.client.post(QUOTA_URL, self.form(
            node_count='2', flavor_id='f-large'))
        self.assertEqual(200, res.status_code)
        self.assertContains(res, 'VCPUs: 32 needed, the limit is 20')
        for mocked in (self.mock_tenant_absolute_limits,
                       self.mock_tenant_quota_detail_get,
                       self.mock_flavor_list, self.mock_stats_get,
                       self.mock_cluster_template_list):
            mocked.assert_not_called()
