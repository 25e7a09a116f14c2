from unittest import mock

from magnumclient import exceptions as magnum_exceptions
from openstack_auth import utils as auth_utils
from openstack_dashboard.test import helpers

from magnum_ui.api import client
from magnum_ui.api import magnum
from magnum_ui.api import versions
from tests.unit import helpers as magnum_helpers

ENDPOINT = 'http://public.magnum.example.com:9511/v1'


def server(low, high):
    session = mock.Mock()
    session.get.return_value.headers = {
        versions.MIN_HEADER: 'container-infra %s' % low,
        versions.MAX_HEADER: 'container-infra %s' % high}
    return session


def learn(low, high):
    """Put the server's range in the version cache, as a page would."""
    session = server(low, high)
    versions.server_range(ENDPOINT, lambda endpoint: session.get().headers)


class ClientTests(helpers.TestCase):
    """The client is built from the request's token and catalogue."""

    def _setup_test_data(self):
        super()._setup_test_data()
        from tests.unit import magnum_data
        self.service_catalog.append(magnum_data.CONTAINER_INFRA_SERVICE)

    def setUp(self):
        super().setUp()
        self.request.user = auth_utils.get_user(self.request)
        versions.forget_ranges()
        # Later tests' sidebars read this cache.
        self.addCleanup(versions.forget_ranges)

    @mock.patch.object(client, 'keystone_session')
    def test_version_against_a_1_11_server(self, keystone_session):
        keystone_session.return_value = server('1.1', '1.11')
        self.assertEqual((1, 11), client.api_version(self.request))
        self.assertFalse(client.supports(self.request, 'credentials'))
        self.assertTrue(client.supports(self.request, 'nodegroups'))
        keystone_session.assert_called_once_with(self.request, ENDPOINT)

    @mock.patch.object(client, 'keystone_session')
    def test_version_against_a_1_14_server(self, keystone_session):
        keystone_session.return_value = server('1.1', '1.14')
        self.assertEqual((1, 14), client.api_version(self.request))
        for feature in versions.FEATURE_MIN_VERSION:
            self.assertTrue(client.supports(self.request, feature), feature)

    @mock.patch.object(client, 'api_version',
                       side_effect=versions.ServerUnavailable('down'))
    def test_unreachable_magnum_turns_features_off(self, api_version):
        # Pages and actions asking are built; the failure is reported by
        # the call that needs Magnum, not by a 500 of the whole page.
        self.assertFalse(client.supports(self.request, 'resize'))

    @mock.patch.object(client, 'keystone_session')
    def test_client_speaks_the_negotiated_version(self, keystone_session):
        keystone_session.return_value = server('1.1', '1.12')
        magnum_client = client.magnumclient(self.request)
        http = magnum_client.http_client
        self.assertEqual('1.12', http.api_version)
        self.assertEqual(ENDPOINT, http.endpoint_override)
        self.assertIs(keystone_session.return_value, http.session)
        # One client per request.
        self.assertIs(magnum_client, client.magnumclient(self.request))

    @mock.patch.object(client, 'api_version')
    def test_supports_cached_assumes_yes_while_unknown(self, api_version):
        self.assertTrue(client.supports_cached(self.request, 'quotas'))
        api_version.assert_not_called()

    def test_supports_cached_follows_a_known_range(self):
        for high, expected in (('1.5', False), ('1.6', True)):
            versions.forget_ranges()
            learn('1.1', high)
            self.assertEqual(expected,
                             client.supports_cached(self.request, 'quotas'))

    def test_supports_cached_is_false_without_a_common_version(self):
        learn('2.0', '2.1')
        self.assertFalse(client.supports_cached(self.request, 'quotas'))

    def test_session_carries_the_users_token_only(self):
        session = client.keystone_session(self.request, ENDPOINT)
        self.assertEqual(self.request.user.token.id,
                         session.auth.get_token(session))
        self.assertEqual(ENDPOINT, session.auth.get_endpoint(session))


