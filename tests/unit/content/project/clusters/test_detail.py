"""Cluster detail page: overview, nodegroups tab, errors."""

from django.contrib import messages
from django.urls import reverse
from openstack import exceptions as sdk_exceptions

from openstack_dashboard.test import helpers

from magnum_ui.api import heat
from magnum_ui.api import magnum
from magnum_ui.content.project.clusters import health
from tests.unit.content.project.clusters import base
from tests.unit import magnum_data

INDEX_URL = reverse('horizon:project:clusters:index')


def detail_url(cluster_id):
    return reverse('horizon:project:clusters:detail', args=[cluster_id])


class DetailTests(base.ClustersTestCase):
    @helpers.create_mocks({magnum: ['cluster_get', 'cluster_template_get',
                                    'nodegroup_list'],
                           heat: ['stack_get']})
    def test_overview_shows_attributes_health_and_faults(self):
        # a failed cluster: its diagnosis reads Heat, here no stack
        self.mock_stack_get.side_effect = sdk_exceptions.NotFoundException(
            'No stack')
        cluster = magnum_data._cluster(
            status='UPDATE_FAILED', status_reason='heat said no',
            health_status='UNHEALTHY',
            health_status_reason={'demo-node-0.Ready': 'True',
                                  'demo-node-1.Ready': 'False',
                                  'api': 'ok'},
            faults={'kube_minions': 'Quota exceeded for instances'})
        self.mock_cluster_get.return_value = cluster
        self.mock_cluster_template_get.return_value = \
            self.cluster_templates.first()
        self.mock_nodegroup_list.return_value = self.nodegroups.list()
        res = self.client.get(detail_url(cluster.id))
        self.assertEqual(200, res.status_code)
        self.assertTemplateUsed(
            res, 'magnum_ui/clusters/_detail_overview.html')
        for text in ('heat said no', 'https://10.0.0.10:6443', 'k8s-small',
                     'Quota exceeded for instances', 'demo-node-1',
                     'id="cluster-health-checks"'):
            self.assertContains(res, text)
        self.assertContains(res, '<tr class="text-danger danger">', count=1)
        self.assertContains(res, 'id="cluster-root-cause"')
        self.assertContains(res, 'Update failed')
        tab_group = res.context['tab_group']
        self.assertEqual(['overview', 'nodegroups'],
                         [t.slug for t in tab_group.get_tabs()][:2])
        self.mock_cluster_get.assert_called_once_with(
            helpers.IsHttpRequest(), cluster.id)

    @helpers.create_mocks({magnum: ['cluster_get', 'cluster_template_get',
                                    'nodegroup_list']})
    def test_nodegroups_tab_table(self):
        cluster = self.cluster()
        self.mock_cluster_get.return_value = cluster
        self.mock_cluster_template_get.return_value = \
            self.cluster_templates.first()
        self.mock_nodegroup_list.return_value = self.nodegroups.list()
        res = self.client.get(detail_url(cluster.id) +
                              '?tab=cluster_details__nodegroups')
        self.assertEqual(200, res.status_code)
        self.assertContains(res, 'default-worker')
        self.assertContains(res, 'id="nodegroups"')

    @helpers.create_mocks({magnum: ['cluster_get']})
    def test_missing_cluster_redirects_with_message(self):
        self.mock_cluster_get.side_effect = base.magnum_error(
            404, 'Cluster gone could not be found.')
        res = self.client.get(detail_url('gone'))
        self.assertRedirectsNoFollow(res, INDEX_URL)
        self.assertEqual(
            ['Unable to retrieve cluster gone. '
             'Cluster gone could not be found.'],
            [str(m) for m in messages.get_messages(res.wsgi_request)])

    @helpers.create_mocks({magnum: ['cluster_get', 'cluster_template_get',
                                    'nodegroup_list']})
    def test_template_and_nodegroup_errors_keep_page(self):
        cluster = self.cluster()
        self.mock_cluster_get.return_value = cluster
        self.mock_cluster_template_get.side_effect = base.magnum_error(
            403, 'forbidden')
        self.mock_nodegroup_list.side_effect = base.magnum_error(
            500, 'nodegroups broken')
        res = self.client.get(detail_url(cluster.id) +
                              '?tab=cluster_details__nodegroups')
        self.assertEqual(200, res.status_code)
        self.assertContains(res, cluster.cluster_template_id)
        self.assertMessageCount(res, error=2)
        shown = [str(m) for m in messages.get_messages(res.wsgi_request)]
        self.assertEqual(1, len([m for m in shown if 'forbidden' in m]),
                         shown)
        self.assertEqual(1, len([m for m in shown
                                 if 'nodegroups broken' in m]), shown)


class HealthTests(base.ClustersTestCase):
    def test_reason_becomes_checks(self):
        checks = health.health_checks({'n-1.Ready': False, 'api': 'ok',
                                       'n-0.Ready': True})
        self.assertEqual(
            [('API server', True), ('n-0', True), ('n-1', False)],
            [(str(c.subject), c.ok) for c in checks])
        self.assertEqual([], health.health_checks(None))
