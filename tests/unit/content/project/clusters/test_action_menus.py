"""Which actions the list's row menus offer, and which the cluster's page."""

from django.urls import reverse

from openstack_dashboard.test import helpers

from magnum_ui.api import magnum
from tests.unit.content.project.clusters import base
from tests.unit.content.project.clusters import test_index

EVERYDAY = ('resize', 'download_kubeconfig', 'delete')
PAGE_ONLY = ('show_ca', 'sign_csr', 'rotate_ca', 'rotate_credentials')


def action_id(cluster, name):
    return 'id="clusters__row_%s__action_%s"' % (cluster.id, name)


class ActionMenuTests(base.ClustersTestCase):
    @helpers.create_mocks({magnum: ['cluster_list', 'cluster_template_list',
                                    'stats_get', 'quota_get']})
    def test_list_rows_offer_the_everyday_actions(self):
        test_index.IndexTests.mock_page(self)
        res = self.client.get(test_index.INDEX_URL)
        cluster = self.cluster()
        for name in EVERYDAY:
            self.assertContains(res, action_id(cluster, name))
        for name in PAGE_ONLY:
            self.assertNotContains(res, action_id(cluster, name))

    @helpers.create_mocks({magnum: ['cluster_get', 'cluster_template_get',
                                    'nodegroup_list']})
    def test_cluster_page_offers_every_action(self):
        cluster = self.cluster()
        self.mock_cluster_get.return_value = cluster
        self.mock_cluster_template_get.return_value = \
            self.cluster_templates.first()
        self.mock_nodegroup_list.return_value = self.nodegroups.list()
        res = self.client.get(reverse('horizon:project:clusters:detail',
                                      args=[cluster.id]))
        for name in EVERYDAY + PAGE_ONLY:
            self.assertContains(res, action_id(cluster, name))
