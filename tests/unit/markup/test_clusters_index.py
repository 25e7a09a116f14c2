"""Clusters index, usage fragment, row refresh JSON and their messages."""

import json

from django.urls import reverse

from openstack_dashboard.test import helpers

from magnum_ui.api import magnum
from magnum_ui.api import wrappers
from tests.unit.content.project.clusters import base
from tests.unit import magnum_data
from tests.unit import markup

INDEX_URL = reverse('horizon:project:clusters:index')
ROWS_URL = reverse('horizon:project:clusters:rows')
USAGE_URL = reverse('horizon:project:clusters:usage')
PAGE = ['cluster_list', 'cluster_template_list', 'stats_get', 'quota_get']
PAGE_MOCKS = {magnum: PAGE}
DELETE_MOCKS = {magnum: PAGE + ['cluster_delete']}


def hostile_template():
    return magnum_data._template(name=markup.hostile('tname'))


def hostile_cluster(**changes):
    values = dict(name=markup.hostile('cname'),
                  keypair=markup.hostile('ckey'),
                  coe_version=markup.hostile('ccoe'),
                  status_reason=markup.hostile('creason'))
    values.update(changes)
    return magnum_data._cluster(**values)


def stats(clusters, nodes):
    return wrappers.Stats(type('S', (), {'clusters': clusters,
                                         'nodes': nodes})())


def quota(limit):
    return wrappers.Quota(type('Q', (), {'id': 1, 'hard_limit': limit})())


def row_display(html, cluster):
    """The row's data-display attribute as the browser reads it.

    Horizon escapes it twice on purpose: its confirm dialog puts the value
    read from the attribute into HTML again. Read once, it is still escaped.
    """
    return markup.attribute(html, 'data-display',
                            id='clusters__row__%s' % cluster.id)


class IndexMarkupTests(markup.InertAssertions, base.ClustersTestCase):
    def mock_page(self, clusters):
        self.mock_cluster_list.return_value = clusters
        self.mock_cluster_template_list.return_value = [hostile_template()]
        self.mock_stats_get.return_value = stats(1, 3)
        self.mock_quota_get.return_value = quota(10)

    @helpers.create_mocks(PAGE_MOCKS)
    def test_row_cells_and_attributes_are_escaped(self):
        cluster = hostile_cluster()
        self.mock_page([cluster])
        res = self.client.get(INDEX_URL)
        self.assertPage(res, 'cname', 'ckey', 'ccoe', 'tname')
        page = markup.body(res)
        # The row's data-display attribute cannot be closed by the name.
        self.assertEqual(markup.escaped('cname'), row_display(page, cluster))
        # The name is the link's text, not part of its markup.
        self.assertIn('>%s</a>' % markup.escaped('cname'), page)

    @helpers.create_mocks(PAGE_MOCKS)
    def test_busy_row_with_progress_is_escaped(self):
        cluster = hostile_cluster(
            status=markup.hostile('cstatus') + '_IN_PROGRESS',
            health_status=markup.hostile('chealth'))
        self.mock_page([cluster])
        self.mock_progress.return_value = (3, 7)
        res = self.client.get(INDEX_URL)
        self.assertPage(res, 'cname', 'tname', 'cstatus', 'chealth')
        self.assertContains(res, '3/7')

    @helpers.create_mocks(PAGE_MOCKS)
    def test_usage_error_from_magnum_is_escaped_in_the_fragment(self):
        self.mock_page([hostile_cluster()])
        self.mock_stats_get.side_effect = base.magnum_error(
            500, markup.hostile('stats'))
        res = self.client.get(USAGE_URL)
        self.assertPage(res, 'stats')
        self.assertContains(res, 'id="cluster-usage"')
        self.assertContains(res, 'cluster-usage-error')

    @helpers.create_mocks(PAGE_MOCKS)
    def test_list_error_message_is_escaped(self):
        self.mock_page([])
        self.mock_cluster_list.side_effect = base.magnum_error(
            503, markup.hostile('listerr'))
        res = self.client.get(INDEX_URL)
        self.assertEqual(200, res.status_code)
        self.assertIn(markup.hostile('listerr'),
                      ' '.join(markup.queued_messages(res)))
        self.assertMessageEscaped(res, markup.hostile('listerr'))

    @helpers.create_mocks(PAGE_MOCKS)
    def test_template_list_error_message_is_escaped(self):
        self.mock_page([hostile_cluster()])
        self.mock_cluster_template_list.side_effect = base.magnum_error(
            500, markup.hostile('tplerr'))
        res = self.client.get(INDEX_URL)
        self.assertPage(res, 'tplerr', 'cname')

    @helpers.create_mocks(DELETE_MOCKS)
    def test_delete_refusal_shows_escaped_on_the_next_page(self):
        cluster = hostile_cluster()
        self.mock_page([cluster])
        self.mock_cluster_delete.side_effect = base.magnum_error(
            409, markup.hostile('delerr'))
        res = self.client.post(INDEX_URL, {
            'action': 'clusters__delete__%s' % cluster.id}, follow=True)
        self.assertEqual(200, res.status_code)
        self.assertTrue(any(markup.hostile('delerr') in m for m in
                            [str(m) for m in res.context['messages']]))
        self.assertMessageEscaped(res, markup.hostile('delerr'))
        self.assertShown(markup.body(res), 'cname')

    @helpers.create_mocks(DELETE_MOCKS)
    def test_delete_success_names_the_cluster_escaped(self):
        cluster = hostile_cluster()
        self.mock_page([cluster])
        res = self.client.post(INDEX_URL, {
            'action': 'clusters__delete__%s' % cluster.id}, follow=True)
        self.assertEqual(200, res.status_code)
        self.assertMessageEscaped(res, markup.hostile('cname'))


