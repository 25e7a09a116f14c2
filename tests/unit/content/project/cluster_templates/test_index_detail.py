from unittest import mock

from django.urls import reverse
from magnumclient import exceptions as magnum_exc
from openstack_dashboard import api
from openstack_dashboard.test import helpers

from magnum_ui.api import magnum
from tests.unit import helpers as magnum_helpers

INDEX_URL = reverse('horizon:project:cluster_templates:index')


def _error(cls, message):
    return cls(message=message)


class IndexTests(magnum_helpers.MagnumTestCase):
    @helpers.create_mocks({magnum: ['cluster_template_list'],
                           api.glance: ['image_list_detailed']})
    def test_index_lists_templates_with_image_names(self):
        templates = self.cluster_templates.list()
        templates[0]._apiresource.image_id = self.images.first().id
        self.mock_cluster_template_list.return_value = templates
        self.mock_image_list_detailed.return_value = (
            self.images.list(), False, False)
        res = self.client.get(INDEX_URL)
        self.assertEqual(200, res.status_code)
        table = res.context['table']
        self.assertEqual('cluster_templates', table._meta.name)
        self.assertEqual(2, len(table.data))
        self.assertContains(res, 'k8s-small')
        self.assertContains(res, 'k8s-public')
        self.assertContains(res, self.images.first().name)
        detail = reverse('horizon:project:cluster_templates:detail',
                         args=[templates[0].id])
        self.assertContains(res, 'href="%s"' % detail)
        self.mock_cluster_template_list.assert_called_once_with(
            helpers.IsHttpRequest())

    @helpers.create_mocks({magnum: ['cluster_template_list'],
                           api.glance: ['image_list_detailed']})
    def test_index_row_actions(self):
        self.mock_cluster_template_list.return_value = \
            self.cluster_templates.list()
        self.mock_image_list_detailed.return_value = ([], False, False)
        res = self.client.get(INDEX_URL)
        template = self.cluster_templates.first()
        self.assertContains(res, reverse(
            'horizon:project:cluster_templates:update', args=[template.id]))
        self.assertContains(res, reverse(
            'horizon:project:cluster_templates:clone', args=[template.id]))
        self.assertContains(res, reverse(
            'horizon:project:cluster_templates:create'))

    @helpers.create_mocks({magnum: ['cluster_template_list'],
                           api.glance: ['image_list_detailed']})
    def test_create_cluster_action_links_to_cluster_wizard(self):
        self.mock_cluster_template_list.return_value = \
            self.cluster_templates.list()
        self.mock_image_list_detailed.return_value = ([], False, False)
        res = self.client.get(INDEX_URL)
        for template in self.cluster_templates.list():
            self.assertContains(res, 'href="%s?cluster_template_id=%s"' % (
                reverse('horizon:project:clusters:create:index'),
                template.id), count=1)

    @helpers.create_mocks({magnum: ['cluster_template_list'],
                           api.glance: ['image_list_detailed']})
    def test_image_service_failure_keeps_ids(self):
        self.mock_cluster_template_list.return_value = \
            self.cluster_templates.list()
        self.mock_image_list_detailed.side_effect = self.exceptions.glance
        res = self.client.get(INDEX_URL)
        self.assertEqual(200, res.status_code)
        self.assertContains(res, 'fedora-coreos-40')

    @helpers.create_mocks({magnum: ['cluster_template_list']})
    def test_index_backend_error_is_a_message(self):
        for cls in (magnum_exc.BadRequest, magnum_exc.Forbidden,
                    magnum_exc.InternalServerError):
            self.mock_cluster_template_list.side_effect = _error(
                cls, 'magnum says no')
            res = self.client.get(INDEX_URL)
            self.assertEqual(200, res.status_code)
            self.assertEqual(0, len(res.context['table'].data))
            self.assertMessageCount(res, error=1)

    @helpers.create_mocks({magnum: ['cluster_template_list'],
                           api.glance: ['image_list_detailed']})
    def test_filter_by_name(self):
        self.mock_cluster_template_list.return_value = \
            self.cluster_templates.list()
        self.mock_image_list_detailed.return_value = ([], False, False)
        res = self.client.post(INDEX_URL, {
            'cluster_templates__filter__q': 'PUBLIC'})
        names = [t.name for t in res.context['table'].filtered_data]
        self.assertEqual(['k8s-public'], names)


