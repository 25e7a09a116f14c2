"""The pseudo-locale check itself: what it reports and what it lets pass."""

import unittest

from tests.unit import i18n

PAGE = ('<html><body><div id="sidebar">Compute</div>'
        '<div id="content_body">%s</div></body></html>')


def left(body, data=()):
    return i18n.untranslated(PAGE % body, i18n.data_pattern(set(data)))


class CheckerTests(unittest.TestCase):
    def test_bare_and_half_translated_texts_are_reported(self):
        self.assertEqual(['Create Cluster'], left('<h1>Create Cluster</h1>'))
        self.assertEqual(['\u27e6Create\u27e7 Cluster'],
                         left('<p>\u27e6Create\u27e7 Cluster</p>'))
        self.assertEqual(['Resize'], left('<a title="Resize">3</a>'))

    def test_marked_texts_data_and_numbers_pass(self):
        self.assertEqual([], left(
            '<h1>\u27e6Clusters\u27e7</h1><td>demo-cluster</td>'
            '<td>10.0.0.1</td><td>2026-11-20 10:05</td><td>42 %</td>'
            '<td>\u27eaName\u27eb</td>', data=['demo-cluster']))

    def test_a_message_split_by_its_own_markup_passes(self):
        self.assertEqual([], left(
            '<p>\u27e6Run <code>kubectl get nodes</code> to see them.'
            '\u27e7</p>'))

    def test_code_scripts_and_horizons_chrome_are_not_read(self):
        self.assertEqual([], left(
            '<pre>openstack coe cluster list</pre><code>kube_tag</code>'
            '<script>var text = "Loading";</script>'))

    def test_data_only_passes_as_whole_words(self):
        self.assertEqual(['Setup'], left('<p>Setup</p>', data=['up']))