class RowRefreshMarkupTests(markup.InertAssertions, base.ClustersTestCase):
    def get_rows(self, ids):
        res = self.client.get(ROWS_URL, {'ids': ','.join(ids)})
        return res, json.loads(res.content)

    @helpers.create_mocks({magnum: ['cluster_list', 'cluster_template_list']})
    def test_row_html_inside_the_json_is_escaped(self):
        cluster = hostile_cluster(status='UPDATE_IN_PROGRESS')
        self.mock_cluster_list.return_value = [cluster]
        self.mock_cluster_template_list.return_value = [hostile_template()]
        self.mock_progress.return_value = (1, 4)
        res, answer = self.get_rows([cluster.id])
        self.assertEqual(200, res.status_code)
        self.assertEqual('application/json', res['Content-Type'])
        html = answer['rows'][cluster.id]
        self.assertTrue(html.startswith('<tr'))
        self.assertShown(html, 'cname', 'ckey', 'ccoe', 'tname')
        self.assertEqual(markup.escaped('cname'), row_display(html, cluster))

    @helpers.create_mocks({magnum: ['cluster_list']})
    def test_magnum_error_text_stays_text(self):
        """The 503 answer carries Magnum's words as a JSON string: the page
        shows them as text, never as HTML.
        """
        self.mock_cluster_list.side_effect = base.magnum_error(
            500, markup.hostile('rowerr'))
        res, answer = self.get_rows([magnum_data.CLUSTER['uuid']])
        self.assertEqual(503, res.status_code)
        self.assertEqual('application/json', res['Content-Type'])
        self.assertEqual(markup.hostile('rowerr'), answer['error'])
        self.assertEqual({'error'}, set(answer))

    @helpers.create_mocks({magnum: ['cluster_list', 'cluster_template_list']})
    def test_hostile_ids_asked_for_come_back_as_data(self):
        """Ids of the query string are echoed in 'gone' only as JSON strings;
        the response is JSON, which no browser renders as a page.
        """
        self.mock_cluster_list.return_value = []
        self.mock_cluster_template_list.return_value = []
        res, answer = self.get_rows([markup.hostile('qid')])
        self.assertEqual('application/json', res['Content-Type'])
        self.assertEqual({}, answer['rows'])
        self.assertEqual([markup.hostile('qid')], answer['gone'])
