"""Base test cases: Horizon's TestCase with Magnum in the catalogue."""

import copy
from unittest import mock

from openstack_auth import utils as auth_utils
from openstack_dashboard import api
from openstack_dashboard.test import helpers

from magnum_ui.api import versions
from tests.unit import magnum_data


class MagnumTestCase(helpers.TestCase):
    """Views are tested with the service layer mocked at its edge.

    The negotiated API version is patched to the newest this plugin knows;
    tests of older servers set ``self.mock_api_version.return_value``.
    """

    def _setup_test_data(self):
        super()._setup_test_data()
        self.service_catalog.append(
            copy.deepcopy(magnum_data.CONTAINER_INFRA_SERVICE))
        self.service_catalog.append(
            copy.deepcopy(magnum_data.ORCHESTRATION_SERVICE))
        magnum_data.data(self)

    def setUp(self):
        super().setUp()
        # The version cache is per process: no test sees another's Magnum.
        versions.forget_ranges()
        self.addCleanup(versions.forget_ranges)
        patcher = mock.patch('magnum_ui.api.client.api_version',
                             return_value=versions.CLIENT_MAX_VERSION)
        self.mock_api_version = patcher.start()
        self.addCleanup(patcher.stop)
        # Service-layer tests call the api with self.request directly.
        self.request.user = auth_utils.get_user(self.request)
        self._answer_quiet_services()

    def _answer_quiet_services(self):
        """Nova and Neutron calls most pages make in passing (zones, quota
        projection, names), answered with "nothing known"; a test about
        them mocks them itself (create_mocks wins over these).
        """
        for target, name, answer in (
                (api.nova, 'availability_zone_list', []),
                (api.nova, 'tenant_absolute_limits', {}),
                (api.nova, 'flavor_list', []),
                (api.neutron, 'tenant_quota_detail_get', {}),
                (api.neutron, 'network_list', []),
                (api.neutron, 'subnet_list', [])):
            patcher = mock.patch.object(target, name, return_value=answer)
            patcher.start()
            self.addCleanup(patcher.stop)


class MagnumAdminTestCase(MagnumTestCase):
    def setActiveUser(self, *args, **kwargs):
        roles = kwargs.setdefault('roles', [])
        roles.append(self.roles.admin._info)
        super().setActiveUser(*args, **kwargs)
