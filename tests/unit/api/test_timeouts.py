"""A hanging Magnum or Heat costs a bounded wait, and rarely."""

import copy
import os
import socket
import threading
import time
from unittest import mock

from django.test import RequestFactory
from django.test import SimpleTestCase
from django.test.utils import override_settings
from keystoneauth1 import exceptions as ks_exceptions
from openstack_auth import utils as auth_utils
from openstack_dashboard.test import helpers
from urllib3 import connection as urllib3_connection

from magnum_ui.api import client
from magnum_ui.api import heat
from magnum_ui.api import versions
from tests.unit import magnum_data

ENDPOINT = 'http://public.magnum.example.com:9511/v1'
# Horizon's TestCase stubs this out and restores it only in tearDown, so a
# test failing in setUp leaves it stubbed; keep the real one.
REAL_CONNECT = urllib3_connection.HTTPConnection.connect
GOOD = {versions.MIN_HEADER: 'container-infra 1.1',
        versions.MAX_HEADER: 'container-infra 1.14'}


class SessionTimeoutTests(helpers.TestCase):
    def _setup_test_data(self):
        super()._setup_test_data()
        for service in (magnum_data.CONTAINER_INFRA_SERVICE,
                        magnum_data.ORCHESTRATION_SERVICE):
            self.service_catalog.append(copy.deepcopy(service))

    def setUp(self):
        super().setUp()
        self.request.user = auth_utils.get_user(self.request)
        versions.forget_ranges()
        self.addCleanup(versions.forget_ranges)

    def test_defaults(self):
        session = client.keystone_session(self.request, ENDPOINT)
        self.assertEqual(10.0, session.timeout)
        self.assertEqual(3.0, client.version_timeout())
        self.assertEqual(30.0, client.version_failure_ttl())

    @override_settings(MAGNUM_UI_API_TIMEOUT=7)
    def test_magnum_client_session_carries_the_timeout(self):
        with mock.patch.object(client, 'api_version',
                               return_value=(1, 14)):
            magnum_client = client.magnumclient(self.request)
        self.assertEqual(7.0, magnum_client.http_client.session.timeout)

    @override_settings(MAGNUM_UI_API_TIMEOUT=7)
    def test_heat_connection_session_carries_the_timeout(self):
        connection = heat.connection(self.request)
        self.assertEqual(7.0, connection.session.timeout)
        # The orchestration proxy sends through that same session.
        self.assertIs(connection.session,
                      connection.orchestration.session)

    @override_settings(MAGNUM_UI_API_TIMEOUT=7, MAGNUM_UI_VERSION_TIMEOUT=2)
    def test_version_fetch_uses_the_shorter_timeout(self):
        session = mock.Mock()
        session.get.return_value.headers = GOOD
        with mock.patch.object(client, 'keystone_session',
                               return_value=session):
            self.assertEqual((1, 14), client.api_version(self.request))
        self.assertEqual(2.0, session.get.call_args.kwargs['timeout'])

    @override_settings(MAGNUM_UI_VERSION_FAILURE_TTL=12)
    def test_failure_ttl_setting_reaches_the_cache(self):
        with mock.patch.object(client, 'keystone_session'), \
                mock.patch.object(versions, 'server_range',
                                  return_value=((1, 1), (1, 14))) as found:
            client.api_version(self.request)
        self.assertEqual(12.0, found.call_args.kwargs['failure_ttl'])


