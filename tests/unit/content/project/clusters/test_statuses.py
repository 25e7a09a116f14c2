"""Busy (polled) rows: Magnum's *_IN_PROGRESS statuses, DELETE_COMPLETE."""

from openstack_dashboard.test import helpers

from magnum_ui.api import magnum
from magnum_ui import statuses
from tests.unit.content.project.clusters import base
from tests.unit.content.project.clusters import test_rows


class OutcomeTests(base.ClustersTestCase):
    def test_outcomes(self):
        self.assertIsNone(statuses.outcome('UPDATE_IN_PROGRESS'))
        self.assertTrue(statuses.outcome('CREATE_COMPLETE'))
        self.assertFalse(statuses.outcome('DELETE_FAILED'))
        # Magnum drops the record right after: polled until it is gone.
        self.assertIsNone(statuses.outcome('DELETE_COMPLETE'))
        # Neither busy nor done: not polled forever.
        self.assertIs(False, statuses.outcome(None))
        self.assertIs(False, statuses.outcome(''))
        self.assertIs(False, statuses.outcome('PAUSED'))

    @helpers.create_mocks({magnum: ['cluster_list', 'cluster_template_list']})
    def test_null_and_unknown_status_rows_are_not_busy(self):
        odd = [test_rows.busy(1, status=None),
               test_rows.busy(2, status='HIBERNATING'),
               test_rows.busy(3, status='UPDATE_IN_PROGRESS')]
        self.mock_cluster_list.return_value = odd
        self.mock_cluster_template_list.return_value = []
        _res, answer = test_rows.RowsTests.get_rows(
            self, [cluster.id for cluster in odd])
        first_tags = {cluster_id: html.split('>')[0]
                      for cluster_id, html in answer['rows'].items()}
        self.assertNotIn('warning', first_tags[odd[0].id])
        self.assertNotIn('warning', first_tags[odd[1].id])
        self.assertIn('status_down', first_tags[odd[1].id])
        self.assertIn('warning', first_tags[odd[2].id])
