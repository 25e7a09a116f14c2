"""The Nodegroups tab's node count against the autoscaler's bounds."""

from django import test

from magnum_ui.content.project.clusters.nodegroups import tables
from tests.unit.content.project.clusters.test_nodegroup_forms import pool


class NodesTextTests(test.SimpleTestCase):
    def test_autoscaled_group_shows_bounds_and_reported_nodes(self):
        group = pool(labels={'auto_scaling_enabled': 'true'}, node_count=3,
                     min_node_count=1, max_node_count=4,
                     node_addresses=['10.0.0.5', '10.0.0.6'])
        text = str(tables.nodes_text(group))
        self.assertTrue(text.startswith('3 '), text)
        self.assertIn('(autoscaling 1&ndash;4)', text)
        self.assertIn('nodegroup-count-differs', text)
        self.assertIn('2 reported', text)

    def test_plain_group_shows_its_count_only(self):
        group = pool(labels={}, node_count=2, node_addresses=['a', 'b'])
        self.assertEqual('2', str(tables.nodes_text(group)))

    def test_no_reported_nodes_is_no_mark(self):
        group = pool(labels={'auto_scaling_enabled': 'True'},
                     max_node_count=None, node_addresses=[])
        text = str(tables.nodes_text(group))
        self.assertIn('(autoscaling 1&ndash;-)', text)
        self.assertNotIn('reported', text)
