"""A fake Heat API on a requests transport, answering recorded responses.

The real openstacksdk/keystoneauth code runs (URLs, query strings, Heat's
lookup redirects, error mapping); only the socket is replaced.
"""

import json
import os
import urllib.parse

from unittest import mock

from keystoneauth1 import session as ks_session
import requests
from requests import adapters

FIXTURES = os.path.join(os.path.dirname(__file__), os.pardir, os.pardir,
                        os.pardir, 'fixtures', 'heat')
# the orchestration endpoint of tests/unit/magnum_data.ORCHESTRATION_SERVICE
ENDPOINT = 'http://public.heat.example.com:8004/v1/1'


def fixture(name):
    with open(os.path.join(FIXTURES, name)) as f:
        return json.load(f)


class FakeHeat(adapters.BaseAdapter):
    """Serves one recorded stack (or an error for every request)."""

    def __init__(self, scenario=None, error=None):
        super().__init__()
        self.requests = []
        self.error = error
        if scenario:
            self.stack = fixture('%s_stack.json' % scenario)
            self.resources = fixture('%s_resources.json' % scenario)
            events = '%s_events.json' % scenario
            self.events = (fixture(events) if os.path.exists(
                os.path.join(FIXTURES, events)) else {'events': []})
            stack = self.stack['stack']
            self.canonical = 'stacks/%s/%s' % (stack['stack_name'],
                                               stack['id'])
            self.lookup_names = (stack['id'], stack['stack_name'])

    def _events_page(self, query):
        """Heat's paging of events: sort_dir, marker, limit."""
        params = urllib.parse.parse_qs(query)
        events = list(self.events['events'])   # recorded newest first
        if params.get('sort_dir', ['asc'])[0] != 'desc':
            events.reverse()
        if 'marker' in params:
            ids = [event['id'] for event in events]
            events = events[ids.index(params['marker'][0]) + 1:]
        if 'limit' in params:
            events = events[:int(params['limit'][0])]
        return {'events': events}

    def _respond(self, request, status, body=None, location=None):
        response = requests.Response()
        response.status_code = status
        response.url = request.url
        response.request = request
        response.headers['Content-Type'] = 'application/json'
        if location:
            response.headers['Location'] = location
        response._content = json.dumps(body or {}).encode()
        return response

    def send(self, request, **kwargs):
        self.requests.append(request.url)
        if self.error:
            return self._respond(request, self.error, fixture(
                {403: 'forbidden.json', 404: 'not_found.json'}[self.error]))
        url = urllib.parse.urlsplit(request.url)
        if url.path.rstrip('/') in ('', '/v1', urllib.parse.urlsplit(
                ENDPOINT).path) or 'X-Auth-Token' not in request.headers:
            # Heat serves versions only at its root; the rest wants a token
            return self._respond(request, 401, {'error': 'unauthorized'})
        path = url.path[len(urllib.parse.urlsplit(ENDPOINT).path) + 1:]
        query = '?' + url.query if url.query else ''
        parts = path.split('/')
        if path.startswith(self.canonical):
            rest = path[len(self.canonical):]
            body = {'': self.stack, '/resources': self.resources,
                    '/events': self._events_page(url.query)}.get(rest)
            if body is not None:
                return self._respond(request, 200, body)
        elif len(parts) >= 2 and parts[1] in self.lookup_names:
            # Heat's stack lookup: redirect to the canonical URL, query kept
            rest = '/'.join(parts[2:])
            location = '%s/%s%s%s' % (ENDPOINT, self.canonical,
                                      '/' + rest if rest else '', query)
            return self._respond(request, 302, location=location)
        return self._respond(request, 404, fixture('not_found.json'))

    def close(self):
        pass


def install(adapter):
    """Make every new keystoneauth session send its requests to adapter."""
    original = ks_session.Session.__init__

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        self.session.mount('http://', adapter)
    return mock.patch.object(ks_session.Session, '__init__', init)
