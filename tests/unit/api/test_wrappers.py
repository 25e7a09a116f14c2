"""Wrappers: explicit attributes, None for known fields Magnum left out."""

import unittest

from magnumclient.v1 import clusters as clusters_module

from magnum_ui.api import wrappers


def cluster(**info):
    return wrappers.Cluster(clusters_module.Cluster(None, info, loaded=True))


class WrapperTests(unittest.TestCase):

    def test_fields_come_from_the_resource(self):
        wrapped = cluster(uuid='c1', name='demo', status='CREATE_COMPLETE')
        self.assertEqual(('c1', 'c1', 'demo'),
                         (wrapped.id, wrapped.uuid, wrapped.name))
        self.assertFalse(wrapped.is_busy)

    def test_a_known_field_magnum_left_out_reads_as_none(self):
        wrapped = cluster(uuid='c1')
        self.assertIsNone(wrapped.health_status)
        self.assertIsNone(wrapped.stack_or_cluster_id)

    def test_an_unknown_attribute_is_an_error(self):
        wrapped = cluster(uuid='c1', secret='s')
        with self.assertRaises(AttributeError):
            wrapped.secret
        self.assertFalse(hasattr(wrapped, 'no_such_field'))

    def test_attributes_set_on_the_wrapper_win(self):
        wrapped = cluster(uuid='c1', name='demo')
        wrapped.template_name = 'k8s'
        wrapped.name = 'renamed'
        self.assertEqual(('k8s', 'renamed'),
                         (wrapped.template_name, wrapped.name))
