"""The update wizard shows `openstack coe cluster template update` of the
changes (not `create`), in the page and in its live preview."""

from django.core.cache import cache
from django.urls import reverse

from magnum_ui.content.project.cluster_templates import workflows
from tests.unit.content.project.cluster_templates import test_update


def preview_url(template_id):
    return reverse('horizon:project:cluster_templates:cli_update_preview',
                   args=[template_id])


class UpdateCommandTests(test_update.base.WizardTestBase):
    unchanged_data = test_update.UpdateTests.unchanged_data

    def setUp(self):
        super().setUp()
        self.template = self.cluster_templates.first()
        self.url = reverse('horizon:project:cluster_templates:update',
                           args=[self.template.id])

    def open(self, clusters=()):
        cache.clear()
        self.mock_choices()
        self.mock_cluster_template_get.return_value = self.template
        self.mock_cluster_list.return_value = list(clusters)
        return self.client.get(self.url)

    @test_update.base.mocks(['cluster_template_get', 'cluster_list'])
    def test_page_shows_the_update_command_and_its_preview_url(self):
        res = self.open()
        self.assertContains(res, 'data-cli-url="%s"'
                            % preview_url(self.template.id))
        self.assertContains(res, str(workflows.NO_CHANGE))
        self.assertNotContains(res, 'cluster template create')

    @test_update.base.mocks(['cluster_template_get', 'cluster_list'])
    def test_preview_sends_only_the_changes_without_asking_magnum(self):
        self.open()
        self.mock_cluster_template_get.reset_mock()
        self.mock_cluster_list.reset_mock()
        res = self.client.post(preview_url(self.template.id),
                               self.unchanged_data(
                                   name='renamed', docker_volume_size='20',
                                   labels='kube_tag=v1.31.0'))
        self.assertEqual(
            'openstack coe cluster template update %s replace '
            'docker_volume_size=20 labels=kube_tag=v1.31.0 name=renamed'
            % self.template.id, res.content.decode())
        self.mock_cluster_template_get.assert_not_called()
        self.mock_cluster_list.assert_not_called()

    @test_update.base.mocks(['cluster_template_get', 'cluster_list'])
    def test_in_use_one_command_per_request_locked_fields_ignored(self):
        self.open(self.clusters.list())
        res = self.client.post(preview_url(self.template.id), {
            'name': 'renamed', 'tags': 'a,b', 'docker_volume_size': '99'})
        self.assertEqual(
            'openstack coe cluster template update {0} replace name=renamed\n'
            'openstack coe cluster template update {0} add tags=a,b'.format(
                self.template.id), res.content.decode())

    @test_update.base.mocks(['cluster_template_get', 'cluster_list'])
    def test_preview_after_the_cache_expired_reads_the_template(self):
        self.open()
        cache.clear()
        res = self.client.post(preview_url(self.template.id),
                               self.unchanged_data(name='x'))
        self.assertIn('replace name=x', res.content.decode())
