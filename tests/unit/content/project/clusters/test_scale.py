"""Fast at many clusters: backend calls per index load and row refresh.

Counted through the service-layer mocks: template names and the usage
picture come from short caches (the picture, when not cached, is loaded
after the page), Heat is asked about a few busy rows per request, and the
list is paged with Magnum's limit and marker.
"""

import json
from unittest import mock

from django.core.cache import cache
from django.test.utils import override_settings
from django.urls import reverse

from openstack_dashboard.test import helpers

from magnum_ui.api import heat
from magnum_ui.api import magnum
from tests.unit.content.project.clusters import base
from tests.unit.content.project.clusters import heat_fake
from tests.unit.content.project.clusters import test_index
from tests.unit import helpers as unit_helpers
from tests.unit import magnum_data

INDEX_URL = test_index.INDEX_URL
ROWS_URL = reverse('horizon:project:clusters:rows')
USAGE_URL = reverse('horizon:project:clusters:usage')
RESOURCES = heat_fake.fixture('sandbox_creating_resources.json')['resources']


def numbered(number, name=None, status='CREATE_COMPLETE'):
    return magnum_data._cluster(
        uuid='d0000000-0000-4000-8000-%012d' % number,
        name=name or 'cluster-%d' % number, status=status,
        stack_id='stack-%d' % number, cluster_id='stack-%d' % number)


def magnum_list(clusters):
    """cluster_list as Magnum pages it: by id, after the marker."""
    def cluster_list(request, limit=None, marker=None, sort_dir=None):
        ordered = sorted(clusters, key=lambda c: c.id,
                         reverse=sort_dir == 'desc')
        if marker:
            ids = [c.id for c in ordered]
            ordered = ordered[ids.index(marker) + 1:]
        return ordered[:limit] if limit else ordered
    return cluster_list


class SteadyIndexTests(base.ClustersTestCase):
    @helpers.create_mocks({magnum: ['cluster_list', 'cluster_template_list',
                                    'stats_get', 'quota_get']})
    def test_reload_is_one_magnum_call(self):
        test_index.IndexTests.mock_page(self)
        first = self.client.get(INDEX_URL)
        # The first load lists the page and the names; the usage picture
        # comes after it (the page's own request for it).
        self.assertContains(first, 'k8s-small')
        self.assertContains(first, 'data-usage-url')
        self.assertEqual(1, self.mock_cluster_list.call_count)
        self.assertEqual(1, self.mock_cluster_template_list.call_count)
        self.mock_stats_get.assert_not_called()
        self.assertContains(self.client.get(USAGE_URL), '3 of 10 used')
        self.assertEqual(1, self.mock_stats_get.call_count)
        self.assertEqual(1, self.mock_quota_get.call_count)
        for mocked in (self.mock_cluster_list, self.mock_stats_get,
                       self.mock_quota_get, self.mock_cluster_template_list):
            mocked.reset_mock()
        second = self.client.get(INDEX_URL)
        self.assertContains(second, 'k8s-small')
        self.assertContains(second, '3 of 10 used')
        self.mock_cluster_list.assert_called_once_with(
            helpers.IsHttpRequest(), limit=21, marker=None)
        self.mock_cluster_template_list.assert_not_called()
        self.mock_stats_get.assert_not_called()
        self.mock_quota_get.assert_not_called()

    @helpers.create_mocks({magnum: ['cluster_list', 'cluster_template_list',
                                    'stats_get', 'quota_get']})
    def test_unknown_template_id_lists_templates_again(self):
        test_index.IndexTests.mock_page(self)
        self.client.get(INDEX_URL)
        other = numbered(1)
        other._apiresource.cluster_template_id = \
            magnum_data.TEMPLATE['uuid'][:-1] + '9'
        self.mock_cluster_list.return_value = self.clusters.list() + [other]
        self.client.get(INDEX_URL)
        self.assertEqual(2, self.mock_cluster_template_list.call_count)
        # Magnum does not know it either: not listed again meanwhile.
        self.client.get(INDEX_URL)
        self.assertEqual(2, self.mock_cluster_template_list.call_count)

    @helpers.create_mocks({magnum: ['cluster_list', 'cluster_template_list',
                                    'stats_get', 'quota_get']})
    def test_usage_failure_is_not_cached(self):
        test_index.IndexTests.mock_page(self)
        self.mock_stats_get.side_effect = base.magnum_error(500, 'no stats')
        self.assertContains(self.client.get(USAGE_URL), 'no stats')
        self.mock_stats_get.side_effect = None
        self.mock_stats_get.return_value = test_index.stats(3, 9)
        res = self.client.get(USAGE_URL)
        self.assertContains(res, '3 of 10 used')
        self.assertEqual(2, self.mock_stats_get.call_count)

    @helpers.create_mocks({magnum: ['cluster_list', 'cluster_template_list',
                                    'stats_get', 'quota_get',
                                    'cluster_delete']})
    def test_delete_forgets_the_usage_picture(self):
        test_index.IndexTests.mock_page(self)
        self.client.get(USAGE_URL)
        self.assertNotContains(self.client.get(INDEX_URL), 'data-usage-url')
        self.client.post(INDEX_URL, {
            'action': 'clusters__delete__%s' % self.cluster().id})
        # Forgotten: the page loads it again after it is shown.
        self.assertContains(self.client.get(INDEX_URL), 'data-usage-url')
        self.assertEqual(1, self.mock_stats_get.call_count)
        self.client.get(USAGE_URL)
        self.assertEqual(2, self.mock_stats_get.call_count)


