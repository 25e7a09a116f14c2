"""Project Clusters pages, tabs, wizard and modals in the pseudo-locale."""

import json
import re
import types

from django.conf import settings
from django.urls import reverse

from openstack_dashboard import api
from openstack_dashboard import context_processors
from openstack_dashboard.test import helpers

from magnum_ui.api import heat
from magnum_ui.api import magnum
from magnum_ui.content.project.clusters.progress import topology
from tests.unit.content.project.clusters import base
from tests.unit.content.project.clusters import heat_fake
from tests.unit.content.project.clusters import recorded
from tests.unit.content.project.clusters import test_index
from tests.unit import i18n
from tools import catalogs

INDEX_URL = reverse('horizon:project:clusters:index')
USAGE_URL = reverse('horizon:project:clusters:usage')
CREATE_URL = reverse('horizon:project:clusters:create:index')
NEW_CATALOG = re.compile(r'const newcatalog = (\{.*?\});', re.DOTALL)
AJAX = {'HTTP_X_REQUESTED_WITH': 'XMLHttpRequest'}
MODALS = ('certificates:kubeconfig', 'certificates:sign_csr',
          'certificates:rotate_ca', 'certificates:rotate_credentials',
          'operations:resize', 'operations:upgrade')
DETAIL_MOCKS = {magnum: ['cluster_get', 'cluster_template_get',
                         'nodegroup_list', 'cluster_template_list',
                         'supports'],
                heat: ['stack_get', 'stack_resources', 'stack_events']}


def detail_url(cluster, tab=None):
    url = reverse('horizon:project:clusters:detail', args=[cluster.id])
    return url + ('?tab=cluster_details__%s' % tab if tab else '')


def heat_data(scenario):
    """Heat's answers of a recorded scenario, and their texts (data): with
    the node names the topology gives group members (``node-0``, after
    Magnum's server names) and nodegroup names without their prefix.
    """
    answers = [heat_fake.fixture('%s_%s.json' % (scenario, part))[part]
               for part in ('stack', 'resources', 'events')]
    texts = i18n.strings_of(answers)
    groups = {name[len(topology.NODEGROUP_PREFIX):] for name in texts
              if name.startswith(topology.NODEGROUP_PREFIX)}
    texts |= groups
    texts |= {'%s-%d' % (prefix, index) for index in range(10)
              for prefix in groups | {'master', 'node'}}
    return answers, texts


class ClusterPagesTests(i18n.PseudoLocaleMixin, base.ClustersTestCase):
    @helpers.create_mocks({magnum: ['cluster_list', 'cluster_template_list',
                                    'stats_get', 'quota_get']})
    def test_index_and_usage(self):
        self.mock_cluster_list.return_value = self.clusters.list()
        self.mock_cluster_template_list.return_value = \
            self.cluster_templates.list()
        self.mock_stats_get.return_value = test_index.stats(3, 9)
        self.mock_quota_get.return_value = test_index.quota(10)
        self.assertTranslated(self.client.get(INDEX_URL))
        self.assertTranslated(self.client.get(USAGE_URL))

    def test_javascript_catalog(self):
        """Horizon's jsi18n view, asked for the catalogs its pages name,
        serves our JavaScript strings.
        """
        packages = context_processors.get_js_catalog(settings)
        self.assertIn('magnum_ui', packages.split('+'))
        script = self.client.get(reverse('horizon:jsi18n', args=[packages]))
        served = json.loads(NEW_CATALOG.search(
            script.content.decode('utf-8')).group(1))
        english = catalogs.read(catalogs.catalog_path(
            catalogs.SOURCE_LANGUAGE, 'djangojs'))
        for message in english:
            if message.id:
                self.assertEqual(catalogs.mark(message.id),
                                 served.get(message.id))

    def mock_detail(self, cluster):
        self.mock_cluster_get.return_value = cluster
        self.mock_cluster_template_get.return_value = \
            self.cluster_templates.first()
        self.mock_cluster_template_list.return_value = \
            self.cluster_templates.list()
        self.mock_nodegroup_list.return_value = self.nodegroups.list()
        self.mock_supports.return_value = True

    def mock_heat(self, scenario):
        (stack, resources, events), texts = heat_data(scenario)
        self.mock_stack_get.return_value = stack
        self.mock_stack_resources.return_value = resources
        self.mock_stack_events.return_value = events
        return texts

    @helpers.create_mocks(DETAIL_MOCKS)
    def test_detail_tabs(self):
        cluster = self.clusters.first()
        self.mock_detail(cluster)
        self.assertTranslated(self.client.get(detail_url(cluster)))
        self.assertTranslated(self.client.get(
            detail_url(cluster, 'nodegroups'), **AJAX))

    @helpers.create_mocks(DETAIL_MOCKS)
    def test_progress_tab_of_each_stack_state(self):
        for index, scenario in ((1, 'sandbox_creating'),
                                (2, 'sandbox_failed'),
                                (0, 'sandbox_complete')):
            cluster = self.clusters.list()[index]
            self.mock_detail(cluster)
            texts = self.mock_heat(scenario)
            self.assertTranslated(self.client.get(
                detail_url(cluster, 'progress'), **AJAX), data=texts)

    @helpers.create_mocks(DETAIL_MOCKS)
    def test_diagnosis_and_timeline_of_a_failed_cluster(self):
        cluster = recorded.cluster('failed_worker')
        self.mock_detail(cluster)
        texts = self.mock_heat('sandbox_failed') | i18n.strings_of(
            cluster._apiresource._info)
        # Kubernetes' condition names, from Magnum's "<node>.Ready" keys.
        texts |= {key.rsplit('.', 1)[-1]
                  for key in cluster.health_status_reason}
        self.assertTranslated(self.client.get(detail_url(cluster)),
                              data=texts)
        self.assertTranslated(self.client.get(
            detail_url(cluster, 'timeline'), **AJAX), data=texts)

    @helpers.create_mocks(DETAIL_MOCKS)
    def test_modals(self):
        cluster = self.clusters.first()
        self.mock_detail(cluster)
        for name in MODALS:
            url = reverse('horizon:project:clusters:%s' % name,
                          args=[cluster.id])
            self.assertTranslated(self.client.get(url, **AJAX))

    @helpers.create_mocks({magnum: ['cluster_template_list', 'stats_get',
                                    'quota_get'],
                           api.nova: ['keypair_list', 'flavor_list'],
                           api.neutron: ['network_list_for_tenant']})
    def test_create_wizard(self):
        self.mock_cluster_template_list.return_value = \
            self.cluster_templates.list()
        self.mock_stats_get.return_value = test_index.stats(3, 9)
        self.mock_quota_get.return_value = test_index.quota(10)
        self.mock_keypair_list.return_value = self.keypairs.list()
        self.mock_flavor_list.return_value = self.flavors.list()
        self.mock_network_list_for_tenant.return_value = [
            types.SimpleNamespace(id='net-1', name_or_id='private',
                                  subnets=[])]
        template = self.cluster_templates.first()
        self.assertTranslated(self.client.get(CREATE_URL))
        self.assertTranslated(self.client.get(
            CREATE_URL, {'cluster_template_id': template.id}, **AJAX))
