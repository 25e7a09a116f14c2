"""Clusters list page: rows, links, actions, errors (usage: test_usage)."""

from django.urls import reverse

from openstack_dashboard.test import helpers

from magnum_ui.api import magnum
from magnum_ui.api import wrappers
from tests.unit.content.project.clusters import base
from tests.unit import magnum_data

INDEX_URL = reverse('horizon:project:clusters:index')


def stats(clusters, nodes):
    return wrappers.Stats(type('S', (), {'clusters': clusters,
                                         'nodes': nodes})())


def quota(limit):
    return wrappers.Quota(type('Q', (), {'id': 1, 'hard_limit': limit})())


class IndexTests(base.ClustersTestCase):
    def mock_page(self, clusters=None, limit=10):
        self.mock_cluster_list.return_value = (
            self.clusters.list() if clusters is None else clusters)
        self.mock_cluster_template_list.return_value = \
            self.cluster_templates.list()
        self.mock_stats_get.return_value = stats(3, 9)
        if isinstance(limit, Exception):
            self.mock_quota_get.side_effect = limit
        else:
            self.mock_quota_get.return_value = quota(limit)

    @helpers.create_mocks({magnum: ['cluster_list', 'cluster_template_list',
                                    'stats_get', 'quota_get']})
    def test_rows_columns_and_links(self):
        self.mock_page()
        res = self.client.get(INDEX_URL)
        self.assertTemplateUsed(res, 'magnum_ui/clusters/index.html')
        table = res.context['table']
        self.assertEqual('clusters', table.name)
        self.assertEqual(3, len(table.data))
        cluster = self.cluster()
        self.assertContains(res, reverse('horizon:project:clusters:detail',
                                         args=[cluster.id]))
        # Template column shows the template's name, not its id.
        self.assertContains(res, 'k8s-small')
        self.assertContains(res, 'v1.30.1')
        self.assertContains(res, 'data-rows-url="%s"'
                            % reverse('horizon:project:clusters:rows'))

    @helpers.create_mocks({magnum: ['cluster_list', 'cluster_template_list',
                                    'stats_get', 'quota_get']})
    def test_first_load_is_two_calls_and_usage_comes_later(self):
        """Cold caches: the cluster page and the template names, nothing
        else; the usage picture is a placeholder the page loads after.
        """
        self.mock_page()
        res = self.client.get(INDEX_URL)
        self.assertEqual(200, res.status_code)
        # One page: the page size and one more, to know of a next page.
        self.mock_cluster_list.assert_called_once_with(
            helpers.IsHttpRequest(), limit=21, marker=None)
        self.mock_cluster_template_list.assert_called_once_with(
            helpers.IsHttpRequest())
        self.mock_stats_get.assert_not_called()
        self.mock_quota_get.assert_not_called()
        self.assertContains(res, 'data-usage-url="%s"'
                            % reverse('horizon:project:clusters:usage'))
        self.assertContains(res, 'Loading usage')
        self.assertNotContains(res, 'cluster-usage-numbers')

    @helpers.create_mocks({magnum: ['cluster_list', 'cluster_template_list',
                                    'stats_get', 'quota_get']})
    def test_busy_row_is_marked_for_the_batched_poller_only(self):
        self.mock_page()
        res = self.client.get(INDEX_URL)
        rows = {row.datum.id: row for row in res.context['table'].get_rows()}
        busy = rows[self.cluster(1).id]
        done = rows[self.cluster(0).id]
        failed = rows[self.cluster(2).id]
        self.assertIsNone(busy.status)
        self.assertIn('warning', busy.classes)
        self.assertTrue(done.status)
        self.assertFalse(failed.status)
        # Not Horizon's per-row poller: no ajax-update rows at all.
        self.assertNotContains(res, 'ajax-update')

    @helpers.create_mocks({magnum: ['cluster_list', 'cluster_template_list',
                                    'stats_get', 'quota_get']})
    def test_busy_row_shows_progress_text(self):
        self.mock_page()
        self.mock_progress.side_effect = (
            lambda request, cluster: (7, 12) if cluster.is_busy else None)
        res = self.client.get(INDEX_URL)
        self.assertContains(res, '<span class="cluster-progress"', count=1)
        self.assertContains(res, '7/12')

    @helpers.create_mocks({magnum: ['cluster_list', 'cluster_template_list',
                                    'stats_get', 'quota_get']})
    def test_actions_follow_status(self):
        self.mock_page()
        res = self.client.get(INDEX_URL)
        table = res.context['table']
        names = {row.datum.id: {a.name for a in
                                table.get_row_actions(row.datum)}
                 for row in table.get_rows()}
        self.assertIn('resize', names[self.cluster(0).id])
        self.assertIn('upgrade', names[self.cluster(0).id])
        self.assertNotIn('resize', names[self.cluster(1).id])
        self.assertNotIn('upgrade', names[self.cluster(1).id])
        self.assertIn('delete', names[self.cluster(1).id])
        self.assertNotIn('resize', names[self.cluster(2).id])

    @helpers.create_mocks({magnum: ['cluster_list', 'cluster_template_list',
                                    'stats_get', 'quota_get']})
    def test_no_resize_or_upgrade_on_old_magnum(self):
        self.mock_api_version.return_value = (1, 6)
        self.mock_page()
        res = self.client.get(INDEX_URL)
        table = res.context['table']
        actions = {a.name for a in table.get_row_actions(self.cluster(0))}
        self.assertNotIn('resize', actions)
        self.assertNotIn('upgrade', actions)

    @helpers.create_mocks({magnum: ['cluster_list', 'cluster_template_list',
                                    'stats_get', 'quota_get']})
    def test_policy_hides_actions(self):
        self.mock_page()

        def check(rules, request, target=None, *args, **kwargs):
            return not any(rule[1] in ('cluster:resize', 'cluster:delete')
                           for rule in rules)

        with self.settings(POLICY_CHECK_FUNCTION=check):
            res = self.client.get(INDEX_URL)
            table = res.context['table']
            actions = {a.name for a in table.get_row_actions(self.cluster(0))}
        self.assertNotIn('resize', actions)
        self.assertNotIn('delete', actions)
        self.assertIn('upgrade', actions)

    @helpers.create_mocks({magnum: ['cluster_list', 'cluster_template_list',
                                    'stats_get', 'quota_get']})
    def test_admin_sees_only_this_projects_clusters(self):
        other = magnum_data._cluster(
            uuid='c0ffee00-0000-4000-8000-0000000000ff', name='elsewhere',
            project_id='other-project')
        self.mock_page(clusters=self.clusters.list() + [other])
        res = self.client.get(INDEX_URL)
        self.assertNotContains(res, 'elsewhere')
        self.assertEqual(3, len(res.context['table'].data))

    @helpers.create_mocks({magnum: ['cluster_list', 'cluster_template_list',
                                    'stats_get', 'quota_get']})
    def test_list_error_is_a_message_not_500(self):
        self.mock_page()
        self.mock_cluster_list.side_effect = base.magnum_error(
            503, 'Magnum is down for maintenance')
        res = self.client.get(INDEX_URL)
        self.assertEqual(200, res.status_code)
        self.assertEqual([], res.context['table'].data)
        self.assertMessageCount(res, error=1)
        messages = [str(m) for m in res.context['messages']]
        self.assertIn('Magnum is down for maintenance', messages[0])

    @helpers.create_mocks({magnum: ['cluster_list', 'cluster_template_list',
                                    'stats_get', 'quota_get']})
    def test_template_list_error_shows_template_ids(self):
        self.mock_page()
        self.mock_cluster_template_list.side_effect = base.magnum_error(
            500, 'boom')
        res = self.client.get(INDEX_URL)
        self.assertEqual(200, res.status_code)
        self.assertContains(res, self.cluster().cluster_template_id)
        self.assertMessageCount(res, error=1)


