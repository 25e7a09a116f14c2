"""Export a template as YAML; import YAML into the create wizard."""

from unittest import mock

from django.core.files.uploadedfile import SimpleUploadedFile
from django import forms
from django.urls import reverse
from magnumclient import exceptions as magnum_exc
from openstack_dashboard import api
from openstack_dashboard.test import helpers
import yaml

from magnum_ui.api import magnum
from magnum_ui.content.project.cluster_templates.import_export import document
from magnum_ui.content.project.cluster_templates import steps
from tests.unit.content.project.cluster_templates import wizard

INDEX_URL = reverse('horizon:project:cluster_templates:index')
CREATE_URL = reverse('horizon:project:cluster_templates:create')
IMPORT_URL = reverse('horizon:project:cluster_templates:import_export:import')
READ_ONLY = ('uuid', 'project_id', 'user_id', 'created_at', 'updated_at',
             'links', 'cluster_distro')
ALLOW_ALL = mock.patch('openstack_dashboard.policy.check', return_value=True)


def export_url(template_id):
    return reverse('horizon:project:cluster_templates:import_export:export',
                   args=[template_id])


class ExportTests(wizard.WizardTestBase):
    @helpers.create_mocks({magnum: ['cluster_template_get']})
    def test_export_is_yaml_of_magnum_attributes(self):
        template = self.cluster_templates.first()
        self.mock_cluster_template_get.return_value = template
        res = self.client.get(export_url(template.id))
        self.assertEqual(200, res.status_code)
        self.assertEqual('attachment; filename="k8s-small.yaml"',
                         res['Content-Disposition'])
        text = res.content.decode()
        self.assertTrue(text.startswith('# Cluster template "k8s-small"'))
        self.assertIn('# openstack coe cluster template create', text)
        exported = yaml.safe_load(text)
        self.assertEqual({'kube_tag': 'v1.30.1'}, exported['labels'])
        self.assertEqual('name', list(exported)[0])
        self.assertEqual(10, exported['docker_volume_size'])
        self.assertIs(True, exported['floating_ip_enabled'])
        self.assertIs(False, exported['public'])
        for key in READ_ONLY + ('volume_driver', 'tags', 'http_proxy'):
            self.assertNotIn(key, exported)  # read-only or unset
        self.mock_cluster_template_get.assert_called_once_with(
            helpers.IsHttpRequest(), template.id)

    @helpers.create_mocks({magnum: ['cluster_template_get']})
    def test_export_of_missing_template_is_a_message(self):
        self.mock_cluster_template_get.side_effect = magnum_exc.NotFound(
            message='ClusterTemplate x could not be found.')
        res = self.client.get(export_url('x'))
        self.assertRedirectsNoFollow(res, INDEX_URL)
        self.assertMessageCount(error=1)

    def test_file_name_is_safe(self):
        template = mock.Mock(id='u-1')
        template.name = '../my tpl/"x"'
        self.assertEqual('my_tpl_x.yaml', document.filename(template))
        template.name = None
        self.assertEqual('u-1.yaml', document.filename(template))

    @helpers.create_mocks({magnum: ['cluster_template_list'],
                           api.glance: ['image_list_detailed']})
    def test_actions_follow_policy(self):
        self.mock_cluster_template_list.return_value = \
            self.cluster_templates.list()
        self.mock_image_list_detailed.return_value = ([], False, False)
        template = self.cluster_templates.first()
        res = self.client.get(INDEX_URL)
        self.assertContains(res, 'href="%s"' % export_url(template.id))
        self.assertContains(res, 'href="%s"' % IMPORT_URL)

        def reader_only(rules, request, target=None):
            return all(rule != 'clustertemplate:create'
                       for _scope, rule in rules)
        with mock.patch('openstack_auth.policy.check',
                        side_effect=reader_only):
            res = self.client.get(INDEX_URL)
        self.assertContains(res, 'href="%s"' % export_url(template.id))
        self.assertNotContains(res, 'href="%s"' % IMPORT_URL)

    def test_import_needs_create_permission(self):
        with mock.patch('openstack_dashboard.policy.check',
                        return_value=False):
            res = self.client.get(IMPORT_URL)
        self.assertRedirectsNoFollow(res, INDEX_URL)
        self.assertMessageCount(error=1)


