"""Row marks: the root cause as a failed row's tooltip, the stall mark of
a busy row; from the one Magnum list and the row's Heat summary only."""

import json
import time
from unittest import mock

from django.conf import settings
from django.urls import reverse
from django.utils.html import escape

from openstack_dashboard.test import helpers

from magnum_ui.api import magnum
from magnum_ui.content.project.clusters.diagnosis import stall
from magnum_ui.content.project.clusters import pending
from magnum_ui.content.project.clusters.progress import loader
from tests.unit.content.project.clusters import base
from tests.unit.content.project.clusters import recorded

INDEX_URL = reverse('horizon:project:clusters:index')
ROWS_URL = reverse('horizon:project:clusters:rows')
LATER = 'magnum_ui.content.project.clusters.diagnosis.stall.timezone.now'


def _summary(cluster):
    items = recorded.progress('sandbox_stalled', cluster).resources
    return loader.Summary(4, 8, stall.newest(i.updated for i in items),
                          tuple(stall.heat_waiting(items)))


class RowMarkTests(base.ClustersTestCase):
    def setUp(self):
        super().setUp()
        self.failed = recorded.cluster('failed_worker')
        self.stalled = recorded.cluster('stalled')
        for cluster in (self.failed, self.stalled):
            cluster._apiresource.project_id = self.request.user.project_id

    @helpers.create_mocks({magnum: ['cluster_list', 'cluster_template_list']})
    def test_index_failed_tooltip_and_stalled_mark_in_one_call(self):
        self.mock_cluster_list.return_value = [self.failed, self.stalled]
        self.mock_cluster_template_list.return_value = []
        self.mock_progress.side_effect = lambda request, c: _summary(c)
        with mock.patch(LATER, return_value=recorded.after(
                self.stalled.updated_at, 3600)):
            res = self.client.get(INDEX_URL)
        self.assertContains(res, 'class="cluster-root-cause"')
        self.assertContains(res, 'title="%s"'
                            % escape(self.failed.status_reason))
        self.assertContains(res, 'class="cluster-stalled text-warning"')
        self.assertContains(res, 'Stalled, waiting for kube_masters / 0 / '
                                 'server')
        self.assertContains(res, '<span class="cluster-progress"')
        self.mock_cluster_list.assert_called_once()

    @helpers.create_mocks({magnum: ['cluster_list', 'cluster_template_list']})
    def test_row_refresh_marks_from_magnum_without_a_summary(self):
        self.mock_cluster_list.return_value = [self.stalled]
        self.mock_cluster_template_list.return_value = []
        with mock.patch(LATER, return_value=recorded.after(
                self.stalled.updated_at, 3600)):
            res = self.client.get(ROWS_URL, {'ids': self.stalled.id})
        row = json.loads(res.content)['rows'][self.stalled.id]
        self.assertIn('cluster-stalled', row)
        self.assertIn('Stalled, no change for 1', row)
        self.mock_cluster_list.assert_called_once()

    @helpers.create_mocks({magnum: ['cluster_list', 'cluster_template_list']})
    def test_setting_shortens_the_stall_time(self):
        self.mock_cluster_list.return_value = [self.stalled]
        self.mock_cluster_template_list.return_value = []
        now = recorded.after(self.stalled.updated_at, 120)
        with mock.patch(LATER, return_value=now):
            res = self.client.get(ROWS_URL, {'ids': self.stalled.id})
            self.assertNotIn('cluster-stalled',
                             json.loads(res.content)['rows'][
                                 self.stalled.id])
            with self.settings(MAGNUM_UI_STALL_SECONDS=60):
                res = self.client.get(ROWS_URL, {'ids': self.stalled.id})
        self.assertIn('cluster-stalled',
                      json.loads(res.content)['rows'][self.stalled.id])

    @helpers.create_mocks({magnum: ['cluster_list', 'cluster_template_list']})
    def test_a_delete_just_asked_is_no_stall(self):
        # Magnum changed the record long ago; the delete was just asked.
        done = recorded.cluster('failed_worker', status='CREATE_COMPLETE')
        done._apiresource.project_id = self.request.user.project_id
        session = self.client.session
        session[pending.SESSION_KEY] = {done.id: {
            'status': pending.DELETING, 'until': time.time() + 60,
            'since': done.updated_at}}
        session.save()
        # Signed-cookie sessions: the client sends what was saved.
        self.client.cookies[settings.SESSION_COOKIE_NAME] = \
            session.session_key
        self.mock_cluster_list.return_value = [done]
        self.mock_cluster_template_list.return_value = []
        with mock.patch(LATER, return_value=recorded.after(
                done.updated_at, 3600)):
            res = self.client.get(ROWS_URL, {'ids': done.id})
        row = json.loads(res.content)['rows'][done.id]
        self.assertIn('Deleting', row)
        self.assertNotIn('cluster-stalled', row)
