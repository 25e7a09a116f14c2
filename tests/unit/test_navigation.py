"""Rendering the sidebar never waits on Magnum.

Horizon asks every panel's ``allowed()`` on every page; one that reads the
server's version over the network makes every page as slow as Magnum.
"""

from unittest import mock

from django.urls import reverse
from keystoneauth1 import session as ks_session
from openstack_dashboard.test import helpers

from magnum_ui.api import magnum
from magnum_ui.api import versions
from tests.unit import helpers as magnum_helpers
from tests.unit import magnum_data

SERVICES_URL = reverse('horizon:admin:container_infra_services:index')
QUOTAS_URL = reverse('horizon:admin:container_infra_quotas:index')
ENDPOINT = 'http://public.magnum.example.com:9511/v1'

# The real one, to warm the cache while the tests' copy is a mock.
_server_range = versions.server_range


def _known(high):
    _server_range(ENDPOINT, lambda endpoint: {
        versions.MIN_HEADER: 'container-infra 1.1',
        versions.MAX_HEADER: 'container-infra %s' % high})


class SidebarTests(magnum_helpers.MagnumAdminTestCase):
    def _setup_test_data(self):
        super()._setup_test_data()
        magnum_data.admin_data(self)

    def setUp(self):
        super().setUp()
        versions.forget_ranges()
        self.addCleanup(versions.forget_ranges)
        patchers = {
            'fetch': mock.patch.object(versions, 'server_range'),
            'send': mock.patch.object(
                ks_session.Session, 'request',
                side_effect=AssertionError('network call')),
        }
        self.mocks = {}
        for name, patcher in patchers.items():
            self.mocks[name] = patcher.start()
            self.addCleanup(patcher.stop)

    def _page(self):
        self.mock_service_list.return_value = self.magnum_services.list()
        res = self.client.get(SERVICES_URL)
        self.assertEqual(200, res.status_code)
        self.mock_api_version.assert_not_called()
        self.mocks['fetch'].assert_not_called()
        self.mocks['send'].assert_not_called()
        return res

    @helpers.create_mocks({magnum: ['service_list']})
    def test_quotas_link_is_shown_with_a_cold_version_cache(self):
        res = self._page()
        self.assertContains(res, 'href="%s"' % QUOTAS_URL)
        self.assertContains(res, 'Cluster Quotas')

    @helpers.create_mocks({magnum: ['service_list']})
    def test_a_known_server_without_quotas_hides_the_link(self):
        _known('1.5')
        res = self._page()
        self.assertNotContains(res, 'href="%s"' % QUOTAS_URL)

    @helpers.create_mocks({magnum: ['service_list']})
    def test_a_known_server_with_quotas_shows_the_link(self):
        _known('1.14')
        res = self._page()
        self.assertContains(res, 'href="%s"' % QUOTAS_URL)
