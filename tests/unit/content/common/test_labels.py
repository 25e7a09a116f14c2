from django.core.exceptions import ValidationError
from django.test import SimpleTestCase

from magnum_ui.content.common import labels


class ParseLabelsTests(SimpleTestCase):
    def test_keeps_case_and_special_characters_in_keys(self):
        parsed = labels.parse_labels(
            'kube_tag=v1.30.1\nk8s.io/Role=Master\nauto-healing_enabled=true')
        self.assertEqual({'kube_tag': 'v1.30.1', 'k8s.io/Role': 'Master',
                          'auto-healing_enabled': 'true'}, parsed)

    def test_value_may_contain_equals_and_be_empty(self):
        self.assertEqual({'a': 'b=c', 'empty': ''},
                         labels.parse_labels('a=b=c\nempty='))

    def test_blank_and_comment_lines_and_spaces_around_ignored(self):
        self.assertEqual({'a': '1'},
                         labels.parse_labels('\n  # note\n a = 1 \n\n'))

    def test_empty_text_is_empty_dict(self):
        self.assertEqual({}, labels.parse_labels(''))
        self.assertEqual({}, labels.parse_labels(None))

    def _messages(self, text):
        with self.assertRaises(ValidationError) as caught:
            labels.parse_labels(text)
        return caught.exception.messages, [
            e.code for e in caught.exception.error_list]

    def test_missing_equals_names_the_line(self):
        messages, codes = self._messages('a=1\nbroken')
        self.assertEqual(['missing_equals'], codes)
        self.assertIn('Line 2', messages[0])
        self.assertIn('broken', messages[0])

    def test_empty_key(self):
        messages, codes = self._messages('=value')
        self.assertEqual(['empty_key'], codes)
        self.assertIn('Line 1', messages[0])

    def test_duplicate_key(self):
        messages, codes = self._messages('a=1\nb=2\na=3')
        self.assertEqual(['duplicate_key'], codes)
        self.assertIn('Line 3', messages[0])
        self.assertIn('"a"', messages[0])

    def test_keys_differing_in_case_are_distinct(self):
        self.assertEqual({'A': '1', 'a': '2'},
                         labels.parse_labels('A=1\na=2'))

    def test_space_in_key(self):
        _messages, codes = self._messages('my key=1')
        self.assertEqual(['space_in_key'], codes)

    def test_every_bad_line_reported(self):
        _messages, codes = self._messages('x\n=1\na=1\na=2')
        self.assertEqual(['missing_equals', 'empty_key', 'duplicate_key'],
                         codes)


class FormatLabelsTests(SimpleTestCase):
    def test_round_trip(self):
        value = {'b': '2', 'k8s.io/Role': 'x=y', 'a': ''}
        text = labels.format_labels(value)
        self.assertEqual('a=\nb=2\nk8s.io/Role=x=y', text)
        self.assertEqual(value, labels.parse_labels(text))

    def test_empty(self):
        self.assertEqual('', labels.format_labels(None))
        self.assertEqual('', labels.format_labels({}))


class LabelsFieldTests(SimpleTestCase):
    def test_cleans_to_dict(self):
        field = labels.LabelsField()
        self.assertEqual({'a': '1'}, field.clean('a=1'))
        self.assertEqual({}, field.clean(''))

    def test_error_is_validation_error(self):
        field = labels.LabelsField()
        with self.assertRaises(ValidationError):
            field.clean('nokey')

    def test_renders_dict_as_lines(self):
        field = labels.LabelsField()
        self.assertEqual('a=1\nb=2', field.prepare_value({'b': '2', 'a': '1'}))
