"""Create-cluster wizard while Magnum fails its template list or usage.

The wizard still renders (GET and POST), and the user reads Horizon's
error message with Magnum's own words: no silent "No cluster template
available", no usage or quota failure hidden in a log.
"""

from keystoneauth1 import exceptions as ks_exceptions
from openstack_dashboard.test import helpers

from tests.unit.content.project.clusters import base
from tests.unit.content.project.clusters import test_create

CREATE_URL = test_create.CREATE_URL
MOCKS = test_create.MOCKS


class WizardTestCase(base.ClustersTestCase):
    mock_choices = test_create.CreateTests.mock_choices
    form = test_create.CreateTests.form


class TemplateListFailureTests(WizardTestCase):
    def fail_templates(self, error):
        self.mock_choices()
        self.mock_cluster_template_list.side_effect = error

    def assert_error_message(self, res, *texts):
        self.assertEqual(200, res.status_code)
        self.assertTemplateUsed(res, 'magnum_ui/clusters/create.html')
        self.assertMessageCount(res, error=1)
        for text in texts:
            self.assertContains(res, text)

    @helpers.create_mocks(MOCKS)
    def test_get_shows_magnums_words(self):
        self.fail_templates(base.magnum_error(500, 'Template table on fire'))
        res = self.client.get(CREATE_URL)
        self.assert_error_message(res, 'Unable to retrieve cluster templates.',
                                  'Template table on fire')
        self.assertContains(res, 'No cluster template available')
        # One message, though the wizard asks for the templates 3 times.
        self.assertEqual(1, self.mock_cluster_template_list.call_count)

    @helpers.create_mocks(MOCKS)
    def test_post_keeps_the_values_and_shows_magnums_words(self):
        self.fail_templates(base.magnum_error(503, 'Magnum is restarting'))
        res = self.client.post(CREATE_URL, self.form())
        self.assert_error_message(res, 'Unable to retrieve cluster templates.',
                                  'Magnum is restarting')
        self.assertContains(res, 'value="new-cluster"')
        self.mock_cluster_create.assert_not_called()

    @helpers.create_mocks(MOCKS)
    def test_unanswered_call_is_a_message_too(self):
        self.fail_templates(ks_exceptions.ConnectTimeout(
            message='Request to magnum timed out'))
        res = self.client.get(CREATE_URL)
        self.assert_error_message(res, 'Unable to retrieve cluster templates.')

    @helpers.create_mocks(MOCKS)
    def test_no_message_while_magnum_answers(self):
        self.mock_choices()
        res = self.client.get(CREATE_URL)
        self.assertMessageCount(res, error=0)
        self.assertNotContains(res, 'id="cluster-usage-error"')


class UsageFailureTests(WizardTestCase):
    @helpers.create_mocks(MOCKS)
    def test_stats_failure_is_shown_in_the_details_help(self):
        self.mock_choices()
        self.mock_stats_get.side_effect = base.magnum_error(
            500, 'Stats backend gone')
        for res in (self.client.get(CREATE_URL),
                    self.client.post(CREATE_URL, self.form(name='1bad'))):
            self.assertEqual(200, res.status_code)
            self.assertContains(res, 'id="cluster-usage-error"')
            self.assertContains(res, 'Usage unavailable: Stats backend gone')
        self.mock_cluster_create.assert_not_called()

    @helpers.create_mocks(MOCKS)
    def test_quota_failure_is_shown_not_taken_for_no_limit(self):
        self.mock_choices()
        self.mock_quota_get.side_effect = base.magnum_error(
            500, 'Quota table locked')
        res = self.client.get(CREATE_URL)
        self.assertEqual(200, res.status_code)
        self.assertContains(res, 'id="cluster-usage-error"')
        self.assertContains(res, 'Cluster quota unavailable: '
                                 'Quota table locked')
        self.assertNotContains(res, 'id="cluster-quota-left"')

    @helpers.create_mocks(MOCKS)
    def test_project_without_quota_is_no_limit_and_no_error(self):
        self.mock_choices()
        for status in (403, 404):
            self.mock_quota_get.side_effect = base.magnum_error(
                status, 'No quota for you')
            res = self.client.get(CREATE_URL)
            self.assertEqual(200, res.status_code)
            self.assertNotContains(res, 'id="cluster-usage-error"')
            self.assertNotContains(res, 'id="cluster-quota-left"')
            self.assertNotContains(res, 'No quota for you')
