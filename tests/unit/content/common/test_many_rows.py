"""Tables of many rows draw exactly Horizon's markup, with less work."""

import re
from unittest import mock

from django.utils import timezone
from horizon.tables import base as horizon_tables
from horizon.utils import filters as horizon_filters

from magnum_ui.content.common import many_rows
from magnum_ui.content.project.clusters.nodegroups import tables as \
    nodegroup_tables
from magnum_ui.content.project.clusters import tables as cluster_tables
from tests.unit.content.project.clusters import base
from tests.unit import magnum_data

STATUSES = ('CREATE_COMPLETE', 'CREATE_IN_PROGRESS', 'CREATE_FAILED',
            'UPDATE_COMPLETE', 'DELETE_IN_PROGRESS', 'DELETE_FAILED')
LABEL_IDS = re.compile(r'id="([^"]+)"><label for="([^"]+)"')
BODY = re.compile(r'(?s)<tbody>.*</tbody>')


def clusters(ids):
    """Two clusters of each status, with the given ids in turn."""
    ids = iter(ids)
    return [magnum_data._cluster(uuid=next(ids), name='c-%d-%d' % (i, j),
                                 status=status)
            for i, status in enumerate(STATUSES) for j in range(2)]


def uuids(count):
    return ['c0ffee00-0000-4000-8000-%012d' % i for i in range(count)]


class ManyRowsTests(base.ClustersTestCase):

    def table(self, data, cell_class=None):
        table = cluster_tables.ClustersTable(self.request, data=data)
        if cell_class is not None:
            patcher = mock.patch.object(table._meta, 'cell_class', cell_class)
            patcher.start()
            self.addCleanup(patcher.stop)
        return table

    def horizons_menu(self, datum):
        table = self.table([datum])
        return horizon_tables.DataTable.render_row_actions(table, datum)

    def test_menus_are_horizons_and_each_kind_is_drawn_once(self):
        data = clusters(uuids(len(STATUSES) * 2))
        table = self.table(data)
        with mock.patch.object(
                many_rows.ManyRowsTable, 'render_in_context',
                autospec=True,
                side_effect=many_rows.ManyRowsTable.render_in_context) as draw:
            menus = [table.render_row_actions(datum) for datum in data]
        kinds = set()
        for datum, menu in zip(data, menus):
            self.assertEqual(self.horizons_menu(datum), menu, datum.status)
            if menu.strip():
                self.assertIn(datum.id, menu)
            kinds.add(menu.replace(datum.id, ''))
        # Rows of one kind of menu share its drawing.
        self.assertLess(len(kinds), len(STATUSES))
        self.assertEqual(len(kinds), draw.call_count)

    def test_short_ids_are_never_substituted(self):
        data = clusters(str(i) for i in range(len(STATUSES) * 2))
        table = self.table(data)
        for datum in data:
            self.assertEqual(self.horizons_menu(datum),
                             table.render_row_actions(datum))

    def test_a_menu_naming_its_row_is_its_own(self):
        # A nodegroup's delete confirmation names the group (help text).
        groups = [magnum_data._nodegroup(
            uuid=uuid, name='workers-%d' % i, role='worker',
            is_default=False, node_count=1, status='CREATE_COMPLETE',
            cluster_id=magnum_data.CLUSTER['uuid'])
            for i, uuid in enumerate(['0a000000-0000-4000-8000-00000000000%d'
                                      % i for i in (3, 4)])]
        cluster = self.cluster()
        table = nodegroup_tables.NodegroupsTable(
            self.request, data=groups, cluster_id=cluster.id, cluster=cluster)
        for group in groups:
            horizons = horizon_tables.DataTable.render_row_actions(
                nodegroup_tables.NodegroupsTable(
                    self.request, data=[group], cluster_id=cluster.id,
                    cluster=cluster), group)
            self.assertIn(group.name, horizons)
            self.assertEqual(horizons, table.render_row_actions(group))

    def test_rows_are_horizons_with_their_own_checkbox_ids(self):
        data = clusters(uuids(len(STATUSES) * 2))
        # One "now" for both: the Created cell counts seconds since then.
        with mock.patch.object(horizon_filters.timezone, 'now',
                               return_value=timezone.now()):
            ours = BODY.search(self.table(data).render()).group(0)
            horizons = BODY.search(
                self.table(data, horizon_tables.Cell).render()).group(0)
        pairs = LABEL_IDS.findall(ours)
        self.assertEqual(len(data), len(pairs))
        for checkbox, label in pairs:
            self.assertEqual(checkbox, label)
        self.assertEqual(len(data), len({label for _, label in pairs}))
        self.assertEqual(LABEL_IDS.sub('', horizons), LABEL_IDS.sub('', ours))
        for datum in data:
            self.assertIn('value="%s"' % datum.id, ours)

    def test_batch_action_names_are_made_once_and_stay_lazy(self):
        present = cluster_tables.actions.DeleteCluster.action_present
        self.assertIs(present(1), present(1))
        self.assertEqual('Delete Clusters', str(present(2)))
