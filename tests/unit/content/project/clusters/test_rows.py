"""The batched row refresh: one Magnum call for every busy row."""

import json
import re
import time
from unittest import mock

from django.conf import settings
from django.test.utils import override_settings
from django.urls import reverse

from openstack_dashboard.test import helpers

from magnum_ui.api import magnum
from magnum_ui.content.project.clusters import data
from magnum_ui.content.project.clusters import pending
from tests.unit.content.project.clusters import base
from tests.unit.content.project.clusters import test_index
from tests.unit.content.project.clusters import test_scale
from tests.unit import magnum_data

ROWS_URL = reverse('horizon:project:clusters:rows')
GONE_ID = 'c0ffee00-0000-4000-8000-00000000dead'


def busy(number, status='CREATE_IN_PROGRESS'):
    return magnum_data._cluster(
        uuid='b0000000-0000-4000-8000-%012d' % number,
        name='busy-%d' % number, status=status, health_status=None)


def row_html(page, row_id):
    """The <tr> of ``row_id`` in a rendered page (rows hold no nested tr)."""
    match = re.search(r'<tr[^>]*id="%s".*?</tr>' % re.escape(row_id), page,
                      re.S)
    return match.group(0) if match else None


def normalized(html):
    """Without what differs between two renderings of one row anyway.

    Horizon gives each checkbox a random id, and the age column counts
    seconds.
    """
    html = re.sub(r'(id|for)="[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-'
                  r'[0-9a-f]{4}-[0-9a-f]{12}"', r'\1="X"', html.strip())
    return re.sub(r'data-seconds="\d+"', 'data-seconds="X"', html)


class RowsTests(base.ClustersTestCase):
    def get_rows(self, ids):
        res = self.client.get(ROWS_URL, {'ids': ','.join(ids)})
        return res, (json.loads(res.content) if res.status_code in (200, 503)
                     else None)

    @helpers.create_mocks({magnum: ['cluster_list', 'cluster_get',
                                    'cluster_template_list']})
    def test_one_list_call_for_many_busy_rows_and_gone_ids(self):
        clusters = [busy(n) for n in range(6)]
        self.mock_cluster_list.return_value = clusters + self.clusters.list()
        self.mock_cluster_template_list.return_value = \
            self.cluster_templates.list()
        ids = [c.id for c in clusters] + [GONE_ID]
        res, answer = self.get_rows(ids)
        self.assertEqual(200, res.status_code)
        self.assertEqual(sorted(c.id for c in clusters),
                         sorted(answer['rows']))
        self.assertEqual([GONE_ID], answer['gone'])
        # The page (page size and one more); Magnum has no other page, so
        # the id not on it is gone without a second call.
        self.mock_cluster_list.assert_called_once_with(
            helpers.IsHttpRequest(), limit=21, marker=None)
        self.mock_cluster_get.assert_not_called()
        for cluster in clusters:
            html = answer['rows'][cluster.id]
            self.assertTrue(html.startswith('<tr'))
            self.assertIn('id="clusters__row__%s"' % cluster.id, html)
            self.assertIn('warning', html)

    @helpers.create_mocks({magnum: ['cluster_list', 'cluster_template_list']})
    def test_template_names_come_from_the_pages_cache(self):
        """After the page listed templates, a refresh is ONE Magnum call."""
        self.mock_cluster_list.return_value = self.clusters.list()
        self.mock_cluster_template_list.return_value = \
            self.cluster_templates.list()
        data.fetch_template_names(self.mock_request())
        self.mock_cluster_template_list.reset_mock()
        res, answer = self.get_rows([self.cluster(1).id])
        self.assertIn('k8s-small', answer['rows'][self.cluster(1).id])
        self.mock_cluster_template_list.assert_not_called()
        self.mock_cluster_list.assert_called_once_with(
            helpers.IsHttpRequest(), limit=21, marker=None)

    def mock_request(self):
        return self.client.get(
            reverse('horizon:project:clusters:rows')).wsgi_request

    @helpers.create_mocks({magnum: ['cluster_list', 'cluster_template_list',
                                    'stats_get', 'quota_get']})
    def test_row_is_identical_to_the_full_page_row(self):
        index = test_index.IndexTests.mock_page
        index(self)
        page = self.client.get(test_index.INDEX_URL).content.decode()
        cluster = self.cluster(1)
        _res, answer = self.get_rows([cluster.id])
        row_id = 'clusters__row__%s' % cluster.id
        self.maxDiff = None
        self.assertEqual(normalized(row_html(page, row_id)),
                         normalized(answer['rows'][cluster.id]))

    @helpers.create_mocks({magnum: ['cluster_list', 'cluster_template_list']})
    def test_finished_row_is_no_longer_busy(self):
        done = busy(1, status='CREATE_COMPLETE')
        self.mock_cluster_list.return_value = [done]
        self.mock_cluster_template_list.return_value = []
        _res, answer = self.get_rows([done.id])
        html = answer['rows'][done.id]
        self.assertNotIn('warning', html.split('>')[0])
        self.assertIn('status_up', html.split('>')[0])

    @helpers.create_mocks({magnum: ['cluster_list', 'cluster_template_list']})
    def test_deleted_cluster_is_gone(self):
        self.mock_cluster_list.return_value = []
        self.mock_cluster_template_list.return_value = []
        _res, answer = self.get_rows([self.cluster(1).id])
        self.assertEqual({}, answer['rows'])
        self.assertEqual([self.cluster(1).id], answer['gone'])

    @helpers.create_mocks({magnum: ['cluster_list']})
    def test_magnum_error_is_503_with_its_message(self):
        self.mock_cluster_list.side_effect = base.magnum_error(
            500, 'conductor unreachable')
        res, answer = self.get_rows([self.cluster(1).id])
        self.assertEqual(503, res.status_code)
        self.assertEqual('conductor unreachable', answer['error'])

    @helpers.create_mocks({magnum: ['cluster_list']})
    def test_no_ids_no_call(self):
        res, answer = self.get_rows([])
        self.assertEqual({'rows': {}, 'gone': []}, answer)
        self.mock_cluster_list.assert_not_called()


