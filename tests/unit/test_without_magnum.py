"""A cloud without Magnum in its catalogue: the panels hide, nothing fails."""

from django.urls import reverse
import horizon
from openstack_auth import utils as auth_utils
from openstack_dashboard.test import helpers

from tests.unit import helpers as magnum_helpers

PANELS = ('clusters', 'cluster_templates')


def _shown(request, slug):
    """What Horizon's navigation checks before listing a panel."""
    reverse('horizon:project:%s:index' % slug)  # loads Horizon's registry
    panel = horizon.get_dashboard('project').get_panel(slug)
    return (request.user.has_perms(panel.permissions) and
            panel.can_access({'request': request}))


class WithoutMagnumTests(helpers.TestCase):
    def setUp(self):
        super().setUp()
        self.request.user = auth_utils.get_user(self.request)

    def test_panels_are_refused_not_broken(self):
        for slug in PANELS:
            res = self.client.get(reverse('horizon:project:%s:index' % slug))
            self.assertEqual(403, res.status_code, slug)

    def test_panels_are_not_shown(self):
        for slug in PANELS:
            self.assertFalse(_shown(self.request, slug), slug)


class WithMagnumTests(magnum_helpers.MagnumTestCase):
    def test_panels_are_shown(self):
        for slug in PANELS:
            self.assertTrue(_shown(self.request, slug), slug)

    def test_a_reader_without_member_role_still_sees_the_list(self):
        self._setup_user(roles=[{'id': '3', 'name': 'reader'}])
        self.request.user = auth_utils.get_user(self.request)
        self.assertTrue(_shown(self.request, 'clusters'))

    def test_a_user_without_any_role_in_the_project_does_not(self):
        self._setup_user(roles=[])
        self.request.user = auth_utils.get_user(self.request)
        self.assertFalse(_shown(self.request, 'clusters'))