class DeleteTests(base.ClustersTestCase):
    @helpers.create_mocks({magnum: ['cluster_list', 'cluster_delete',
                                    'cluster_template_list', 'cluster_get']})
    def test_batch_delete(self):
        self.mock_cluster_list.return_value = self.clusters.list()
        self.mock_cluster_template_list.return_value = []
        ids = [self.cluster(0).id, self.cluster(2).id]
        res = self.client.post(INDEX_URL, {
            'action': 'clusters__delete', 'object_ids': ids})
        self.assertRedirectsNoFollow(res, INDEX_URL)
        self.assertEqual(
            ids, [c.args[1] for c in self.mock_cluster_delete.call_args_list])
        self.mock_cluster_get.assert_not_called()

    @helpers.create_mocks({magnum: ['cluster_list', 'cluster_delete',
                                    'cluster_template_list', 'stats_get',
                                    'quota_get']})
    def test_delete_refusal_keeps_magnums_message(self):
        self.mock_cluster_list.return_value = self.clusters.list()
        self.mock_cluster_template_list.return_value = []
        self.mock_stats_get.return_value = stats(3, 9)
        self.mock_quota_get.return_value = quota(10)
        self.mock_cluster_delete.side_effect = base.magnum_error(
            409, 'Cluster is locked by a running operation')
        res = self.client.post(INDEX_URL, {
            'action': 'clusters__delete__%s' % self.cluster().id},
            follow=True)
        messages = [str(m) for m in res.context['messages']]
        self.assertEqual(1, len(messages))
        self.assertIn('Cluster is locked by a running operation',
                      messages[0])
