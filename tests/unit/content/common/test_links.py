"""Object URLs reversed once per script prefix."""

from django.test import SimpleTestCase
from django import urls

from magnum_ui.content.common import links

DETAIL = 'horizon:project:clusters:detail'
CLUSTER_ID = 'c0ffee00-0000-4000-8000-000000000001'


class ObjectUrlTests(SimpleTestCase):

    def test_the_url_is_djangos(self):
        self.assertEqual(urls.reverse(DETAIL, args=[CLUSTER_ID]),
                         links.object_url(DETAIL, CLUSTER_ID))

    def test_another_script_prefix_is_another_url(self):
        plain = links.object_url(DETAIL, CLUSTER_ID)
        previous = urls.get_script_prefix()
        urls.set_script_prefix('/dashboard/')
        try:
            self.assertEqual('/dashboard' + plain,
                             links.object_url(DETAIL, CLUSTER_ID))
        finally:
            urls.set_script_prefix(previous)
