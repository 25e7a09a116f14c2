"""Magnum or Heat answering what cannot be read: the message says so.

The real clients run (python-magnumclient, openstacksdk, keystoneauth);
only the transport is replaced, answering 200 with a truncated JSON body as
sandbox.faultproxy's ``malformed`` does.
"""

import json

from django.core.cache import cache
from django.urls import reverse
import requests
from requests import adapters

from magnum_ui.api import answers
from magnum_ui.api import breaker
from magnum_ui.api import client
from magnum_ui.api import heat
from magnum_ui.api import magnum
from magnum_ui.content.common import errors
from magnum_ui.content.project.clusters.progress import loader as progress
from magnum_ui.content.project.clusters.progress import model
from tests.unit.content.project.clusters import heat_fake
from tests.unit import helpers

MAGNUM = 'http://public.magnum.example.com:9511'
HEAT = 'http://public.heat.example.com:8004'
BROKEN = b'{"clusters": [{"uuid": "5e1b9a36", "labels": {"a": '
# What the Python-level failures of the clients used to put in messages.
INTERNALS = ('byte indices', "has no attribute", 'Expecting value',
             'JSONDecodeError', 'No Stack found')


class Malformed(adapters.BaseAdapter):
    """Every request: 200 with a body that is not JSON."""

    def __init__(self, body=BROKEN, content_type='application/json'):
        super().__init__()
        self.body = body
        self.content_type = content_type
        self.requests = []

    def send(self, request, **kwargs):
        self.requests.append(request.url)
        response = requests.Response()
        response.status_code = 200
        response.url = request.url
        response.request = request
        response.headers['Content-Type'] = self.content_type
        response.headers[client.versions.MIN_HEADER] = 'container-infra 1.1'
        response.headers[client.versions.MAX_HEADER] = 'container-infra 1.14'
        response._content = self.body
        return response

    def close(self):
        pass


class UnreadableAnswerTests(helpers.MagnumTestCase):
    def setUp(self):
        super().setUp()
        cache.clear()
        self.addCleanup(cache.clear)
        breaker.forget()
        self.addCleanup(breaker.forget)

    def assert_readable(self, text, service, endpoint):
        self.assertIn('%s at %s returned an answer that could not be read'
                      % (service, endpoint), text)
        for internal in INTERNALS:
            self.assertNotIn(internal, text)

    def test_magnum_list_raises_unreadable_answer(self):
        with heat_fake.install(Malformed()):
            with self.assertRaises(answers.UnreadableAnswer) as caught:
                magnum.cluster_list(self.request)
        self.assert_readable(errors.reason(caught.exception), 'Magnum',
                             MAGNUM)
        self.assertIn('HTTP 200, application/json',
                      str(caught.exception))

    def test_clusters_page_says_magnum_answer_could_not_be_read(self):
        with heat_fake.install(Malformed()):
            res = self.client.get(reverse('horizon:project:clusters:index'))
        self.assertEqual(200, res.status_code)
        shown = ' '.join(str(m) for m in res.context['messages'])
        self.assertIn('Unable to retrieve clusters.', shown)
        self.assert_readable(shown, 'Magnum', MAGNUM)

    def test_an_html_page_is_unreadable_too(self):
        fake = Malformed(b'<html>Gateway says hello</html>', 'text/html')
        with heat_fake.install(fake):
            with self.assertRaises(answers.UnreadableAnswer) as caught:
                magnum.cluster_template_list(self.request)
        self.assertIn('text/html', str(caught.exception))

    def test_heat_progress_says_heat_answer_could_not_be_read(self):
        cluster = self.clusters.first()
        with heat_fake.install(Malformed()):
            prog = progress.get_progress(self.request, cluster)
        self.assertEqual(model.ERROR, prog.state)
        self.assert_readable(prog.message, 'Heat', HEAT)

    def test_an_unreadable_answer_is_an_answer_for_the_breaker(self):
        fake = Malformed()
        with heat_fake.install(fake):
            for _ in range(2):
                self.assertRaises(answers.UnreadableAnswer,
                                  heat.stack_get, self.request, 'abc')
        # Not taken for "down": both calls went out.
        self.assertEqual(2, len(fake.requests))

    def test_version_discovery_reads_only_the_headers(self):
        fake = Malformed()
        session = client.session_for(self.request, None)
        session.session.mount('http://', fake)
        fetch = client._fetch_version_headers(session)
        headers = fetch(MAGNUM + '/v1')
        self.assertEqual('container-infra 1.14',
                         headers[client.versions.MAX_HEADER])

    def test_empty_and_json_bodies_pass(self):
        for body in (b'', b'  ', json.dumps({'clusters': []}).encode()):
            response = requests.Response()
            response.status_code = 200
            response._content = body
            answers.check(response, 'GET', 'Magnum', MAGNUM)
        response.status_code = 500
        response._content = BROKEN
        answers.check(response, 'GET', 'Magnum', MAGNUM)   # an HTTP error

    def test_a_parser_error_from_elsewhere_is_not_shown_raw(self):
        try:
            json.loads('')
        except ValueError as exc:
            text = errors.reason(exc)
        self.assertEqual(
            'The service returned an answer that could not be read.', text)
