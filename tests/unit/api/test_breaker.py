"""A Magnum or Heat that did not answer is not asked again for a while."""

import copy
import http.server
import os
import threading
import time
from unittest import mock

from django.test import RequestFactory
from django.test import SimpleTestCase
from django.test.utils import override_settings
from keystoneauth1 import exceptions as ks_exceptions
from keystoneauth1 import token_endpoint
from openstack_auth import utils as auth_utils
from openstack_dashboard.test import helpers
from urllib3 import connection as urllib3_connection

from magnum_ui.api import breaker
from magnum_ui.api import client
from magnum_ui.api import heat
from magnum_ui.api import versions
from magnum_ui import exceptions
from tests.unit.api import test_timeouts as timeouts
from tests.unit import magnum_data

ENDPOINT = 'http://magnum.example.com:9511'


class BreakerStateTests(SimpleTestCase):
    def setUp(self):
        breaker.forget()
        self.addCleanup(breaker.forget)
        self.clock = mock.Mock(return_value=1000.0)

    def _check(self, endpoint=ENDPOINT):
        breaker.check(endpoint, 'Magnum', 30, now=self.clock)

    def _fail(self, endpoint=ENDPOINT):
        # As a keyword: Horizon's test data replaces ClientException's
        # __init__ with one whose first argument is a status code.
        error = ks_exceptions.ConnectTimeout(message='timed out')
        breaker.record(endpoint, error, now=self.clock)

    def test_a_failure_opens_the_breaker_for_its_window(self):
        self._fail()
        self.clock.return_value += 29
        with self.assertRaisesMessage(
                breaker.BackendUnavailable,
                'Magnum at %s is unavailable: it did not answer in time a '
                'moment ago. It will be tried again in 1 s.' % ENDPOINT):
            self._check()

    def test_the_message_says_why_not_which_call_failed_first(self):
        refused = ks_exceptions.ConnectFailure(message=(
            'Unable to establish connection to %s/v1/clusters/abc: '
            'HTTPConnectionPool(...): Max retries exceeded (Caused by '
            'NewConnectionError(...: [Errno 111] Connection refused))'
            % ENDPOINT))
        unreachable = ks_exceptions.ConnectFailure(message='Name unknown')
        for error, words in ((refused, 'it refused the connection'),
                             (unreachable, 'it could not be reached')):
            breaker.record(ENDPOINT, error, now=self.clock)
            with self.assertRaises(breaker.BackendUnavailable) as caught:
                self._check()
            text = str(caught.exception)
            self.assertEqual(
                'Magnum at %s is unavailable: %s a moment ago. It will be '
                'tried again in 30 s.' % (ENDPOINT, words), text)
            self.assertNotIn('/v1/clusters/abc', text)

    def test_after_the_window_one_call_tries_while_others_wait(self):
        self._fail()
        self.clock.return_value += 31
        self._check()
        thread, outcome = self._others_call(wait=None)
        thread.join(5)
        self.assertIsInstance(outcome[0], breaker.BackendUnavailable)
        breaker.record(ENDPOINT, None, now=self.clock)
        self._check()

    def test_calls_made_by_the_one_trying_again_go_on(self):
        # Endpoint discovery inside the call trying again (openstacksdk).
        self._fail()
        self.clock.return_value += 31
        self._check()
        self._check()

    def test_a_refusal_inside_a_call_is_no_new_failure(self):
        self._fail()
        self.clock.return_value += 31
        self._check()                   # tries again
        breaker.record(ENDPOINT, breaker.UNCHANGED, now=self.clock)
        thread, outcome = self._others_call(wait=None)
        thread.join(5)
        # Still the failure seen, not "could not be reached" (the refusal).
        self.assertIn('it did not answer in time', str(outcome[0]))
        self.clock.return_value += 31
        self._check()                   # the next window: tried again

    def _others_call(self, wait):
        """Another thread's check while this one tries again: its outcome
        ('went on' or the BackendUnavailable) once finished.
        """
        outcome = []

        def call():
            try:
                breaker.check(ENDPOINT, 'Magnum', 30, now=self.clock,
                              wait=wait)
                outcome.append('went on')
            except breaker.BackendUnavailable as exc:
                outcome.append(exc)
        thread = threading.Thread(target=call)
        thread.start()
        return thread, outcome

    def test_calls_meanwhile_go_on_once_the_trying_call_is_answered(self):
        self._fail()
        self.clock.return_value += 31
        self._check()                       # tries again
        thread, outcome = self._others_call(wait=5)
        thread.join(0.2)
        self.assertTrue(thread.is_alive())  # waiting for the outcome
        breaker.record(ENDPOINT, None, now=self.clock)
        thread.join(5)
        self.assertEqual(['went on'], outcome)

    def test_calls_meanwhile_fail_when_the_trying_call_fails(self):
        self._fail()
        self.clock.return_value += 31
        self._check()
        thread, outcome = self._others_call(wait=5)
        self._fail()
        thread.join(5)
        self.assertIsInstance(outcome[0], breaker.BackendUnavailable)
        self.assertIn('tried again in 30 s', str(outcome[0]))

    def test_a_wait_lasts_at_most_the_callers_timeout(self):
        self._fail()
        self.clock.return_value += 31
        self._check()
        started = time.monotonic()
        thread, outcome = self._others_call(wait=0.3)
        thread.join(5)
        self.assertLess(time.monotonic() - started, 2)
        self.assertIsInstance(outcome[0], breaker.BackendUnavailable)

    def test_the_window_is_per_endpoint(self):
        self._fail()
        self._check('http://heat.example.com:8004')

    def test_the_breaker_exception_shows_a_message(self):
        self.assertTrue(issubclass(breaker.BackendUnavailable,
                                   exceptions.RECOVERABLE))
        self.assertTrue(issubclass(client.BackendUnavailable,
                                   client.UNAVAILABLE))


