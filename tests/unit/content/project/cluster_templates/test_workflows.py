"""The cluster template create wizard: steps, choices, validation."""

from unittest import mock

from django.test.utils import override_settings
from magnumclient import exceptions as magnum_exc
from openstack_dashboard.test import helpers

from tests.unit.content.project.cluster_templates import wizard
from tests.unit.content.project.cluster_templates.wizard import mocks

CREATE_URL = wizard.CREATE_URL
INDEX_URL = wizard.INDEX_URL


class CreateTests(wizard.WizardTestBase):
    @mocks()
    def test_get_shows_four_steps_and_cli(self):
        self.mock_choices()
        res = self.client.get(CREATE_URL)
        self.assertEqual(200, res.status_code)
        workflow = res.context['workflow']
        self.assertEqual(['info', 'node_spec', 'network', 'labels'],
                         [step.slug for step in workflow.steps])
        self.assertContains(res, 'openstack coe cluster template create')
        self.assertContains(res, 'value="8.8.8.8"')
        info = workflow.get_step('info').action
        self.assertEqual([('kubernetes', 'Kubernetes')],
                         [(v, str(l)) for v, l in info.fields['coe'].choices])
        # the member has no clustertemplate:publish: no public/hidden
        self.assertNotIn('public', info.fields)
        self.assertNotIn('hidden', info.fields)
        subnet = self.networks.first().subnets[0]
        self.assertContains(res, 'data-network="%s"'
                            % self.networks.first().id)
        self.assertContains(res, subnet.cidr)

    @mocks()
    def test_publisher_sees_public_and_hidden(self):
        self.mock_choices()
        with mock.patch('openstack_dashboard.policy.check',
                        return_value=True):
            res = self.client.get(CREATE_URL)
        info = res.context['workflow'].get_step('info').action
        self.assertIn('public', info.fields)
        self.assertIn('hidden', info.fields)

    @override_settings(MAGNUM_COE_CHOICES=['kubernetes', 'swarm', 'mesos'])
    @mocks()
    def test_coe_choices_from_setting(self):
        self.mock_choices()
        res = self.client.get(CREATE_URL)
        info = res.context['workflow'].get_step('info').action
        self.assertEqual(['kubernetes', 'swarm', 'mesos'],
                         [v for v, _l in info.fields['coe'].choices])

    @mocks()
    def test_images_with_os_distro_first(self):
        def image(image_id, name, fmt='bare', **properties):
            fake = mock.Mock(id=image_id, container_format=fmt,
                             properties=properties, os_distro=None)
            fake.name = name
            return fake
        self.mock_choices()
        self.mock_image_list_detailed.return_value = ([
            image('1', 'alpha'), image('2', 'kernel', fmt='aki'),
            image('3', 'zeta', os_distro='fedora-coreos')], False, False)
        res = self.client.get(CREATE_URL)
        field = res.context['workflow'].get_step('node_spec').action \
            .fields['image_id']
        self.assertEqual(['', '3', '1'], [v for v, _l in field.choices])
        self.assertEqual('zeta (fedora-coreos)', field.choices[1][1])

    @mocks()
    def test_service_failures_mark_the_field_only(self):
        self.mock_image_list_detailed.side_effect = self.exceptions.glance
        self.mock_flavor_list.side_effect = self.exceptions.nova
        self.mock_keypair_list.side_effect = self.exceptions.nova
        self.mock_network_list.side_effect = self.exceptions.neutron
        self.mock_network_list_for_tenant.side_effect = \
            self.exceptions.neutron
        res = self.client.get(CREATE_URL)
        self.assertEqual(200, res.status_code)
        for text in ('Unable to load images', 'Unable to load flavors',
                     'Unable to load key pairs',
                     'Unable to load external networks',
                     'Unable to load networks', 'Unable to load subnets'):
            self.assertContains(res, text)

    @mocks(['cluster_template_create'])
    def test_create_sends_magnum_attributes(self):
        self.mock_choices()
        self.mock_cluster_template_create.return_value = \
            self.cluster_templates.first()
        res = self.client.post(CREATE_URL, self.form_data())
        self.assertNoFormErrors(res)
        self.assertRedirectsNoFollow(res, INDEX_URL)
        network = self.networks.first()
        self.mock_cluster_template_create.assert_called_once_with(
            helpers.IsHttpRequest(),
            name='new-template', coe='kubernetes', tags='',
            registry_enabled=False, tls_disabled=False,
            master_lb_enabled=False, floating_ip_enabled=True,
            image_id=self.images.first().id,
            keypair_id=self.keypairs.first().name,
            flavor_id=self.flavors.first().id,
            master_flavor_id=self.flavors.first().id,
            volume_driver='cinder', docker_volume_size=20,
            docker_storage_driver='overlay2', server_type='vm',
            network_driver='calico',
            external_network_id=self.networks.get(name='ext_net').id,
            fixed_network=network.id, fixed_subnet=network.subnets[0].id,
            dns_nameserver='8.8.8.8', http_proxy='', https_proxy='',
            no_proxy='',
            labels={'kube_tag': 'v1.30.1', 'k8s.io/Role': 'Edge'})

    @mocks(['cluster_template_create'])
    def test_publisher_can_create_public_template(self):
        self.mock_choices()
        self.mock_cluster_template_create.return_value = \
            self.cluster_templates.first()
        with mock.patch('openstack_dashboard.policy.check',
                        return_value=True):
            res = self.client.post(CREATE_URL, self.form_data(
                public='on', hidden='on'))
        self.assertNoFormErrors(res)
        kwargs = self.mock_cluster_template_create.call_args[1]
        self.assertIs(True, kwargs['public'])
        self.assertIs(True, kwargs['hidden'])

    def _assert_rerendered_with_error(self, res, field, text):
        self.assertEqual(200, res.status_code)
        errors = {}
        for step in res.context['workflow'].steps:
            errors.update(step.action.errors)
        self.assertIn(field, errors)
        self.assertIn(text, ' '.join(errors[field]))

    @mocks(['cluster_template_create'])
    def test_label_errors_are_field_errors(self):
        self.mock_choices()
        cases = (('novalue', 'is missing'), ('=x', 'key is empty'),
                 ('a=1\na=2', 'given twice'))
        for text, message in cases:
            res = self.client.post(CREATE_URL, self.form_data(labels=text))
            self._assert_rerendered_with_error(res, 'labels', message)
            self.assertContains(res, text.split('\n')[-1])
        self.mock_cluster_template_create.assert_not_called()

    @mocks(['cluster_template_create'])
    def test_preview_keeps_the_valid_labels_beside_an_error(self):
        self.mock_choices()
        res = self.client.post(CREATE_URL, self.form_data(
            labels='kube_tag=v1.30.1\nbroken-line'))
        self._assert_rerendered_with_error(res, 'labels', 'is missing')
        self.assertContains(res, '--labels kube_tag=v1.30.1')
        self.assertNotContains(res, '--labels broken-line')

    @mocks(['cluster_template_create'])
    def test_required_and_invalid_fields(self):
        self.mock_choices()
        res = self.client.post(CREATE_URL, self.form_data(name=''))
        self._assert_rerendered_with_error(res, 'name', 'required')
        res = self.client.post(CREATE_URL, self.form_data(image_id=''))
        self._assert_rerendered_with_error(res, 'image_id', 'required')
        res = self.client.post(CREATE_URL, self.form_data(
            dns_nameserver='not-an-ip'))
        self._assert_rerendered_with_error(res, 'dns_nameserver', 'valid')
        res = self.client.post(CREATE_URL, self.form_data(
            docker_volume_size='0'))
        self._assert_rerendered_with_error(res, 'docker_volume_size', '1')
        self.mock_cluster_template_create.assert_not_called()

    @mocks(['cluster_template_create'])
    def test_subnet_must_belong_to_network(self):
        self.mock_choices()
        other = self.networks.get(name='net2')
        res = self.client.post(CREATE_URL, self.form_data(
            fixed_network=other.id))
        self._assert_rerendered_with_error(res, 'fixed_subnet',
                                           'not in the chosen')
        res = self.client.post(CREATE_URL, self.form_data(fixed_network=''))
        self._assert_rerendered_with_error(res, 'fixed_subnet',
                                           'Choose the fixed network')
        self.mock_cluster_template_create.assert_not_called()

    @override_settings(MAGNUM_COE_CHOICES=['kubernetes', 'swarm'])
    @mocks(['cluster_template_create'])
    def test_network_driver_must_fit_coe(self):
        self.mock_choices()
        res = self.client.post(CREATE_URL, self.form_data(
            network_driver='docker'))
        self._assert_rerendered_with_error(res, 'network_driver',
                                           'not available for kubernetes')
        self.mock_cluster_template_create.assert_not_called()

    @mocks(['cluster_template_create'])
    def test_backend_errors_keep_the_wizard(self):
        self.mock_choices()
        for cls in (magnum_exc.BadRequest, magnum_exc.Forbidden,
                    magnum_exc.NotFound, magnum_exc.Conflict,
                    magnum_exc.InternalServerError):
            self.mock_cluster_template_create.side_effect = cls(
                message='magnum reason %s' % cls.__name__)
            res = self.client.post(CREATE_URL, self.form_data())
            self.assertEqual(200, res.status_code)
            self.assertContains(res, 'magnum reason %s' % cls.__name__)
            self.assertContains(res, 'value="new-template"')
