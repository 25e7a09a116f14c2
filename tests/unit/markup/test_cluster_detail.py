"""Cluster detail page: overview tab, nodegroups tab, title, messages."""

from django.urls import reverse

from openstack_dashboard.test import helpers

from magnum_ui.api import magnum
from tests.unit.content.project.clusters import base
from tests.unit import magnum_data
from tests.unit import markup

INDEX_URL = reverse('horizon:project:clusters:index')
DETAIL_MOCKS = {magnum: ['cluster_get', 'cluster_template_get',
                         'nodegroup_list']}
OVERVIEW_FIELDS = ('name', 'status_reason', 'keypair', 'api_address',
                   'coe_version', 'container_version', 'master_flavor_id',
                   'flavor_id', 'fixed_network', 'fixed_subnet',
                   'discovery_url', 'project_id')


def detail_url(cluster_id, tab=None):
    url = reverse('horizon:project:clusters:detail', args=[cluster_id])
    return url + ('?tab=cluster_details__%s' % tab if tab else '')


def hostile_cluster(**changes):
    values = {field: markup.hostile(field) for field in OVERVIEW_FIELDS}
    values.update(
        status='UPDATE_FAILED' + markup.hostile('status'),
        health_status=markup.hostile('health'),
        health_status_reason={
            markup.hostile('hnode') + '.Ready': markup.hostile('hvalue'),
            'api': markup.hostile('hapi')},
        faults={markup.hostile('fresource'): markup.hostile('fmessage')},
        labels={markup.hostile('lkey'): markup.hostile('lvalue')},
        master_addresses=[markup.hostile('maddr')],
        node_addresses=[markup.hostile('naddr')])
    values.update(changes)
    return magnum_data._cluster(**values)


def hostile_nodegroup(**changes):
    values = dict(uuid='0a000000-0000-4000-8000-0000000000aa',
                  name=markup.hostile('ngname'), role=markup.hostile('ngrole'),
                  is_default=False, node_count=2, min_node_count=1,
                  max_node_count=4, flavor_id=markup.hostile('ngflavor'),
                  status='CREATE_COMPLETE',
                  cluster_id=magnum_data.CLUSTER['uuid'])
    values.update(changes)
    return magnum_data._nodegroup(**values)


