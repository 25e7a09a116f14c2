"""Label values checked where Magnum's drivers define a type; control
characters refused in keys and values."""

from django.test import SimpleTestCase

from magnum_ui.content.common import label_types
from magnum_ui.content.common import labels
from tests.unit.content.common import test_labels


class LabelTypeTests(SimpleTestCase):
    errors = test_labels.ParseLabelsTests._messages

    def test_booleans_accept_what_magnum_reads(self):
        parsed = labels.parse_labels(
            'auto_healing_enabled=True\nauto_scaling_enabled=false\n'
            'master_lb_floating_ip_enabled=0\ncinder_csi_enabled=yes')
        self.assertEqual('True', parsed['auto_healing_enabled'])
        self.assertEqual(4, len(parsed))

    def test_a_misspelt_boolean_is_named(self):
        messages, codes = self.errors('kube_tag=v1\nauto_healing_enabled=ture')
        self.assertEqual(['wrong_type'], codes)
        self.assertIn('Line 2', messages[0])
        self.assertIn('auto_healing_enabled is a boolean', messages[0])
        self.assertIn('"ture"', messages[0])

    def test_integers(self):
        self.assertEqual({'max_node_count': '5', 'boot_volume_size': '0'},
                         labels.parse_labels(
                             'max_node_count=5\nboot_volume_size=0'))
        messages, codes = self.errors(
            'min_node_count=two\nmax_node_count=0\netcd_volume_size=1.5')
        self.assertEqual(['wrong_type'] * 3, codes)
        self.assertIn('min_node_count is a whole number', messages[0])
        self.assertIn('max_node_count must be at least 1', messages[1])
        self.assertIn('etcd_volume_size', messages[2])

    def test_untyped_labels_take_any_text(self):
        self.assertEqual({'kube_tag': 'v1.30.1', 'my_flag': 'ture'},
                         labels.parse_labels('kube_tag=v1.30.1\n'
                                             'my_flag=ture'))

    def test_control_characters_refused_in_keys_and_values(self):
        messages, codes = self.errors('ku\x00be=1\nname=a\x00b\nok=\x07')
        self.assertEqual(['control_character'] * 3, codes)
        self.assertIn('"ku?be"', messages[0])
        self.assertNotIn('\x00', ' '.join(messages))

    def test_tabs_around_key_and_value_are_only_spacing(self):
        self.assertEqual({'a': 'b'}, labels.parse_labels('a\t=\tb'))

    def test_value_error_api(self):
        self.assertIsNone(label_types.value_error('npd_enabled', 'on'))
        self.assertIsNone(label_types.value_error('unknown', 'x'))
        self.assertIsNotNone(label_types.value_error('min_node_count', '-1'))
        self.assertIsNone(label_types.parse_int('٣'))  # not ASCII digits
