"""Admin cluster triage: grouping rules on recorded clusters, the view."""

import re

from django.urls import reverse

from openstack_dashboard import api
from openstack_dashboard.test import helpers

from magnum_ui.api import magnum
from magnum_ui.content.admin.clusters.triage import grouping
from tests.unit.content.project.clusters import base
from tests.unit.content.project.clusters import recorded

TRIAGE_URL = reverse('horizon:admin:clusters:triage:index')


def _recorded(*names):
    return [recorded.cluster(name) for name in names]


class GroupingTests(base.ClustersAdminTestCase):
    def test_two_failures_of_one_cause_make_one_group(self):
        clusters = _recorded('failed_worker', 'failed_worker_again',
                             'failed_master', 'delete_failed')
        groups = grouping.triage(clusters, threshold=600)
        self.assertEqual([2, 1, 1], [g.count for g in groups])
        first = groups[0]
        self.assertEqual((grouping.FAILED, 'CREATE_FAILED'),
                         (first.kind, first.status))
        self.assertEqual({c.name for c in clusters[:2]},
                         {c.name for c in first.clusters})
        self.assertIn('simulated failure of worker node 1', first.cause)
        self.assertEqual({'DELETE_FAILED', 'CREATE_FAILED'},
                         {g.status for g in groups[1:]})
        self.assertEqual(len({g.id for g in groups}), len(groups))

    def test_stalled_and_unhealthy(self):
        stalled = recorded.cluster('stalled')
        sick = recorded.cluster('failed_worker', status='UPDATE_COMPLETE',
                                status_reason=None)
        fresh = recorded.cluster('stalled', updated_at=None,
                                 created_at='2999-01-01T00:00:00+00:00')
        now = recorded.after(stalled.updated_at, 700)
        groups = grouping.triage([stalled, sick, fresh], now=now,
                                 threshold=600)
        self.assertEqual([grouping.STALLED, grouping.UNHEALTHY],
                         [g.kind for g in groups])
        self.assertEqual([stalled], groups[0].clusters)
        self.assertEqual('Ready: False; api: some nodes are not ready',
                         groups[1].cause)
        # a failed cluster is listed for its failure, not its health
        self.assertEqual(grouping.FAILED, grouping.problem(
            recorded.cluster('failed_worker'), now, 600)[0])

    def test_healthy_clusters_are_left_out(self):
        self.assertEqual([], grouping.triage(self.clusters.list()[:1]))


class TriageViewTests(base.ClustersAdminTestCase):
    @helpers.create_mocks({magnum: ['cluster_list'],
                           api.keystone: ['tenant_list']})
    def test_groups_with_counts_projects_and_links(self):
        tenants = self.tenants.list()
        clusters = _recorded('failed_worker', 'failed_worker_again')
        clusters[1]._apiresource.project_id = tenants[1].id
        clusters[0]._apiresource.project_id = tenants[0].id
        self.mock_cluster_list.return_value = clusters + \
            self.clusters.list()[:1]
        self.mock_tenant_list.return_value = [tenants, False]
        res = self.client.get(TRIAGE_URL)
        self.assertEqual(200, res.status_code)
        [group] = res.context['table'].data
        self.assertEqual(2, group.count)
        # Horizon orders a cell's classes as it likes
        self.assertEqual(1, len(re.findall(
            r'<td class="[^"]*\btriage-count\b', res.content.decode())))
        for cluster in clusters:
            self.assertContains(res, reverse('horizon:admin:clusters:detail',
                                             args=[cluster.id]))
        for tenant in tenants[:2]:
            self.assertContains(res, tenant.name)
        self.mock_cluster_list.assert_called_once_with(
            helpers.IsHttpRequest(), limit=magnum.EVERY)
        self.mock_tenant_list.assert_called_once_with(helpers.IsHttpRequest())

    @helpers.create_mocks({magnum: ['cluster_list']})
    def test_magnum_failure_is_a_message(self):
        self.mock_cluster_list.side_effect = base.magnum_error(
            503, 'Magnum is down.')
        res = self.client.get(TRIAGE_URL)
        self.assertEqual(200, res.status_code)
        self.assertMessageCount(res, error=1)

    @helpers.create_mocks({magnum: ['cluster_list'],
                           api.keystone: ['tenant_list']})
    def test_index_links_to_triage(self):
        self.mock_cluster_list.return_value = []
        self.mock_tenant_list.return_value = [[], False]
        res = self.client.get(reverse('horizon:admin:clusters:index'))
        self.assertContains(res, 'href="%s"' % TRIAGE_URL)