class ErrorMessageTests(magnum_helpers.MagnumTestCase):
    def test_detail_wins_over_the_truncated_title(self):
        exc = magnum_exceptions.BadRequest(
            message='Unable to find flavor m1',
            details='Unable to find flavor m1.huge.')
        self.assertEqual('Unable to find flavor m1.huge.',
                         magnum.error_message(exc))

    def test_title_is_used_without_detail(self):
        exc = magnum_exceptions.Conflict(message='ClusterTemplate in use')
        self.assertEqual('ClusterTemplate in use', magnum.error_message(exc))

    def test_any_exception_gives_its_text(self):
        self.assertEqual('boom', magnum.error_message(ValueError('boom')))


class ServiceCallTests(magnum_helpers.MagnumTestCase):
    @mock.patch.object(magnum, 'magnumclient')
    def test_create_sends_only_filled_magnum_fields(self, magnumclient):
        magnum.cluster_template_create(
            self.request, name='t', coe='kubernetes', image_id='img',
            http_proxy='', fixed_network=None, not_a_field='x')
        templates = magnumclient.return_value.cluster_templates
        templates.create.assert_called_once_with(
            name='t', coe='kubernetes', image_id='img')

    @mock.patch.object(magnum, 'magnumclient')
    def test_update_sends_a_patch_of_changes_only(self, magnumclient):
        current = self.cluster_templates.first().to_dict()
        magnum.cluster_template_update(
            self.request, 'tid', current, name='renamed', coe='kubernetes',
            public=current['public'])
        templates = magnumclient.return_value.cluster_templates
        templates.update.assert_called_once_with(
            'tid', [{'op': 'replace', 'path': '/name', 'value': 'renamed'}])

    @mock.patch.object(magnum, 'magnumclient')
    def test_update_without_changes_calls_nothing(self, magnumclient):
        current = self.cluster_templates.first().to_dict()
        self.assertIsNone(magnum.cluster_template_update(
            self.request, 'tid', current, name=current['name']))
        magnumclient.return_value.cluster_templates.update.assert_not_called()

    @mock.patch.object(magnum, 'magnumclient')
    def test_resize_uses_the_resize_action(self, magnumclient):
        magnum.cluster_resize(self.request, 'cid', 3, nodegroup='workers')
        magnumclient.return_value.clusters.resize.assert_called_once_with(
            'cid', 3, nodes_to_remove=[], nodegroup='workers')
        magnumclient.return_value.clusters.update.assert_not_called()

    def test_wrapper_reads_missing_attributes_as_none(self):
        cluster = self.clusters.first()
        self.assertIsNone(cluster.discovery_url)
        self.assertEqual('st-1', cluster.stack_or_cluster_id)
        with self.assertRaises(AttributeError):
            cluster.not_an_attribute


class QuotaCallTests(magnum_helpers.MagnumTestCase):
    @mock.patch.object(magnum, 'magnumclient')
    def test_quota_update_sends_a_quota_document(self, magnumclient):
        magnum.quota_update(self.request, 'p1', 7)
        magnumclient.return_value.quotas.update.assert_called_once_with(
            'p1', 'Cluster',
            {'project_id': 'p1', 'resource': 'Cluster', 'hard_limit': 7})


class NodegroupCallTests(magnum_helpers.MagnumTestCase):
    @mock.patch.object(magnum, 'magnumclient')
    def test_list_fetches_each_group_in_full(self, magnumclient):
        nodegroups = magnumclient.return_value.nodegroups
        nodegroups.list.return_value = [mock.Mock(uuid='ng-1'),
                                        mock.Mock(uuid='ng-2')]
        full = [mock.Mock(min_node_count=1, max_node_count=5),
                mock.Mock(min_node_count=0, max_node_count=None)]
        nodegroups.get.side_effect = full
        groups = magnum.nodegroup_list(self.request, 'cid')
        # Magnum has no /nodegroups/detail: never ask for it.
        nodegroups.list.assert_called_once_with('cid')
        self.assertEqual([mock.call('cid', 'ng-1'), mock.call('cid', 'ng-2')],
                         nodegroups.get.call_args_list)
        self.assertEqual([5, None], [g.max_node_count for g in groups])
