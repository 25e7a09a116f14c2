"""The clone wizard (prefilled from a template) and the CLI preview."""

from django.urls import reverse
from magnumclient import exceptions as magnum_exc

from tests.unit.content.project.cluster_templates import wizard
from tests.unit.content.project.cluster_templates.wizard import mocks
from tests.unit import helpers as magnum_helpers

INDEX_URL = wizard.INDEX_URL


class ClonePrefillTests(wizard.WizardTestBase):
    @mocks(['cluster_template_get'])
    def test_clone_prefills_with_copy_name(self):
        self.mock_choices()
        template = self.cluster_templates.first()
        self.mock_cluster_template_get.return_value = template
        res = self.client.get(reverse(
            'horizon:project:cluster_templates:clone', args=[template.id]))
        self.assertEqual(200, res.status_code)
        self.assertContains(res, 'value="k8s-small-copy"')
        self.assertContains(res, 'kube_tag=v1.30.1')
        # the stored image name stays selectable
        self.assertContains(
            res, '<option value="fedora-coreos-40" selected="selected">')
        self.assertContains(res, '--labels kube_tag=v1.30.1')

    @mocks(['cluster_template_get'])
    def test_clone_of_missing_template_redirects(self):
        self.mock_cluster_template_get.side_effect = magnum_exc.NotFound(
            message='gone')
        res = self.client.get(reverse(
            'horizon:project:cluster_templates:clone', args=['x']))
        self.assertRedirectsNoFollow(res, INDEX_URL)

    @mocks(['cluster_template_create'])
    def test_clone_post_creates(self):
        self.mock_choices()
        self.mock_cluster_template_create.return_value = \
            self.cluster_templates.first()
        res = self.client.post(reverse(
            'horizon:project:cluster_templates:clone', args=['x']),
            self.form_data(name='k8s-small-copy'))
        self.assertNoFormErrors(res)
        self.assertEqual(
            'k8s-small-copy',
            self.mock_cluster_template_create.call_args[1]['name'])


class CliPreviewTests(magnum_helpers.MagnumTestCase):
    def test_preview_quotes_values(self):
        res = self.client.post(
            reverse('horizon:project:cluster_templates:cli_preview'),
            {'name': "my 'tpl'", 'coe': 'kubernetes', 'image_id': 'img',
             'labels': 'a=x y\nbroken', 'master_lb_enabled': 'on'})
        self.assertEqual(200, res.status_code)
        text = res.content.decode()
        self.assertTrue(text.startswith(
            'openstack coe cluster template create'))
        self.assertIn("--labels 'a=x y'", text)
        self.assertNotIn('broken', text)
        self.assertIn('--master-lb-enabled', text)
        self.assertIn('--floating-ip-disabled', text)
        self.assertIn("'my '\"'\"'tpl'\"'\"''", text)