@override_settings(API_RESULT_PAGE_SIZE=2)
class PagedRowsTests(base.ClustersTestCase):
    """Five clusters by two a page: the refresh lists the page shown."""

    def setUp(self):
        super().setUp()
        self.five = [test_scale.numbered(n, status='UPDATE_IN_PROGRESS')
                     for n in range(1, 6)]

    def get_rows(self, ids, **markers):
        res = self.client.get(ROWS_URL, dict(markers, ids=','.join(ids)))
        self.assertEqual(200, res.status_code)
        return json.loads(res.content)

    def mock_magnum(self):
        self.mock_cluster_list.side_effect = test_scale.magnum_list(self.five)
        self.mock_cluster_template_list.return_value = \
            self.cluster_templates.list()

    @helpers.create_mocks({magnum: ['cluster_list', 'cluster_template_list',
                                    'stats_get', 'quota_get']})
    def test_index_rows_url_carries_the_pages_marker(self):
        self.mock_magnum()
        res = self.client.get(test_index.INDEX_URL,
                              {'marker': self.five[1].id})
        self.assertContains(res, 'data-rows-url="%s?marker=%s"'
                            % (ROWS_URL, self.five[1].id))
        res = self.client.get(test_index.INDEX_URL,
                              {'prev_marker': self.five[2].id})
        self.assertContains(res, 'data-rows-url="%s?prev_marker=%s"'
                            % (ROWS_URL, self.five[2].id))

    @helpers.create_mocks({magnum: ['cluster_list', 'cluster_template_list']})
    def test_rows_of_the_page_are_one_call_with_its_marker(self):
        self.mock_magnum()
        page = [self.five[2].id, self.five[3].id]
        answer = self.get_rows(page, marker=self.five[1].id)
        self.assertEqual(sorted(page), sorted(answer['rows']))
        self.assertEqual([], answer['gone'])
        self.mock_cluster_list.assert_called_once_with(
            helpers.IsHttpRequest(), limit=3, marker=self.five[1].id)

    @helpers.create_mocks({magnum: ['cluster_list', 'cluster_template_list']})
    def test_previous_page_is_one_call_backwards(self):
        self.mock_magnum()
        answer = self.get_rows([self.five[0].id],
                               prev_marker=self.five[2].id)
        self.assertEqual([self.five[0].id], list(answer['rows']))
        self.mock_cluster_list.assert_called_once_with(
            helpers.IsHttpRequest(), limit=3, marker=self.five[2].id,
            sort_dir='desc')

    @helpers.create_mocks({magnum: ['cluster_list', 'cluster_template_list']})
    def test_missing_id_with_more_pages_lists_every_cluster(self):
        self.mock_magnum()
        deleted = 'd0000000-0000-4000-8000-00000000dead'
        answer = self.get_rows([self.five[0].id, self.five[4].id, deleted])
        self.assertEqual(sorted([self.five[0].id, self.five[4].id]),
                         sorted(answer['rows']))
        self.assertEqual([deleted], answer['gone'])
        self.assertEqual(
            [mock.call(helpers.IsHttpRequest(), limit=3, marker=None),
             mock.call(helpers.IsHttpRequest(), limit=magnum.EVERY)],
            self.mock_cluster_list.call_args_list)

    @helpers.create_mocks({magnum: ['cluster_list', 'cluster_template_list']})
    def test_deleted_marker_lists_every_cluster(self):
        """The page's marker cluster was deleted: Magnum answers 404."""
        listing = test_scale.magnum_list(self.five)

        def cluster_list(request, limit=None, marker=None, sort_dir=None):
            if marker:
                raise base.magnum_error(404, 'Cluster gone could not be '
                                        'found.')
            return listing(request, limit=limit)
        self.mock_cluster_list.side_effect = cluster_list
        self.mock_cluster_template_list.return_value = []
        answer = self.get_rows([self.five[2].id], marker='gone')
        self.assertEqual([self.five[2].id], list(answer['rows']))
        self.assertEqual(2, self.mock_cluster_list.call_count)
        self.mock_cluster_list.assert_called_with(
            helpers.IsHttpRequest(), limit=magnum.EVERY)

    @helpers.create_mocks({magnum: ['cluster_list', 'cluster_template_list']})
    def test_pending_of_other_pages_is_kept_on_a_page_refresh(self):
        """A page is part of the list: other pages' pending requests stay."""
        self.mock_magnum()
        session = self.client.session
        session[pending.SESSION_KEY] = {self.five[4].id: {
            'status': pending.DELETING, 'until': time.time() + 60,
            'since': self.five[4].updated_at}}
        session.save()
        # Signed-cookie sessions: the client sends what was saved.
        self.client.cookies[settings.SESSION_COOKIE_NAME] = \
            session.session_key
        self.get_rows([self.five[0].id])
        self.mock_cluster_list.assert_called_once_with(
            helpers.IsHttpRequest(), limit=3, marker=None)
        self.assertIn(self.five[4].id,
                      self.client.session[pending.SESSION_KEY])
