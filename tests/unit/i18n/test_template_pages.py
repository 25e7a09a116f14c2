"""Project Cluster Templates pages and wizards in the pseudo-locale."""

from django.urls import reverse

from openstack_dashboard import api
from openstack_dashboard.test import helpers

from magnum_ui.api import magnum
from tests.unit.content.project.cluster_templates import wizard
from tests.unit import i18n

INDEX_URL = reverse('horizon:project:cluster_templates:index')
CREATE_URL = reverse('horizon:project:cluster_templates:create')
IMPORT_URL = reverse(
    'horizon:project:cluster_templates:import_export:import')
AJAX = {'HTTP_X_REQUESTED_WITH': 'XMLHttpRequest'}
MOCKS = {magnum: ['cluster_template_list', 'cluster_template_get',
                  'cluster_list'],
         api.glance: ['image_list_detailed'],
         api.nova: ['flavor_list', 'keypair_list'],
         api.neutron: ['network_list', 'network_list_for_tenant',
                       'subnet_list']}


def url(name, template):
    return reverse('horizon:project:cluster_templates:%s' % name,
                   args=[template.id])


class TemplatePagesTests(i18n.PseudoLocaleMixin,
                         wizard.WizardTestBase):
    def mock_pages(self, template):
        self.mock_choices()
        self.mock_cluster_template_list.return_value = \
            self.cluster_templates.list()
        self.mock_cluster_template_get.return_value = template
        # In use: the detail lists the cluster, the update wizard locks.
        self.mock_cluster_list.return_value = self.clusters.list()[:1]
        self.mock_subnet_list.return_value = self.subnets.list()

    @helpers.create_mocks(MOCKS)
    def test_index_and_detail(self):
        template = self.cluster_templates.first()
        self.mock_pages(template)
        self.assertTranslated(self.client.get(INDEX_URL))
        self.assertTranslated(self.client.get(url('detail', template)))

    @helpers.create_mocks(MOCKS)
    def test_wizards(self):
        template = self.cluster_templates.first()
        self.mock_pages(template)
        self.assertTranslated(self.client.get(CREATE_URL))
        self.assertTranslated(self.client.get(IMPORT_URL, **AJAX))
        for name in ('update', 'clone'):
            self.assertTranslated(self.client.get(url(name, template),
                                                  **AJAX))
