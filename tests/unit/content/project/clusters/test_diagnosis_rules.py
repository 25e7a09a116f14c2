"""Stall, root cause and cause normalisation on recorded sandbox answers."""

from magnum_ui.content.project.clusters.diagnosis import cause
from magnum_ui.content.project.clusters.diagnosis import stall
from magnum_ui.content.project.clusters.progress import loader
from tests.unit.content.project.clusters import recorded
from tests.unit import helpers

# The stalled cluster's master server started at 04:47:51 and waits 900 s.
STALLED_AT = '2026-11-30T04:47:52Z'


class StallTests(helpers.MagnumTestCase):
    def setUp(self):
        super().setUp()
        self.cluster = recorded.cluster('stalled')
        self.prog = recorded.progress('sandbox_stalled', self.cluster)
        self.events = [event.time for event in self.prog.events]

    def test_heat_stall_names_the_waiting_server_and_since_when(self):
        found = stall.from_heat(self.cluster, self.prog.resources,
                                self.events,
                                now=recorded.after(STALLED_AT, 601),
                                threshold=600)
        self.assertEqual('heat', found.source)
        self.assertEqual(recorded.after(STALLED_AT, 0), found.since)
        self.assertEqual(601, found.seconds)
        self.assertEqual(['kube_masters / 0 / server'],
                         [item.name for item in found.waiting])
        self.assertEqual(recorded.after('2026-11-30T04:47:51Z', 0),
                         found.waiting[0].since)

    def test_no_stall_before_the_threshold(self):
        self.assertIsNone(stall.from_heat(
            self.cluster, self.prog.resources, self.events,
            now=recorded.after(STALLED_AT, 599), threshold=600))

    def test_the_setting_sets_the_threshold(self):
        now = recorded.after(STALLED_AT, 30)
        with self.settings(MAGNUM_UI_STALL_SECONDS=20):
            self.assertIsNotNone(stall.from_heat(
                self.cluster, self.prog.resources, self.events, now=now))
        self.assertIsNone(stall.from_heat(
            self.cluster, self.prog.resources, self.events, now=now))

    def test_a_finished_cluster_never_stalls(self):
        failed = recorded.cluster('failed_worker')
        self.assertIsNone(stall.from_magnum(
            failed, recorded.nodegroups('failed_worker'),
            now=recorded.after(failed.updated_at, 9999), threshold=600))

    def test_without_heat_magnum_records_and_busy_nodegroups(self):
        groups = recorded.nodegroups('stalled')
        found = stall.from_magnum(
            self.cluster, groups,
            now=recorded.after(self.cluster.updated_at, 700),
            threshold=600)
        self.assertEqual('magnum', found.source)
        newest = max(recorded.after(t, 0) for t in
                     [self.cluster.updated_at] +
                     [g.updated_at or g.created_at for g in groups])
        self.assertEqual(newest, found.since)
        self.assertEqual(sorted(g.name for g in groups
                                if g.status.endswith('_IN_PROGRESS')),
                         sorted(item.name for item in found.waiting))

    def test_row_uses_the_heat_summary_when_it_has_one(self):
        items = self.prog.resources
        summary = loader.Summary(
            4, 8, stall.newest(item.updated for item in items),
            tuple(stall.heat_waiting(items)))
        found = stall.from_row(self.cluster, summary,
                               now=recorded.after(STALLED_AT, 700),
                               threshold=600)
        self.assertEqual('heat', found.source)
        self.assertEqual('kube_masters / 0 / server', found.waiting[0].name)
        # no summary (Heat not asked this time): Magnum's updated_at
        found = stall.from_row(self.cluster, None,
                               now=recorded.after(STALLED_AT, 700),
                               threshold=600)
        self.assertEqual('magnum', found.source)
        self.assertEqual(recorded.after(self.cluster.updated_at, 0),
                         found.since)

    def test_unreadable_times_are_no_stall(self):
        self.assertIsNone(stall.detect(True, 'soon'))
        self.assertIsNone(stall.detect(True, None))


class RootCauseTests(helpers.MagnumTestCase):
    def test_heat_first_failing_resource_not_its_cancelled_siblings(self):
        failed = recorded.cluster('failed_worker')
        prog = recorded.progress('sandbox_failed', failed)
        found = cause.root_cause(failed, prog)
        self.assertEqual('heat', found.source)
        self.assertEqual('kube_minions / 1 / server', found.resource)
        self.assertIn('Test Resource failed server', found.reason)

    def test_without_heat_a_failed_nodegroup_names_the_part(self):
        failed = recorded.cluster('failed_worker')
        groups = recorded.nodegroups('failed_worker')
        found = cause.root_cause(failed, None, groups)
        self.assertEqual('nodegroup', found.source)
        self.assertEqual('default-worker', found.resource)
        self.assertIn('simulated failure of worker node 1', found.reason)

    def test_without_heat_or_nodegroups_status_reason_and_faults(self):
        failed = recorded.cluster('failed_master')
        found = cause.root_cause(failed)
        self.assertEqual('magnum', found.source)
        self.assertEqual(failed.status_reason, found.reason)
        self.assertEqual(sorted(failed.faults.items()),
                         list(found.details))

    def test_stack_of_another_action_is_not_the_cause(self):
        # Magnum refused the delete; its stack is complete (or failed an
        # earlier create): Magnum's reason is the cause.
        refused = recorded.cluster('delete_failed')
        prog = recorded.progress('sandbox_failed', refused)
        found = cause.root_cause(refused, prog)
        self.assertEqual('magnum', found.source)
        self.assertIn('sandbox_fail_delete', found.reason)

    def test_busy_or_complete_clusters_have_no_root_cause(self):
        self.assertIsNone(cause.root_cause(recorded.cluster('stalled')))
        self.assertEqual('', cause.row_reason(recorded.cluster('stalled')))

    def test_row_reason_is_status_reason_then_faults_and_short(self):
        failed = recorded.cluster('failed_master')
        self.assertEqual(failed.status_reason, cause.row_reason(failed))
        faults_only = recorded.cluster('failed_master', status_reason=None)
        self.assertIn('default-master: sandbox: simulated failure',
                      cause.row_reason(faults_only))
        long = recorded.cluster('failed_master', status_reason='x' * 900)
        self.assertEqual(cause.ROW_REASON_LENGTH,
                         len(cause.row_reason(long)))


class NormaliseTests(helpers.MagnumTestCase):
    def _key(self, name):
        cluster = recorded.cluster(name)
        return cause.normalise(cluster.status_reason, [cluster.name])

    def test_same_failure_in_two_clusters_has_one_key(self):
        self.assertEqual(self._key('failed_worker'),
                         self._key('failed_worker_again'))
        self.assertNotEqual(self._key('failed_worker'),
                            self._key('failed_master'))

    def test_names_ids_addresses_and_numbers_are_placeholders(self):
        key = cause.normalise(
            'Stack demo-ab12cd of demo: port 10.0.0.5:6443 on '
            '4e19a87d-1000-4b28-9fe0-0bda6c13a935 failed after 3 tries '
            '(flavor "m1.small")', names=['demo'])
        self.assertEqual('stack <name> of <name>: port <address> on <id> '
                         'failed after n tries (flavor <value>)', key)

    def test_health_cause_drops_node_names(self):
        one = recorded.cluster('failed_worker').health_status_reason
        other = recorded.cluster(
            'failed_worker_again').health_status_reason
        self.assertEqual(cause.health_cause(one), cause.health_cause(other))
        self.assertEqual('Ready: False; api: some nodes are not ready',
                         cause.health_cause(one))