class FailureCacheTests(SimpleTestCase):
    def setUp(self):
        versions.forget_ranges()
        self.addCleanup(versions.forget_ranges)
        self.clock = mock.Mock(return_value=1000.0)

    def _range(self, fetch):
        return versions.server_range(ENDPOINT, fetch, now=self.clock)

    def test_a_failure_is_raised_again_without_fetching(self):
        fetch = mock.Mock(side_effect=versions.ServerUnavailable('down'))
        for _ in range(2):
            with self.assertRaisesMessage(versions.ServerUnavailable,
                                          'down'):
                self._range(fetch)
        fetch.assert_called_once_with(ENDPOINT)

    def test_a_failure_is_retried_after_its_window(self):
        fetch = mock.Mock(side_effect=versions.ServerUnavailable('down'))
        self.assertRaises(versions.ServerUnavailable, self._range, fetch)
        self.clock.return_value += versions.FAILURE_TTL_SECONDS + 1
        self.assertRaises(versions.ServerUnavailable, self._range, fetch)
        self.assertEqual(2, fetch.call_count)

    def test_a_success_after_the_window_replaces_the_failure(self):
        fetch = mock.Mock(side_effect=[versions.ServerUnavailable('down'),
                                       GOOD])
        self.assertRaises(versions.ServerUnavailable, self._range, fetch)
        self.clock.return_value += versions.FAILURE_TTL_SECONDS + 1
        self.assertEqual(((1, 1), (1, 14)), self._range(fetch))
        # Cached as a success now: no fetch, no failure.
        self.assertEqual(((1, 1), (1, 14)), self._range(fetch))
        self.assertEqual(2, fetch.call_count)

    def test_malformed_headers_are_a_cached_failure(self):
        fetch = mock.Mock(return_value={})
        for _ in range(2):
            self.assertRaises(versions.VersionNegotiationError,
                              self._range, fetch)
        fetch.assert_called_once_with(ENDPOINT)

    def test_the_window_is_per_endpoint(self):
        fetch = mock.Mock(side_effect=[versions.ServerUnavailable('down'),
                                       GOOD])
        self.assertRaises(versions.ServerUnavailable, self._range, fetch)
        self.assertEqual(((1, 1), (1, 14)),
                         versions.server_range('http://other/v1', fetch,
                                               now=self.clock))

    def test_a_refused_token_is_not_cached_for_everyone(self):
        fetch = mock.Mock(side_effect=[ks_exceptions.Unauthorized(), GOOD])
        self.assertRaises(ks_exceptions.Unauthorized, self._range, fetch)
        self.assertEqual(((1, 1), (1, 14)), self._range(fetch))

    def test_transport_failures_become_server_unavailable(self):
        for error in (ks_exceptions.ConnectTimeout('timed out'),
                      ks_exceptions.ConnectFailure('refused'),
                      ks_exceptions.ServiceUnavailable()):
            session = mock.Mock()
            session.get.side_effect = error
            fetch = client._fetch_version_headers(session)
            with self.assertRaises(versions.ServerUnavailable):
                fetch(ENDPOINT)


class _SilentServer:
    """A TCP server on 127.0.0.1 that accepts and never answers."""

    def __init__(self):
        self.listener = socket.socket()
        self.listener.bind(('127.0.0.1', 0))
        self.listener.listen(8)
        self.listener.settimeout(0.1)
        self.port = self.listener.getsockname()[1]
        self.accepted = []
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self):
        while not self.stopping.is_set():
            try:
                conn, _addr = self.listener.accept()
            except socket.timeout:
                continue
            except OSError:
                return
            self.accepted.append(conn)

    def close(self):
        self.stopping.set()
        self.thread.join(5)
        self.listener.close()
        for conn in self.accepted:
            conn.close()


class HangingMagnumTests(SimpleTestCase):
    """Real sockets: Horizon's TestCase would refuse the connection."""

    def setUp(self):
        versions.forget_ranges()
        self.addCleanup(versions.forget_ranges)
        self.server = _SilentServer()
        self.addCleanup(self.server.close)
        self.endpoint = 'http://127.0.0.1:%d/v1' % self.server.port
        self.request = RequestFactory().get('/')
        self.request.user = mock.Mock(token=mock.Mock(id='token'))
        for patcher in (
                mock.patch.dict(os.environ, {'no_proxy': '127.0.0.1',
                                             'NO_PROXY': '127.0.0.1'}),
                mock.patch.object(client, 'endpoint_for',
                                  return_value=self.endpoint),
                mock.patch.object(urllib3_connection.HTTPConnection,
                                  'connect', REAL_CONNECT)):
            patcher.start()
            self.addCleanup(patcher.stop)

    @override_settings(MAGNUM_UI_VERSION_TIMEOUT=0.5)
    def test_discovery_gives_up_and_then_does_not_ask_again(self):
        started = time.monotonic()
        with self.assertRaises(versions.ServerUnavailable):
            client.api_version(self.request)
        self.assertLess(time.monotonic() - started, 5)
        self.assertEqual(1, len(self.server.accepted))
        # Within the failure window the next page is answered at once.
        with self.assertRaises(versions.ServerUnavailable):
            client.api_version(self.request)
        self.assertEqual(1, len(self.server.accepted))
