"""The one error path: Horizon messages with the service's words once."""

from unittest import mock

from django.contrib.messages.storage import default_storage
from django.urls import reverse
from horizon import exceptions
from horizon import forms as horizon_forms
from keystoneauth1 import exceptions as ks_exceptions
from openstack_dashboard.test import helpers

from magnum_ui.api import magnum
from magnum_ui.content.common import errors
from tests.unit.content.project.clusters import base
from tests.unit import helpers as magnum_helpers

# An id Horizon would %-format when it contains "%(exc)s": any other
# placeholder beside it made that an HTTP 500.
TRICKY_ID = '%(exc)s%(name)s%d'


class ErrorsTestCase(magnum_helpers.MagnumTestCase):
    def setUp(self):
        super().setUp()
        self.request._messages = default_storage(self.request)

    def messages(self):
        return [str(message) for message in self.request._messages]

    def fail_with(self, exc, message, **kwargs):
        try:
            raise exc
        except Exception as caught:
            return errors.handle(self.request, message, caught, **kwargs)


class HandleTests(ErrorsTestCase):
    def test_refused_connection_without_urllib3_internals(self):
        url = 'http://127.0.0.1:9511/v1/clustertemplates/detail'
        refused = ks_exceptions.ConnectFailure(message=(
            "Unable to establish connection to %s: HTTPConnectionPool(host="
            "'127.0.0.1', port=9511): Max retries exceeded with url: /v1/"
            "clustertemplates/detail (Caused by NewConnectionError('<urllib3"
            ".connection.HTTPConnection object at 0x7f>: Failed to establish "
            "a new connection: [Errno 111] Connection refused'))" % url))
        self.fail_with(refused, 'Unable to retrieve cluster templates.')
        self.assertEqual(
            ['Unable to retrieve cluster templates. Unable to establish '
             'connection to %s: it refused the connection.' % url],
            self.messages())

    def test_reason_shown_exactly_once(self):
        self.fail_with(base.magnum_error(409, 'Cluster is locked'),
                       'Unable to delete cluster x.')
        [message] = self.messages()
        self.assertEqual(1, message.count('Cluster is locked'))
        self.assertTrue(message.startswith('Unable to delete cluster x.'))

    def test_message_is_never_percent_formatted(self):
        self.fail_with(base.magnum_error(404, 'gone'),
                       'Unable to retrieve cluster %s.' % TRICKY_ID)
        [message] = self.messages()
        self.assertIn('cluster %s.' % TRICKY_ID, message)

    def test_unknown_exception_is_a_message_not_a_crash(self):
        result = self.fail_with(ValueError('Expecting value: line 1'),
                                'Unable to retrieve clusters.')
        self.assertIs(exceptions.RecoverableError, result)
        [message] = self.messages()
        self.assertIn('Unable to retrieve clusters.', message)
        self.assertIn('Expecting value: line 1', message)

    def test_redirect_is_kept(self):
        with self.assertRaises(exceptions.Http302):
            self.fail_with(ValueError('bad'), 'Unable.', redirect='/x/')
        with self.assertRaises(exceptions.Http302):
            self.fail_with(base.magnum_error(500, 'bad'), 'Unable.',
                           redirect='/x/')


class FormAndWorkflowTests(ErrorsTestCase):
    def test_form_failed_keeps_the_form_with_the_reason(self):
        form = mock.Mock()
        self.assertFalse(errors.form_failed(
            form, 'Unable to resize.', base.magnum_error(400, 'Too big')))
        form.api_error.assert_called_once_with('Unable to resize. Too big')

    def test_workflow_failed_marks_the_step_and_keeps_the_wizard(self):
        workflow = mock.Mock()
        with self.assertRaises(horizon_forms.ValidationError):
            errors.workflow_failed(workflow, 'Unable to create.',
                                   base.magnum_error(503, 'Down'), 'info')
        workflow.get_step.assert_called_once_with('info')
        step = workflow.get_step.return_value
        step.add_step_error.assert_called_once_with('Unable to create. Down')
        self.assertTrue(step.has_errors)


class ViewTests(base.ClustersTestCase):
    @helpers.create_mocks({magnum: ['cluster_get']})
    def test_cluster_id_with_placeholders_is_a_message_not_500(self):
        self.mock_cluster_get.side_effect = base.magnum_error(
            404, 'Cluster %s could not be found.' % TRICKY_ID)
        res = self.client.get(reverse('horizon:project:clusters:detail',
                                      args=[TRICKY_ID]), follow=False)
        self.assertEqual(302, res.status_code)
        self.assertEqual(reverse('horizon:project:clusters:index'), res.url)