class DetailMarkupTests(markup.InertAssertions, base.ClustersTestCase):
    def mock_detail(self, cluster):
        self.mock_cluster_get.return_value = cluster
        self.mock_cluster_template_get.return_value = magnum_data._template(
            name=markup.hostile('tname'))
        self.mock_nodegroup_list.return_value = [hostile_nodegroup()]

    @helpers.create_mocks(DETAIL_MOCKS)
    def test_overview_fields_are_escaped(self):
        cluster = hostile_cluster()
        self.mock_detail(cluster)
        res = self.client.get(detail_url(cluster.id))
        self.assertTemplateUsed(res,
                                'magnum_ui/clusters/_detail_overview.html')
        self.assertPage(res, *(OVERVIEW_FIELDS + (
            'hnode', 'hvalue', 'hapi', 'fresource', 'fmessage', 'lkey',
            'lvalue', 'maddr', 'naddr', 'tname', 'status', 'health')))
        page = markup.body(res)
        # Attributes read back as the very text, so they were not closed.
        self.assertEqual('UPDATE_FAILED' + markup.hostile('status'),
                         markup.attribute(page, 'data-status',
                                          id='cluster-status'))
        self.assertEqual(markup.hostile('health'), markup.attribute(
            page, 'data-health', id='cluster-health'))

    @helpers.create_mocks(DETAIL_MOCKS)
    def test_page_title_and_breadcrumb_escape_the_name(self):
        cluster = hostile_cluster()
        self.mock_detail(cluster)
        res = self.client.get(detail_url(cluster.id))
        page = markup.body(res)
        title = page[page.index('<title>'):page.index('</title>')]
        self.assertShown(title, 'name')
        self.assertShown(str(res.context['page_title']), 'name')

    @helpers.create_mocks(DETAIL_MOCKS)
    def test_nameless_cluster_shows_its_id(self):
        cluster = hostile_cluster(name=None)
        self.mock_detail(cluster)
        res = self.client.get(detail_url(cluster.id))
        self.assertPage(res, 'status_reason', 'fmessage')

    @helpers.create_mocks(DETAIL_MOCKS)
    def test_nodegroups_tab_is_escaped(self):
        cluster = hostile_cluster()
        self.mock_detail(cluster)
        res = self.client.get(detail_url(cluster.id, 'nodegroups'))
        self.assertPage(res, 'ngname', 'ngrole', 'ngflavor')
        self.assertContains(res, 'id="nodegroups"')

    @helpers.create_mocks(DETAIL_MOCKS)
    def test_nodegroups_tab_alone_over_ajax_is_escaped(self):
        cluster = hostile_cluster()
        self.mock_detail(cluster)
        res = self.client.get(detail_url(cluster.id, 'nodegroups'),
                              HTTP_X_REQUESTED_WITH='XMLHttpRequest')
        self.assertPage(res, 'ngname', 'ngrole', 'ngflavor')

    @helpers.create_mocks(DETAIL_MOCKS)
    def test_template_and_nodegroup_errors_are_escaped(self):
        cluster = hostile_cluster()
        self.mock_detail(cluster)
        self.mock_cluster_template_get.side_effect = base.magnum_error(
            403, markup.hostile('tplerr'))
        self.mock_nodegroup_list.side_effect = base.magnum_error(
            500, markup.hostile('ngerr'))
        res = self.client.get(detail_url(cluster.id, 'nodegroups'))
        self.assertPage(res, 'tplerr', 'ngerr', 'name')

    @helpers.create_mocks(DETAIL_MOCKS)
    def test_ajax_tab_message_is_not_marked_safe(self):
        """Over ajax the message travels in X-Horizon-Messages; Horizon's JS
        escapes it unless it is tagged "safe".
        """
        cluster = hostile_cluster()
        self.mock_detail(cluster)
        self.mock_nodegroup_list.side_effect = base.magnum_error(
            500, markup.hostile('ngerr'))
        res = self.client.get(detail_url(cluster.id, 'nodegroups'),
                              HTTP_X_REQUESTED_WITH='XMLHttpRequest')
        self.assertEqual(200, res.status_code)
        self.assertAjaxMessage(res, markup.hostile('ngerr'))


class DetailMessageTests(markup.InertAssertions, base.ClustersTestCase):
    @helpers.create_mocks({magnum: ['cluster_get', 'cluster_list',
                                    'cluster_template_list', 'stats_get',
                                    'quota_get']})
    def test_magnum_error_shows_escaped_on_the_next_page(self):
        self.mock_cluster_get.side_effect = base.magnum_error(
            404, markup.hostile('gone'))
        self.mock_cluster_list.return_value = []
        self.mock_cluster_template_list.return_value = []
        self.mock_stats_get.side_effect = base.magnum_error(500, 'no stats')
        res = self.client.get(
            detail_url('c0ffee00-0000-4000-8000-0000000000ee'))
        self.assertRedirectsNoFollow(res, INDEX_URL)
        self.assertIn(markup.hostile('gone'),
                      ' '.join(markup.queued_messages(res)))
        res = self.client.get(INDEX_URL)
        self.assertMessageEscaped(res, markup.hostile('gone'))

    @helpers.create_mocks({magnum: ['cluster_get', 'cluster_list',
                                    'cluster_template_list', 'stats_get',
                                    'quota_get']})
    def test_hostile_id_in_the_url_is_escaped_in_the_message(self):
        """The URL's id goes into the message ("Unable to retrieve cluster
        <id>.") and is escaped like the rest of it.
        """
        url_id = 'urlid' + markup.IMG + '"><b>'   # a path segment: no '/'
        self.mock_cluster_get.side_effect = base.magnum_error(404, 'gone')
        self.mock_cluster_list.return_value = []
        self.mock_cluster_template_list.return_value = []
        self.mock_stats_get.side_effect = base.magnum_error(500, 'no stats')
        res = self.client.get(detail_url(url_id), follow=True)
        self.assertEqual(200, res.status_code)
        self.assertMessageEscaped(res, url_id)