class DeleteTests(magnum_helpers.MagnumTestCase):
    def _post_delete(self):
        template = self.cluster_templates.first()
        return self.client.post(INDEX_URL, {
            'action': 'cluster_templates__delete__%s' % template.id})

    @helpers.create_mocks({magnum: ['cluster_template_list',
                                    'cluster_template_delete'],
                           api.glance: ['image_list_detailed']})
    def test_delete(self):
        self.mock_cluster_template_list.return_value = \
            self.cluster_templates.list()
        self.mock_image_list_detailed.return_value = ([], False, False)
        self.mock_cluster_template_delete.return_value = None
        res = self._post_delete()
        self.assertRedirectsNoFollow(res, INDEX_URL)
        self.assertMessageCount(success=1)
        self.mock_cluster_template_delete.assert_called_once_with(
            helpers.IsHttpRequest(), self.cluster_templates.first().id)

    @helpers.create_mocks({magnum: ['cluster_template_list',
                                    'cluster_template_delete',
                                    'cluster_list'],
                           api.glance: ['image_list_detailed']})
    def test_delete_in_use_names_the_clusters(self):
        self.mock_cluster_template_list.return_value = \
            self.cluster_templates.list()
        self.mock_image_list_detailed.return_value = ([], False, False)
        self.mock_cluster_template_delete.side_effect = _error(
            magnum_exc.BadRequest, 'ClusterTemplate %s is referenced by one '
            'or multiple clusters.' % self.cluster_templates.first().id)
        self.mock_cluster_list.return_value = self.clusters.list()
        with mock.patch('horizon.exceptions.messages.error') as error:
            res = self._post_delete()
        self.assertRedirectsNoFollow(res, INDEX_URL)
        text = str(error.call_args[0][1])
        self.assertIn('is referenced by one or multiple clusters', text)
        self.assertIn('demo-cluster, busy-cluster, broken-cluster', text)

    @helpers.create_mocks({magnum: ['cluster_template_list',
                                    'cluster_template_delete',
                                    'cluster_list'],
                           api.glance: ['image_list_detailed']})
    def test_delete_refusal_gives_magnum_reason_once(self):
        template = self.cluster_templates.first()
        reason = ('ClusterTemplate %s is referenced by one or multiple '
                  'clusters.' % template.id)
        self.mock_cluster_template_list.return_value = \
            self.cluster_templates.list()
        self.mock_image_list_detailed.return_value = ([], False, False)
        self.mock_cluster_template_delete.side_effect = _error(
            magnum_exc.BadRequest, reason)
        self.mock_cluster_list.return_value = self.clusters.list()
        with mock.patch('horizon.exceptions.messages.error') as error:
            self._post_delete()
        self.assertEqual(1, error.call_count)
        text = str(error.call_args[0][1])
        self.assertEqual(1, text.count(reason), text)
        self.assertIn('Unable to delete cluster template "%s".'
                      % template.name, text)
        self.assertIn('It is used by: demo-cluster', text)

    @helpers.create_mocks({magnum: ['cluster_template_list',
                                    'cluster_template_delete',
                                    'cluster_list'],
                           api.glance: ['image_list_detailed']})
    def test_delete_in_use_by_other_projects(self):
        self.mock_cluster_template_list.return_value = \
            self.cluster_templates.list()
        self.mock_image_list_detailed.return_value = ([], False, False)
        self.mock_cluster_template_delete.side_effect = _error(
            magnum_exc.BadRequest, 'ClusterTemplate x is referenced by one '
            'or multiple clusters.')
        self.mock_cluster_list.return_value = []
        with mock.patch('horizon.exceptions.messages.error') as error:
            self._post_delete()
        self.assertIn('other projects', str(error.call_args[0][1]))

    @helpers.create_mocks({magnum: ['cluster_template_list',
                                    'cluster_template_delete',
                                    'cluster_list'],
                           api.glance: ['image_list_detailed']})
    def test_delete_errors_are_messages(self):
        self.mock_cluster_template_list.return_value = \
            self.cluster_templates.list()
        self.mock_image_list_detailed.return_value = ([], False, False)
        self.mock_cluster_list.return_value = []
        for cls in (magnum_exc.Forbidden, magnum_exc.NotFound,
                    magnum_exc.Conflict, magnum_exc.InternalServerError):
            self.mock_cluster_template_delete.side_effect = _error(
                cls, 'reason %s' % cls.__name__)
            with mock.patch('horizon.exceptions.messages.error') as error:
                res = self._post_delete()
            self.assertEqual(302, res.status_code)
            self.assertIn('reason %s' % cls.__name__,
                          str(error.call_args[0][1]))


