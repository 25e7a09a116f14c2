"""Accepted requests shown at once, without waiting for Magnum in a request."""

import json
import types
from unittest import mock

from django.urls import reverse

from openstack_dashboard.test import helpers

from magnum_ui.api import magnum
from magnum_ui.content.project.clusters import pending
from tests.unit.content.project.clusters import base
from tests.unit import magnum_data

INDEX_URL = reverse('horizon:project:clusters:index')
ROWS_URL = reverse('horizon:project:clusters:rows')
NEW_ID = 'feed0000-0000-4000-8000-000000000001'


def idle_clusters(count):
    return [magnum_data._cluster(
        uuid='d0000000-0000-4000-8000-%012d' % number,
        name='idle-%d' % number, updated_at='2026-11-20T10:06:00+00:00')
        for number in range(count)]


def fake_request():
    return types.SimpleNamespace(
        session={}, user=types.SimpleNamespace(project_id='1'))


class BatchDeleteTests(base.ClustersTestCase):
    @helpers.create_mocks({magnum: ['cluster_list', 'cluster_delete',
                                    'cluster_get', 'cluster_template_list',
                                    'stats_get', 'quota_get']})
    def test_ten_deletes_ten_calls_no_polling_and_rows_busy_at_once(self):
        clusters = idle_clusters(10)
        # A fresh list each call, as from Magnum.
        self.mock_cluster_list.side_effect = \
            lambda request, **kwargs: idle_clusters(10)
        self.mock_cluster_template_list.return_value = []
        self.mock_stats_get.side_effect = base.magnum_error(500, 'x')
        ids = [cluster.id for cluster in clusters]
        res = self.client.post(INDEX_URL, {
            'action': 'clusters__delete', 'object_ids': ids})
        self.assertRedirectsNoFollow(res, INDEX_URL)
        self.assertEqual(
            sorted(ids),
            sorted(c.args[1] for c in self.mock_cluster_delete.call_args_list))
        # One list (the table's data) and not a single status poll.
        self.assertEqual(1, self.mock_cluster_list.call_count)
        self.mock_cluster_get.assert_not_called()

        # Magnum still lists them as they were: the page shows them busy.
        page = self.client.get(INDEX_URL).content.decode()
        self.assertEqual(10, page.count('Deleting'))
        _res = self.client.get(ROWS_URL, {'ids': ','.join(ids)})
        answer = json.loads(_res.content)
        self.assertEqual(sorted(ids), sorted(answer['rows']))
        for html in answer['rows'].values():
            self.assertIn('warning', html.split('>')[0])

    @helpers.create_mocks({magnum: ['cluster_list', 'cluster_delete',
                                    'cluster_template_list']})
    def test_gone_after_delete_is_gone(self):
        clusters = idle_clusters(1)
        self.mock_cluster_list.return_value = clusters
        self.mock_cluster_template_list.return_value = []
        self.client.post(INDEX_URL, {
            'action': 'clusters__delete', 'object_ids': [clusters[0].id]})
        self.mock_cluster_list.return_value = []
        answer = json.loads(self.client.get(
            ROWS_URL, {'ids': clusters[0].id}).content)
        self.assertEqual([clusters[0].id], answer['gone'])


class ApplyTests(base.ClustersTestCase):
    def test_new_cluster_has_a_placeholder_until_magnum_lists_it(self):
        request = fake_request()
        pending.remember(request, NEW_ID, pending.CREATING, name='new-one',
                         cluster_template_id='tmpl', node_count=2,
                         labels={'not': 'kept'})
        shown = pending.apply(request, [])
        self.assertEqual([NEW_ID], [cluster.id for cluster in shown])
        self.assertEqual('new-one', shown[0].name)
        self.assertTrue(shown[0].is_busy)
        self.assertEqual(2, shown[0].node_count)
        self.assertEqual('1', shown[0].project_id)
        self.assertNotIn('labels', request.session[pending.SESSION_KEY]
                         [NEW_ID]['fields'])
        # Only the row refresh's wanted ids get one.
        self.assertEqual([], pending.apply(request, [], wanted_ids=['x']))
        listed = magnum_data._cluster(uuid=NEW_ID,
                                      status='CREATE_IN_PROGRESS')
        self.assertEqual([listed], pending.apply(request, [listed]))
        self.assertNotIn(pending.SESSION_KEY, request.session)

    def test_listed_cluster_takes_the_pending_status_until_magnum_moves(self):
        request = fake_request()
        cluster = idle_clusters(1)[0]
        pending.remember(request, cluster.id, pending.UPDATING,
                         cluster=cluster)
        shown = pending.apply(request, [cluster])
        self.assertEqual('UPDATE_IN_PROGRESS', shown[0].status)
        # Magnum went busy and finished between two refreshes.
        finished = magnum_data._cluster(
            uuid=cluster.id, status='UPDATE_COMPLETE',
            updated_at='2026-11-20T10:09:00+00:00')
        self.assertEqual('UPDATE_COMPLETE',
                         pending.apply(request, [finished])[0].status)
        self.assertNotIn(pending.SESSION_KEY, request.session)

    def test_entries_expire(self):
        request = fake_request()
        cluster = idle_clusters(1)[0]
        with mock.patch.object(pending.time, 'time', return_value=1000.0):
            pending.remember(request, cluster.id, pending.DELETING,
                             cluster=cluster)
        later = 1000.0 + pending.lifetime() + 1
        with mock.patch.object(pending.time, 'time', return_value=later):
            shown = pending.apply(request, [cluster])
        self.assertEqual('CREATE_COMPLETE', shown[0].status)
        self.assertNotIn(pending.SESSION_KEY, request.session)

    def test_few_entries_are_kept(self):
        request = fake_request()
        for cluster in idle_clusters(pending.MAX_ENTRIES + 5):
            pending.remember(request, cluster.id, pending.DELETING,
                             cluster=cluster)
        self.assertEqual(pending.MAX_ENTRIES,
                         len(request.session[pending.SESSION_KEY]))