class ImportTests(wizard.WizardTestBase):
    def exported(self, template):
        with mock.patch.object(magnum, 'cluster_template_get',
                               return_value=template):
            return self.client.get(export_url(template.id)).content

    def steps_errors(self, workflow):
        return {step.slug: dict(step.action.errors)
                for step in workflow.steps if step.action.errors}

    def template_of_this_cloud(self):
        """The first template, naming this cloud's resources by id."""
        template = self.cluster_templates.first()
        network = self.networks.first()
        for key, value in (
                ('image_id', self.images.first().id),
                ('keypair_id', self.keypairs.first().name),
                ('flavor_id', self.flavors.first().id),
                ('master_flavor_id', self.flavors.list()[1].id),
                ('external_network_id', self.networks.get(name='ext_net').id),
                ('fixed_network', network.id),
                ('fixed_subnet', network.subnets[0].id),
                ('labels', {'kube_tag': 'v1.30.1',
                            'auto_healing_enabled': 'true'})):
            setattr(template._apiresource, key, value)
        return template

    @wizard.mocks()
    def test_round_trip_export_import(self):
        self.mock_choices()
        template = self.template_of_this_cloud()
        text = self.exported(template)
        for data in ({'yaml_text': text.decode()},
                     {'yaml_file': SimpleUploadedFile('t.yaml', text)}):
            with ALLOW_ALL:
                res = self.client.post(IMPORT_URL, data)
            self.assertEqual(200, res.status_code)
            workflow = res.context['workflow']
            self.assertEqual({}, self.steps_errors(workflow))
            self.assertTrue(workflow.is_valid())
            # What the wizard would send Magnum: the template's attributes.
            self.assertEqual(document.values(template),
                             {key: value for key, value in
                              workflow.values(workflow.context).items()
                              if value not in (None, '', {})})
            self.assertContains(res, 'action="%s"' % CREATE_URL)
            self.assertContains(res, 'value="k8s-small"')
            self.assertContains(res, 'auto_healing_enabled=true')

    @wizard.mocks()
    def test_typed_and_imported_values_get_the_same_errors(self):
        self.mock_choices()
        bad = {'name': '', 'docker_volume_size': '-3',
               'dns_nameserver': 'not-an-ip', 'network_driver': 'weave',
               'labels': 'kube_tag=v1'}
        typed = self.client.post(CREATE_URL, self.form_data(**bad))
        imported = self.form_data(**bad)
        imported.update(docker_volume_size=-3, labels={'kube_tag': 'v1'},
                        floating_ip_enabled=True)
        res = self.client.post(IMPORT_URL,
                               {'yaml_text': yaml.safe_dump(imported)})
        expected = self.steps_errors(typed.context['workflow'])
        self.assertEqual({'info', 'node_spec', 'network'}, set(expected))
        self.assertEqual(expected, self.steps_errors(res.context['workflow']))
        self.assertContains(res, 'value="not-an-ip"')
        self.assertContains(res, 'action="%s"' % CREATE_URL)

    @wizard.mocks()
    def test_names_become_the_ids_the_wizard_lists(self):
        self.mock_choices()
        text = ('name: k8s\ncoe: kubernetes\nimage_id: public_image\n'
                'flavor_id: m1.tiny\nmaster_flavor_id: m1.massive\n'
                'external_network_id: ext_net\nfixed_network: net1\n'
                'fixed_subnet: mysubnet1\n')
        res = self.client.post(IMPORT_URL, {'yaml_text': text})
        workflow = res.context['workflow']
        self.assertEqual({}, self.steps_errors(workflow))
        values = workflow.values(workflow.context)
        network = self.networks.get(name='net1')
        self.assertEqual(
            [self.images.first().id, self.flavors.first().id,
             self.flavors.list()[1].id, self.networks.get(name='ext_net').id,
             network.id, network.subnets[0].id],
            [values[key] for key in ('image_id', 'flavor_id',
                                     'master_flavor_id', 'external_network_id',
                                     'fixed_network', 'fixed_subnet')])

    @wizard.mocks(['cluster_template_get'])
    def test_clone_selects_the_resources_a_template_names(self):
        # Magnum keeps names as given (the CLI's usual way): the clone
        # selects the listed ids, so its wizard posts valid choices.
        self.mock_choices()
        template = self.cluster_templates.first()
        template._apiresource.image_id = 'public_image'
        template._apiresource.flavor_id = 'm1.tiny'
        template._apiresource.external_network_id = 'ext_net'
        self.mock_cluster_template_get.return_value = template
        res = self.client.get(reverse(
            'horizon:project:cluster_templates:clone', args=[template.id]))
        for value in (self.images.first().id, self.flavors.first().id,
                      self.networks.get(name='ext_net').id):
            self.assertContains(
                res, '<option value="%s" selected="selected">' % value)
        self.assertNotContains(res, '<option value="public_image"')

    @wizard.mocks()
    def test_unknown_resources_get_the_wizards_error(self):
        self.mock_choices()
        res = self.client.post(IMPORT_URL, {
            'yaml_text': 'name: k8s\ncoe: kubernetes\nimage_id: nowhere\n'
                         'flavor_id: m1.tiny\n'})
        errors = self.steps_errors(res.context['workflow'])
        self.assertEqual(['image_id'], list(errors['node_spec']))
        self.assertIn('nowhere is not one of the available choices',
                      str(errors['node_spec']['image_id']))

    @wizard.mocks()
    def test_missing_attributes_take_the_wizard_defaults(self):
        self.mock_choices()
        res = self.client.post(IMPORT_URL, {
            'yaml_text': 'name: k8s\ncoe: kubernetes\nimage_id: %s\n'
                         % self.images.first().id},
            HTTP_X_REQUESTED_WITH='XMLHttpRequest')
        # The modal wizard replaces the import modal.
        self.assertTemplateUsed(res, 'horizon/common/_workflow.html')
        self.assertContains(res, 'class="workflow modal wizard"')
        workflow = res.context['workflow']
        self.assertEqual({}, self.steps_errors(workflow))
        values = workflow.values(workflow.context)
        self.assertEqual('8.8.8.8', values['dns_nameserver'])
        self.assertIs(True, values['floating_ip_enabled'])
        self.assertIs(False, values['tls_disabled'])

    @wizard.mocks()
    def test_public_needs_publish_permission(self):
        self.mock_choices()
        res = self.client.post(IMPORT_URL, {
            'yaml_text': 'name: k8s\ncoe: kubernetes\nimage_id: x\n'
                         'public: true\nhidden: false\n'})
        self.assertContains(res, 'x is not one of the available choices')
        self.assertNotIn('public', res.context['workflow'].values(
            res.context['workflow'].context))
        self.assertContains(res, 'Not imported: public.')

    def assert_import_error(self, data, *parts):
        res = self.client.post(IMPORT_URL, data)
        self.assertEqual(200, res.status_code)
        self.assertNotIn('workflow', res.context)
        self.assertTemplateUsed(res, 'magnum_ui/cluster_templates/import.html')
        for part in parts:
            self.assertContains(res, part)
        return res

    def test_bad_yaml_is_a_form_error_and_keeps_the_text(self):
        text = 'name: k8s\nlabels: {kube_tag: v1\n'
        self.assert_import_error({'yaml_text': text}, 'not valid YAML',
                                 '(line 2, column 22)', 'kube_tag: v1')

    def test_unknown_keys_are_named(self):
        self.assert_import_error(
            {'yaml_text': 'name: k8s\nuuid: 1\nflavour: m1.small\n'},
            'flavour, uuid', 'It takes: name, coe, image_id')

    def test_wrong_shapes_are_named(self):
        self.assert_import_error(
            {'yaml_text': 'tls_disabled: maybe\nlabels: [a, b]\n'},
            '&quot;tls_disabled&quot; must be true or false',
            '&quot;labels&quot; must be a mapping')
        self.assert_import_error({'yaml_text': '- name\n'},
                                 'must be a mapping of cluster template')
        self.assert_import_error({'yaml_text': ''},
                                 'Choose a YAML file or paste its text.')
        self.assert_import_error({'yaml_text': '[' * 5000 + ']' * 5000},
                                 'nested too deeply')

    def test_bad_file_text_is_shown_for_correction(self):
        upload = SimpleUploadedFile('t.yaml', b'name: [k8s\n')
        self.assert_import_error({'yaml_file': upload}, 'not valid YAML',
                                 'name: [k8s')
        upload = SimpleUploadedFile('t.yaml', b'\xff\xfe\x00')
        self.assert_import_error({'yaml_file': upload}, 'not UTF-8')

    def test_checkboxes_of_the_document_are_the_wizards(self):
        checkboxes = {name for action in (steps.InfoAction,
                                          steps.NodeSpecAction,
                                          steps.NetworkAction)
                      for name, field in action.base_fields.items()
                      if isinstance(field, forms.BooleanField)}
        self.assertEqual(checkboxes, set(document.BOOLEANS))
