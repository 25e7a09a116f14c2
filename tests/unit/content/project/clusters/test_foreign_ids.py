"""Ids of clusters the user may not see: a message and a redirect, never
the object and never a 500.

Magnum answers 404 (member of another project) or 403 (policy) for another
project's cluster; Magnum's list shows it to an admin only, with its
project id.
"""

import json

from django.contrib import messages as django_messages
from django.urls import reverse

from openstack_dashboard.test import helpers

from magnum_ui.api import heat
from magnum_ui.api import magnum
from tests.unit.content.project.clusters import base
from tests.unit.content.project.clusters import test_progress_tab
from tests.unit import magnum_data

INDEX_URL = reverse('horizon:project:clusters:index')
ROWS_URL = reverse('horizon:project:clusters:rows')
FOREIGN_ID = 'c0ffee00-0000-4000-8000-0000000f0e16'
FOREIGN_NAME = 'other-projects-cluster'
AJAX = {'HTTP_X_REQUESTED_WITH': 'XMLHttpRequest'}
REFUSALS = ((404, 'Cluster %s could not be found.' % FOREIGN_ID),
            (403, 'Policy doesn\'t allow cluster:get to be performed.'))
MOCKS = {magnum: ['cluster_get', 'cluster_list', 'cluster_template_get',
                  'cluster_template_list', 'nodegroup_list',
                  'certificate_get', 'certificate_sign'],
         heat: ['stack_get', 'stack_resources', 'stack_events']}


def foreign_cluster():
    return magnum_data._cluster(uuid=FOREIGN_ID, name=FOREIGN_NAME,
                                project_id='another-project')


def detail(tab=None):
    url = reverse('horizon:project:clusters:detail', args=[FOREIGN_ID])
    return url + ('?tab=cluster_details__%s' % tab if tab else '')


def cluster_url(name):
    return reverse(name, args=[FOREIGN_ID])


PAGES = (
    ('detail', detail()),
    ('overview tab', detail('overview')),
    ('nodegroups tab', detail('nodegroups')),
    ('progress tab', detail('progress')),
    ('kubeconfig', cluster_url(
        'horizon:project:clusters:certificates:kubeconfig')),
    ('CA', cluster_url('horizon:project:clusters:certificates:ca')),
    ('sign CSR', cluster_url(
        'horizon:project:clusters:certificates:sign_csr')),
    ('rotate CA', cluster_url(
        'horizon:project:clusters:certificates:rotate_ca')),
    ('rotate credentials', cluster_url(
        'horizon:project:clusters:certificates:rotate_credentials')),
    ('resize', cluster_url('horizon:project:clusters:operations:resize')),
    ('upgrade', cluster_url('horizon:project:clusters:operations:upgrade')),
)


class ForeignIdTests(base.ClustersTestCase):
    def get(self, url, **headers):
        self.client.cookies.pop('messages', None)   # each page on its own
        return self.client.get(url, **headers)

    def assertRefused(self, response, reason, ajax):
        """Sent back to the index with Magnum's reason, nothing else."""
        if ajax:
            self.assertEqual(200, response.status_code)
            self.assertEqual(INDEX_URL, response['X-Horizon-Location'])
            self.assertEqual(b'', response.content)
        else:
            self.assertRedirectsNoFollow(response, INDEX_URL)
        shown = [str(m) for m in
                 django_messages.get_messages(response.wsgi_request)]
        self.assertEqual(1, len(shown), shown)
        self.assertIn(reason, shown[0])
        self.assertNotIn(FOREIGN_NAME.encode(), response.content)

    def assertNothingFetchedBeyondTheCluster(self):
        for call in (self.mock_certificate_get, self.mock_certificate_sign,
                     self.mock_nodegroup_list, self.mock_cluster_template_get,
                     self.mock_stack_get, self.mock_stack_resources,
                     self.mock_stack_events):
            call.assert_not_called()

    @helpers.create_mocks(MOCKS)
    def test_every_cluster_page_refuses_a_foreign_id(self):
        for status, reason in REFUSALS:
            self.mock_cluster_get.side_effect = base.magnum_error(
                status, reason)
            for page, url in PAGES:
                for headers in ({}, AJAX):
                    with self.subTest(page=page, status=status,
                                      ajax=bool(headers)):
                        res = self.get(url, **headers)
                        self.assertRefused(res, reason, bool(headers))
                        self.mock_cluster_get.assert_called_with(
                            helpers.IsHttpRequest(), FOREIGN_ID)
        self.assertNothingFetchedBeyondTheCluster()

    @helpers.create_mocks(MOCKS)
    def test_posts_to_a_foreign_id_change_nothing(self):
        self.mock_cluster_get.side_effect = base.magnum_error(*REFUSALS[0])
        for page, url in PAGES[4:]:
            if page == 'CA':
                continue   # a download: GET only (405 for a POST)
            with self.subTest(page=page):
                self.client.cookies.pop('messages', None)
                res = self.client.post(url, {'auth': 'certificate',
                                             'node_count': 3})
                self.assertRefused(res, REFUSALS[0][1], ajax=False)
        self.assertNothingFetchedBeyondTheCluster()

    @helpers.create_mocks(MOCKS)
    def test_rows_answer_gone_for_a_cluster_magnum_does_not_list(self):
        self.mock_cluster_list.return_value = self.clusters.list()
        self.mock_cluster_template_list.return_value = []
        res = self.client.get(ROWS_URL, {'ids': FOREIGN_ID})
        self.assertEqual(200, res.status_code)
        self.assertEqual({'rows': {}, 'gone': [FOREIGN_ID]},
                         json.loads(res.content))
        self.mock_cluster_get.assert_not_called()

    @helpers.create_mocks(MOCKS)
    def test_rows_answer_gone_for_another_projects_cluster_listed(self):
        """Magnum lists every project's clusters to an admin: the row
        refresh still answers only for the current project's.
        """
        own = self.cluster(1)
        self.mock_cluster_list.return_value = [own, foreign_cluster()]
        self.mock_cluster_template_list.return_value = []
        res = self.client.get(ROWS_URL, {'ids': '%s,%s' % (own.id,
                                                           FOREIGN_ID)})
        answer = json.loads(res.content)
        self.assertEqual([own.id], list(answer['rows']))
        self.assertEqual([FOREIGN_ID], answer['gone'])
        self.assertNotIn(FOREIGN_NAME, res.content.decode())
        self.mock_cluster_get.assert_not_called()
        self.mock_stack_get.assert_not_called()


class ForeignIdProgressTabTests(base.ClustersTestCase):
    """The Progress tab given only an id (how it fetches its cluster)."""

    _render = test_progress_tab.ProgressTabTests._render

    @helpers.create_mocks({magnum: ['cluster_get'],
                           heat: ['stack_get', 'stack_resources',
                                  'stack_events']})
    def test_foreign_id_is_explained_without_heat(self):
        for status, reason in REFUSALS:
            with self.subTest(status=status):
                self.mock_cluster_get.side_effect = base.magnum_error(
                    status, reason)
                res = self._render(cluster_id=FOREIGN_ID)
                self.assertEqual(200, res.status_code)
                self.assertContains(res, 'id="mui-progress-unavailable"')
                self.assertNotContains(res, FOREIGN_NAME)
        self.mock_stack_get.assert_not_called()
        self.mock_stack_resources.assert_not_called()
        self.mock_stack_events.assert_not_called()
