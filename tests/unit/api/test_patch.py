from django.test import SimpleTestCase

from magnum_ui.api.patch import build_patch


class BuildPatchTests(SimpleTestCase):
    def test_unchanged_values_produce_no_operations(self):
        current = {'name': 'a', 'public': False, 'labels': {'x': '1'}}
        self.assertEqual([], build_patch(current, dict(current)))

    def test_changed_value_is_replaced(self):
        self.assertEqual(
            [{'op': 'replace', 'path': '/name', 'value': 'b'}],
            build_patch({'name': 'a'}, {'name': 'b'}))

    def test_value_on_empty_attribute_is_added(self):
        self.assertEqual(
            [{'op': 'add', 'path': '/http_proxy', 'value': 'http://p:3128'}],
            build_patch({'http_proxy': None},
                        {'http_proxy': 'http://p:3128'}))

    def test_cleared_value_is_removed(self):
        self.assertEqual(
            [{'op': 'remove', 'path': '/dns_nameserver'}],
            build_patch({'dns_nameserver': '8.8.8.8'},
                        {'dns_nameserver': ''}))

    def test_empty_to_empty_is_no_change(self):
        self.assertEqual([], build_patch({'no_proxy': None},
                                         {'no_proxy': ''}))

    def test_only_wanted_keys_are_considered(self):
        ops = build_patch({'name': 'a', 'coe': 'kubernetes'},
                          {'public': True})
        self.assertEqual(
            [{'op': 'add', 'path': '/public', 'value': True}], ops)

    def test_boolean_false_is_a_value_not_a_removal(self):
        self.assertEqual(
            [{'op': 'replace', 'path': '/public', 'value': False}],
            build_patch({'public': True}, {'public': False}))

    def test_labels_change_replaces_the_whole_dict(self):
        self.assertEqual(
            [{'op': 'replace', 'path': '/labels',
              'value': {'kube_tag': 'v1.31.0'}}],
            build_patch({'labels': {'kube_tag': 'v1.30.1'}},
                        {'labels': {'kube_tag': 'v1.31.0'}}))