class HeatBudgetTests(unit_helpers.MagnumTestCase):
    """The real progress loader, Heat mocked at the service layer."""

    def setUp(self):
        super().setUp()
        cache.clear()
        self.addCleanup(cache.clear)
        self.busy = [numbered(n, status='CREATE_IN_PROGRESS')
                     for n in range(10)]

    def asked(self):
        stacks = [c.args[1] for c in
                  self.mock_stack_resources.call_args_list]
        self.mock_stack_resources.reset_mock()
        return stacks

    def refresh(self):
        res = self.client.get(ROWS_URL,
                              {'ids': ','.join(c.id for c in self.busy)})
        self.assertEqual(200, res.status_code)
        return json.loads(res.content)['rows']

    @helpers.create_mocks({magnum: ['cluster_list', 'cluster_template_list'],
                           heat: ['stack_resources']})
    def test_rows_refresh_asks_three_stacks_and_rotates(self):
        self.mock_cluster_list.return_value = self.busy
        self.mock_cluster_template_list.return_value = \
            self.cluster_templates.list()
        self.mock_stack_resources.return_value = RESOURCES
        rows = self.refresh()
        first = self.asked()
        self.assertEqual(3, len(first))
        counted = [i for i, html in rows.items() if '15/18' in html]
        self.assertEqual(3, len(counted))
        # Within the TTL the cached ones cost nothing: others are asked.
        rows = self.refresh()
        second = self.asked()
        self.assertEqual(3, len(second))
        self.assertFalse(set(first) & set(second))
        self.assertEqual(6, sum('15/18' in html for html in rows.values()))
        self.refresh()
        self.refresh()
        self.assertEqual(10, len(set(first + second + self.asked())))
        rows = self.refresh()
        self.assertEqual([], self.asked())
        self.assertTrue(all('15/18' in html for html in rows.values()))

    @helpers.create_mocks({magnum: ['cluster_list', 'cluster_template_list'],
                           heat: ['stack_resources']})
    def test_index_asks_three_stacks(self):
        self.mock_cluster_list.return_value = self.busy
        self.mock_cluster_template_list.return_value = []
        self.mock_stack_resources.return_value = RESOURCES
        res = self.client.get(INDEX_URL)
        self.assertEqual(3, len(self.asked()))
        self.assertContains(res, '15/18', count=3)

    @helpers.create_mocks({magnum: ['cluster_list', 'cluster_template_list'],
                           heat: ['stack_resources']})
    def test_failure_is_cached_briefly_and_rotated_last(self):
        self.busy = self.busy[:4]
        self.mock_cluster_list.return_value = self.busy
        self.mock_cluster_template_list.return_value = []
        self.mock_stack_resources.side_effect = Exception('heat down')
        self.refresh()
        failed = self.asked()
        self.mock_stack_resources.side_effect = None
        self.mock_stack_resources.return_value = RESOURCES
        cache.delete_many(['magnum_ui:progress:%s:0' % stack
                           for stack in failed])
        self.refresh()
        # The one never asked comes first, then failed ones again.
        again = self.asked()
        self.assertEqual(3, len(again))
        self.assertIn('stack-3', again)


