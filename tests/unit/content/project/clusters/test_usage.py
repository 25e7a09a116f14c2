"""The usage picture: loaded after the page unless cached, then inline."""

from django.urls import reverse

from openstack_dashboard.test import helpers

from magnum_ui.api import client
from magnum_ui.api import magnum
from magnum_ui.api import versions
from magnum_ui.content.project.clusters import usage
from tests.unit.content.project.clusters import base
from tests.unit.content.project.clusters import test_index

INDEX_URL = test_index.INDEX_URL
USAGE_URL = reverse('horizon:project:clusters:usage')
MOCKS = {magnum: ['cluster_list', 'cluster_template_list', 'stats_get',
                  'quota_get']}


class UsageViewTests(base.ClustersTestCase):
    mock_page = test_index.IndexTests.mock_page

    @helpers.create_mocks(MOCKS)
    def test_picture_against_quota(self):
        self.mock_page(limit=4)
        res = self.client.get(USAGE_URL)
        self.assertTemplateUsed(res, 'magnum_ui/clusters/_usage.html')
        self.assertContains(res, 'id="cluster-usage"')
        self.assertContains(res, '3 of 4 used')
        self.assertContains(res, 'width="75"')
        self.assertContains(res, '9 nodes')
        self.assertNotContains(res, 'data-usage-url')
        self.mock_stats_get.assert_called_once_with(
            helpers.IsHttpRequest(), project_id=self.tenant.id)
        self.mock_quota_get.assert_called_once_with(
            helpers.IsHttpRequest(), self.tenant.id)
        # The fragment only: no page, no cluster list.
        self.assertNotContains(res, '<html')
        self.mock_cluster_list.assert_not_called()

    @helpers.create_mocks(MOCKS)
    def test_quota_not_found_means_no_limit(self):
        self.mock_page(limit=base.magnum_error(404, 'Quota not found'))
        res = self.client.get(USAGE_URL)
        self.assertContains(res, '3 used, no limit')
        self.assertContains(res, 'cluster-usage-unlimited')

    @helpers.create_mocks(MOCKS)
    def test_stats_error_shows_in_the_fragment_not_500(self):
        self.mock_page()
        self.mock_stats_get.side_effect = base.magnum_error(
            500, 'stats are broken')
        res = self.client.get(USAGE_URL)
        self.assertEqual(200, res.status_code)
        self.assertContains(res, 'cluster-usage-error')
        self.assertContains(res, 'Usage unavailable: stats are broken')
        # Not cached: the page asks for it again.
        page = self.client.get(INDEX_URL)
        self.assertContains(page, 'data-usage-url="%s"' % USAGE_URL)
        self.assertNotContains(page, 'stats are broken')
        self.assertEqual(1, self.mock_stats_get.call_count)

    @helpers.create_mocks(MOCKS)
    def test_cached_picture_is_inline_without_a_call(self):
        self.mock_page(limit=4)
        self.client.get(USAGE_URL)
        self.mock_stats_get.reset_mock()
        self.mock_quota_get.reset_mock()
        res = self.client.get(INDEX_URL)
        self.assertContains(res, 'id="cluster-usage"', count=1)
        self.assertContains(res, '3 of 4 used')
        self.assertNotContains(res, 'data-usage-url')
        self.assertNotContains(res, 'Loading usage')
        self.mock_stats_get.assert_not_called()
        self.mock_quota_get.assert_not_called()
        self.mock_cluster_list.assert_called_once_with(
            helpers.IsHttpRequest(), limit=21, marker=None)

    @helpers.create_mocks(MOCKS)
    def test_create_wizard_quota_check_still_asks_fresh(self):
        """The cached picture is for showing; the wizard's check is not."""
        self.mock_page(limit=4)
        self.client.get(USAGE_URL)
        self.client.get(USAGE_URL)
        self.assertEqual(1, self.mock_stats_get.call_count)
        request = self.client.get(USAGE_URL).wsgi_request
        self.assertEqual(3, usage.project_usage(request, fresh=True).clusters)
        self.assertEqual(2, self.mock_stats_get.call_count)


class NoStatsTests(base.ClustersTestCase):
    def old_magnum(self):
        """Magnum 1.3 (no stats), as this worker last read its range."""
        self.mock_api_version.return_value = (1, 3)
        versions.server_range(
            client.endpoint_for(self.request),
            lambda endpoint: {versions.MIN_HEADER: '1.1',
                              versions.MAX_HEADER: '1.3'})

    @helpers.create_mocks({magnum: ['cluster_list', 'cluster_template_list',
                                    'stats_get']})
    def test_no_usage_box_when_magnum_has_no_stats(self):
        self.old_magnum()
        self.mock_cluster_list.return_value = self.clusters.list()
        self.mock_cluster_template_list.return_value = \
            self.cluster_templates.list()
        res = self.client.get(INDEX_URL)
        self.assertEqual(3, len(res.context['table'].data))
        self.assertNotContains(res, 'id="cluster-usage"')
        self.mock_stats_get.assert_not_called()

    @helpers.create_mocks({magnum: ['stats_get', 'quota_get']})
    def test_usage_view_is_empty_without_stats(self):
        self.old_magnum()
        res = self.client.get(USAGE_URL)
        self.assertEqual(200, res.status_code)
        self.assertEqual(b'', res.content)
        self.mock_stats_get.assert_not_called()
        self.mock_quota_get.assert_not_called()