class _ErrorServer:
    """An HTTP server on 127.0.0.1 that answers every GET with a 500."""

    def __init__(self):
        self.requests = []

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(handler):
                self.requests.append(handler.path)
                handler.send_response(500)
                handler.send_header('Content-Length', '0')
                handler.end_headers()

            def log_message(handler, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(('127.0.0.1', 0),
                                                      Handler)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever,
                                       daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)


@override_settings(MAGNUM_UI_API_TIMEOUT=0.5, MAGNUM_UI_BACKEND_FAILURE_TTL=1)
class RealSocketTests(SimpleTestCase):
    """Real sockets: Horizon's TestCase would refuse the connection."""

    def setUp(self):
        for forget in (breaker.forget, versions.forget_ranges):
            forget()
            self.addCleanup(forget)
        self.request = RequestFactory().get('/')
        self.request.user = mock.Mock(token=mock.Mock(id='token'),
                                      services_region='RegionOne')
        for patcher in (
                mock.patch.dict(os.environ, {'no_proxy': '127.0.0.1',
                                             'NO_PROXY': '127.0.0.1'}),
                mock.patch.object(urllib3_connection.HTTPConnection,
                                  'connect', timeouts.REAL_CONNECT)):
            patcher.start()
            self.addCleanup(patcher.stop)

    def _silent_endpoint(self):
        self.server = timeouts._SilentServer()
        self.addCleanup(self.server.close)
        return 'http://127.0.0.1:%d/v1' % self.server.port

    def _timed(self, call, error):
        started = time.monotonic()
        with self.assertRaises(error) as caught:
            call()
        return time.monotonic() - started, caught.exception

    def test_a_hung_magnum_costs_one_timeout_per_window(self):
        endpoint = self._silent_endpoint()
        with mock.patch.object(client, 'endpoint_for',
                               return_value=endpoint), \
                mock.patch.object(client, 'api_version',
                                  return_value=(1, 14)):
            clusters = client.magnumclient(self.request).clusters
        first, _exc = self._timed(clusters.list, ks_exceptions.ConnectTimeout)
        self.assertGreater(first, 0.4)
        self.assertLess(first, 5)
        self.assertEqual(1, len(self.server.accepted))

        second, exc = self._timed(clusters.list, breaker.BackendUnavailable)
        self.assertLess(second, 0.2)
        self.assertIn('Magnum at http://127.0.0.1:%d is unavailable: it '
                      'did not answer in time' % self.server.port, str(exc))
        self.assertEqual(1, len(self.server.accepted))

        time.sleep(1.1)
        third, _exc = self._timed(clusters.list, ks_exceptions.ConnectTimeout)
        self.assertGreater(third, 0.4)
        self.assertEqual(2, len(self.server.accepted))

    def test_a_hung_heat_costs_one_timeout_per_window(self):
        endpoint = self._silent_endpoint()
        with mock.patch.object(heat.base, 'url_for', return_value=endpoint):
            self._timed(lambda: heat.stack_get(self.request, 'stack-id'),
                        ks_exceptions.ConnectTimeout)
            second, exc = self._timed(
                lambda: heat.stack_events(self.request, 'stack-id'),
                breaker.BackendUnavailable)
        self.assertLess(second, 0.2)
        self.assertIn('Heat at http://127.0.0.1:', str(exc))
        self.assertIn('It will be tried again in', str(exc))
        self.assertEqual(1, len(self.server.accepted))

    def test_an_error_status_is_an_answer(self):
        server = _ErrorServer()
        self.addCleanup(server.close)
        url = 'http://127.0.0.1:%d/v1/clusters' % server.port
        session = client.session_for(
            self.request, token_endpoint.Token(endpoint=url, token='token'))
        for _ in range(2):
            self.assertRaises(ks_exceptions.HttpServerError, session.get, url)
        self.assertEqual(500, session.get(url, raise_exc=False).status_code)
        self.assertEqual(3, len(server.requests))


class SessionTests(helpers.TestCase):
    def _setup_test_data(self):
        super()._setup_test_data()
        for service in (magnum_data.CONTAINER_INFRA_SERVICE,
                        magnum_data.ORCHESTRATION_SERVICE):
            self.service_catalog.append(copy.deepcopy(service))

    def setUp(self):
        super().setUp()
        self.request.user = auth_utils.get_user(self.request)

    def test_default_window(self):
        self.assertEqual(30.0, client.backend_failure_ttl())

    @override_settings(MAGNUM_UI_BACKEND_FAILURE_TTL=12)
    def test_magnum_session_is_the_breaker_session(self):
        session = client.keystone_session(self.request, ENDPOINT)
        self.assertIsInstance(session, breaker.Session)
        self.assertEqual(('Magnum', 12.0),
                         (session.service, session.failure_ttl))

    @override_settings(MAGNUM_UI_BACKEND_FAILURE_TTL=12)
    def test_heat_session_is_the_breaker_session(self):
        connection = heat.connection(self.request)
        self.assertIsInstance(connection.session, breaker.Session)
        self.assertIs(connection.session, connection.orchestration.session)
        self.assertEqual(('Heat', 12.0),
                         (connection.session.service,
                          connection.session.failure_ttl))
