"""Root cause, stall and recovery at the top of the overview, the Timeline
tab, and the status cell of rows: recorded sandbox answers, Heat and
Magnum mocked at the service layer."""

from unittest import mock

from django.urls import reverse
from openstack import exceptions as sdk_exceptions

from openstack_dashboard.test import helpers

from magnum_ui.api import heat
from magnum_ui.api import magnum
from tests.unit.content.project.clusters import base
from tests.unit.content.project.clusters import recorded

MOCKS = {magnum: ['cluster_get', 'cluster_template_get', 'nodegroup_list',
                  'supports'],
         heat: ['stack_get', 'stack_resources', 'stack_events']}
TIMELINE = 'cluster_details__timeline'
LATER = 'magnum_ui.content.project.clusters.diagnosis.stall.timezone.now'


def detail_url(cluster, tab=None):
    url = reverse('horizon:project:clusters:detail', args=[cluster.id])
    return url + ('?tab=%s' % tab if tab else '')


class DiagnosisViewTests(base.ClustersTestCase):
    def answer(self, cluster, scenario=None, groups=None):
        self.mock_cluster_get.return_value = cluster
        self.mock_cluster_template_get.return_value = \
            self.cluster_templates.first()
        self.mock_supports.return_value = True
        self.mock_nodegroup_list.return_value = groups or []
        if scenario is None:
            self.mock_stack_get.side_effect = \
                sdk_exceptions.NotFoundException('No stack')
            return
        stack, resources, events = recorded.heat(scenario)
        self.mock_stack_get.return_value = stack
        self.mock_stack_resources.return_value = resources
        self.mock_stack_events.return_value = events

    @helpers.create_mocks(MOCKS)
    def test_failed_cluster_root_cause_and_recreate_on_top(self):
        cluster = recorded.cluster('failed_worker')
        self.answer(cluster, 'sandbox_failed')
        res = self.client.get(detail_url(cluster))
        content = res.content.decode()
        top = content.index('id="cluster-root-cause"')
        self.assertLess(top, content.index('id="cluster-status"'))
        self.assertIn('data-source="heat"', content[top:top + 200])
        self.assertContains(
            res, '<code class="cluster-root-cause-resource">'
            'kube_minions / 1 / server</code>')
        self.assertContains(res, 'Test Resource failed server')
        self.assertContains(res, 'id="cluster-recovery-recreate-link"')
        self.assertContains(res, 'openstack coe cluster create')
        # Heat once; nodegroups not needed
        self.mock_stack_get.assert_called_once()
        self.mock_nodegroup_list.assert_not_called()

    @helpers.create_mocks(MOCKS)
    def test_without_heat_root_cause_from_nodegroups(self):
        cluster = recorded.cluster('failed_worker')
        self.answer(cluster, None, recorded.nodegroups('failed_worker'))
        res = self.client.get(detail_url(cluster))
        self.assertContains(res, 'data-source="nodegroup"')
        self.assertContains(res, '<code class="cluster-root-cause-resource">'
                                 'default-worker</code>')
        self.assertContains(res, 'no Heat stack was read')

    @helpers.create_mocks(MOCKS)
    def test_delete_failed_offers_retry_delete(self):
        cluster = recorded.cluster('delete_failed')
        self.answer(cluster, 'sandbox_complete')
        res = self.client.get(detail_url(cluster))
        self.assertContains(res, 'data-source="magnum"')
        self.assertContains(res, 'sandbox_fail_delete')
        self.assertContains(res, 'id="cluster-recovery-retry_delete"')
        self.assertContains(res, 'openstack coe cluster delete %s'
                            % cluster.name)
        self.assertContains(res, 'use the Retry Delete action')
        self.assertContains(res, 'Retry Delete</button>')

    @helpers.create_mocks(MOCKS)
    def test_stalled_cluster_names_the_waiting_server(self):
        cluster = recorded.cluster('stalled')
        self.answer(cluster, 'sandbox_stalled')
        pages = {}
        for seconds in (60, 3600):    # the default stall time is 600 s
            with mock.patch(LATER, return_value=recorded.after(
                    cluster.updated_at, seconds)):
                pages[seconds] = self.client.get(detail_url(cluster))
        self.assertNotContains(pages[60], 'id="cluster-stall"')
        res = pages[3600]
        self.assertContains(res, 'id="cluster-stall"')
        self.assertContains(res, '<code class="cluster-stall-resource">'
                                 'kube_masters / 0 / server</code>')
        self.assertNotContains(res, 'id="cluster-root-cause"')

    @helpers.create_mocks({magnum: ['cluster_get', 'cluster_template_get']})
    def test_healthy_cluster_asks_heat_nothing(self):
        cluster = self.cluster()
        self.mock_cluster_get.return_value = cluster
        self.mock_cluster_template_get.return_value = \
            self.cluster_templates.first()
        with mock.patch.object(heat, 'connection',
                               side_effect=AssertionError('Heat called')):
            res = self.client.get(detail_url(cluster))
        self.assertNotContains(res, 'id="cluster-diagnosis"')

    @helpers.create_mocks(MOCKS)
    def test_timeline_orders_magnum_and_heat(self):
        cluster = recorded.cluster('stalled')
        groups = recorded.nodegroups('stalled')
        self.answer(cluster, 'sandbox_stalled', groups)
        res = self.client.get(detail_url(cluster, TIMELINE),
                              HTTP_X_REQUESTED_WITH='XMLHttpRequest')
        self.assertContains(res, 'id="mui-cluster-timeline"')
        self.assertContains(res, 'data-heat="true"')
        entries = res.context['entries']
        times = [entry.time for entry in entries]
        self.assertEqual(sorted(times), times)
        self.assertEqual(('magnum', 'Cluster created'),
                         (entries[0].source, str(entries[0].text)))
        self.assertIn('user ' + cluster.user_id, entries[0].actor)
        sources = {entry.source for entry in entries}
        self.assertEqual({'magnum', 'nodegroup', 'heat'}, sources)
        heat_entries = [e for e in entries if e.source == 'heat']
        self.assertEqual(len(recorded.heat('sandbox_stalled')[2]),
                         len(heat_entries))
        self.assertEqual('kube_masters / 0 / server',
                         heat_entries[-1].subject)
        self.mock_stack_get.assert_called_once()

    @helpers.create_mocks(MOCKS)
    def test_timeline_without_heat(self):
        cluster = recorded.cluster('failed_master')
        self.answer(cluster, None, recorded.nodegroups('failed_master'))
        res = self.client.get(detail_url(cluster, TIMELINE),
                              HTTP_X_REQUESTED_WITH='XMLHttpRequest')
        self.assertContains(res, 'data-heat="false"')
        self.assertContains(res, 'No Heat stack to read')
        self.assertContains(res, 'data-status="CREATE_FAILED"')
        self.assertContains(res, 'simulated failure of control-plane node 1')
        self.assertContains(res, 'Health UNHEALTHY')