@override_settings(API_RESULT_PAGE_SIZE=2)
class PaginationTests(base.ClustersTestCase):
    def setUp(self):
        super().setUp()
        self.five = [numbered(n) for n in range(1, 5)] + [
            numbered(5, name='box-five', status='CREATE_IN_PROGRESS')]

    def mock_magnum(self):
        self.mock_cluster_list.side_effect = magnum_list(self.five)
        self.mock_cluster_template_list.return_value = \
            self.cluster_templates.list()
        self.mock_stats_get.return_value = test_index.stats(5, 15)
        self.mock_quota_get.return_value = test_index.quota(10)

    def names(self, res):
        return [c.name for c in res.context['table'].data]

    @helpers.create_mocks({magnum: ['cluster_list', 'cluster_template_list',
                                    'stats_get', 'quota_get']})
    def test_first_page_and_next_link(self):
        self.mock_magnum()
        res = self.client.get(INDEX_URL)
        self.assertEqual(['cluster-1', 'cluster-2'], self.names(res))
        self.assertContains(res, 'href="?marker=%s"' % self.five[1].id)
        self.assertNotContains(res, 'href="?prev_marker=')
        self.mock_cluster_list.assert_called_once_with(
            helpers.IsHttpRequest(), limit=3, marker=None)

    @helpers.create_mocks({magnum: ['cluster_list', 'cluster_template_list',
                                    'stats_get', 'quota_get']})
    def test_next_and_previous_pages_by_marker(self):
        self.mock_magnum()
        res = self.client.get(INDEX_URL, {'marker': self.five[1].id})
        self.assertEqual(['cluster-3', 'cluster-4'], self.names(res))
        self.assertContains(res, '?marker=%s' % self.five[3].id)
        self.assertContains(res, '?prev_marker=%s' % self.five[2].id)
        self.mock_cluster_list.assert_called_once_with(
            helpers.IsHttpRequest(), limit=3, marker=self.five[1].id)
        self.mock_cluster_list.reset_mock()
        res = self.client.get(INDEX_URL, {'prev_marker': self.five[2].id})
        self.assertEqual(['cluster-1', 'cluster-2'], self.names(res))
        self.mock_cluster_list.assert_called_once_with(
            helpers.IsHttpRequest(), limit=3, marker=self.five[2].id,
            sort_dir='desc')
        res = self.client.get(INDEX_URL, {'marker': self.five[3].id})
        self.assertEqual(['box-five'], self.names(res))
        self.assertNotContains(res, 'href="?marker=')

    @helpers.create_mocks({magnum: ['cluster_list', 'cluster_template_list',
                                    'stats_get', 'quota_get']})
    def test_filter_finds_a_cluster_on_page_three(self):
        self.mock_magnum()
        res = self.client.post(INDEX_URL, {
            'clusters__filter__q': 'X', 'clusters__filter__q_field': 'name'})
        self.assertEqual(302, res.status_code)
        self.mock_cluster_list.reset_mock()
        res = self.client.get(INDEX_URL)
        self.assertEqual(['box-five'], self.names(res))
        self.mock_cluster_list.assert_called_once_with(
            helpers.IsHttpRequest(), limit=magnum.EVERY)

    @helpers.create_mocks({magnum: ['cluster_list', 'cluster_template_list',
                                    'stats_get', 'quota_get']})
    def test_rows_refresh_finds_a_busy_row_beyond_the_first_page(self):
        """A row not on the page (the name filter showed it): the page,
        then every cluster, as Magnum has more pages.
        """
        self.mock_magnum()
        res = self.client.get(ROWS_URL, {'ids': self.five[4].id})
        answer = json.loads(res.content)
        self.assertEqual([self.five[4].id], list(answer['rows']))
        self.assertEqual([], answer['gone'])
        self.assertEqual(
            [mock.call(helpers.IsHttpRequest(), limit=3, marker=None),
             mock.call(helpers.IsHttpRequest(), limit=magnum.EVERY)],
            self.mock_cluster_list.call_args_list)