class DetailTests(magnum_helpers.MagnumTestCase):
    def _url(self, template_id):
        return reverse('horizon:project:cluster_templates:detail',
                       args=[template_id])

    @helpers.create_mocks({magnum: ['cluster_template_get', 'cluster_list'],
                           api.glance: ['image_list_detailed'],
                           api.nova: ['flavor_list'],
                           api.neutron: ['network_list', 'subnet_list']})
    def test_detail_shows_groups_names_and_clusters(self):
        image = self.images.first()
        flavor = self.flavors.first()
        network = self.networks.get(name='ext_net')
        subnet = self.subnets.first()
        template = self.cluster_templates.first()
        info = template._apiresource
        info.image_id = image.id
        info.flavor_id = flavor.id
        info.master_flavor_id = flavor.name
        info.external_network_id = network.id
        info.fixed_network = self.networks.first().id
        info.fixed_subnet = subnet.id
        info.labels = {'kube_tag': 'v1.30.1', 'k8s.io/Role': 'Edge'}
        self.mock_cluster_template_get.return_value = template
        self.mock_cluster_list.return_value = self.clusters.list() + [
            self.clusters.first().__class__(
                type(self.clusters.first()._apiresource)(
                    None, {'uuid': 'other', 'name': 'not-mine',
                           'cluster_template_id': 'elsewhere'},
                    loaded=True))]
        self.mock_image_list_detailed.return_value = (
            self.images.list(), False, False)
        self.mock_flavor_list.return_value = self.flavors.list()
        self.mock_network_list.return_value = self.networks.list()
        self.mock_subnet_list.return_value = self.subnets.list()

        res = self.client.get(self._url(template.id))
        self.assertEqual(200, res.status_code)
        for heading in ('Info', 'Node Spec', 'Network', 'Labels'):
            self.assertContains(res, '<h4>%s</h4>' % heading)
        self.assertContains(res, image.name)
        self.assertContains(res, flavor.name)
        self.assertContains(res, 'ext_net')
        self.assertContains(res, self.networks.first().name)
        self.assertContains(res, subnet.cidr)
        self.assertContains(res, 'k8s.io/Role')
        self.assertContains(res, 'Edge')
        self.assertContains(res, 'demo-cluster')
        self.assertContains(res, 'broken-cluster')
        self.assertNotContains(res, 'not-mine')
        self.mock_cluster_template_get.assert_called_once_with(
            helpers.IsHttpRequest(), template.id)

    @helpers.create_mocks({magnum: ['cluster_template_get', 'cluster_list'],
                           api.glance: ['image_list_detailed'],
                           api.nova: ['flavor_list'],
                           api.neutron: ['network_list']})
    def test_detail_survives_lookup_failures(self):
        template = self.cluster_templates.first()
        self.mock_cluster_template_get.return_value = template
        self.mock_cluster_list.side_effect = _error(
            magnum_exc.InternalServerError, 'boom')
        self.mock_image_list_detailed.side_effect = self.exceptions.glance
        self.mock_flavor_list.side_effect = self.exceptions.nova
        self.mock_network_list.side_effect = self.exceptions.neutron
        res = self.client.get(self._url(template.id))
        self.assertEqual(200, res.status_code)
        self.assertContains(res, 'fedora-coreos-40')
        self.assertContains(res, 'm1.small')
        self.assertContains(res, 'Unable to retrieve the clusters')

    @helpers.create_mocks({magnum: ['cluster_template_get']})
    def test_detail_missing_template_redirects_with_message(self):
        for cls in (magnum_exc.NotFound, magnum_exc.Forbidden,
                    magnum_exc.InternalServerError):
            self.mock_cluster_template_get.side_effect = _error(cls, 'gone')
            res = self.client.get(self._url('nope'))
            self.assertRedirectsNoFollow(res, INDEX_URL)
