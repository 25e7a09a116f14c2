"""The Progress tab shows what Heat answered, not openstacksdk's lookup text.

openstacksdk raises every failed stack lookup with the message "No Stack
found for <id>", whatever Heat answered; only a 404 means that.  The real
openstacksdk runs, on a transport answering Heat's JSON errors.
"""

import json

from django.core.cache import cache
import requests
from requests import adapters

from magnum_ui.content.project.clusters.progress import loader as progress
from magnum_ui.content.project.clusters.progress import model
from tests.unit.content.project.clusters import heat_fake
from tests.unit.content.project.clusters import test_progress_tab
from tests.unit import helpers
from tests.unit import magnum_data


def heat_error(status, message, title):
    """Heat's error document (heat/api/middleware/fault.py)."""
    return {'code': status, 'title': title, 'explanation': message,
            'error': {'message': message, 'traceback': None,
                      'type': 'HTTPError'}}


class HeatError(adapters.BaseAdapter):
    """Every request: Heat's JSON error with the given status."""

    def __init__(self, status, message, title='Error'):
        super().__init__()
        self.status = status
        self.body = json.dumps(heat_error(status, message, title)).encode()

    def send(self, request, **kwargs):
        response = requests.Response()
        response.status_code = self.status
        response.reason = 'Reason %d' % self.status
        response.url = request.url
        response.request = request
        response.headers['Content-Type'] = 'application/json'
        response._content = self.body
        return response

    def close(self):
        pass


class HeatErrorTests(helpers.MagnumTestCase):
    _render = test_progress_tab.ProgressTabTests._render

    def setUp(self):
        super().setUp()
        cache.clear()
        self.addCleanup(cache.clear)

    def progress(self, cluster):
        """get_progress on a fresh request (Heat's connection is memoized
        per request, its transport fixed when it is made).
        """
        request = self.factory.get('/project/clusters/%s/' % cluster.id)
        request.user = self.request.user
        return progress.get_progress(request, cluster)

    def cluster(self):
        stack_id = heat_fake.fixture(
            'sandbox_failed_stack.json')['stack']['id']
        return magnum_data._cluster(status='CREATE_IN_PROGRESS',
                                    cluster_id=stack_id, stack_id=stack_id)

    def test_heat_4xx_and_5xx_show_heats_words(self):
        for status, words in ((400, 'Invalid nested_depth'),
                              (409, 'Stack is locked by engine 7'),
                              (500, 'Heat engine lost its database'),
                              (503, 'Heat engine is restarting')):
            cluster = self.cluster()
            with heat_fake.install(HeatError(status, words)):
                prog = self.progress(cluster)
                res = self._render(cluster)
            self.assertEqual(model.ERROR, prog.state, status)
            self.assertIn(words, prog.message)
            self.assertNotIn('No Stack found', prog.message)
            self.assertContains(res, words)
            self.assertContains(res, 'could not be read')
            self.assertNotContains(res, 'No Stack found')

    def test_only_heats_404_is_no_stack(self):
        cluster = self.cluster()
        with heat_fake.install(HeatError(404, 'The Stack could not be '
                                              'found.', 'Not Found')):
            prog = self.progress(cluster)
            res = self._render(cluster)
        self.assertEqual(model.NOT_HEAT, prog.state)
        self.assertContains(res, 'it is not built by a Heat stack')
