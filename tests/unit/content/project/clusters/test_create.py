"""Create-cluster wizard: preselection, validation, submit, errors."""

from django.urls import reverse

from openstack_dashboard import api
from openstack_dashboard.test import helpers

from magnum_ui.api import magnum
from magnum_ui.api import versions
from magnum_ui.content.common import cli
from magnum_ui.content.project.clusters.create import labels as create_labels
from tests.unit.content.project.clusters import base
from tests.unit.content.project.clusters import test_index

CREATE_URL = reverse('horizon:project:clusters:create:index')
CLI_URL = reverse('horizon:project:clusters:create:cli')
INDEX_URL = reverse('horizon:project:clusters:index')
MOCKS = {magnum: ['cluster_template_list', 'cluster_create', 'stats_get',
                  'quota_get', 'cluster_get'],
         api.nova: ['keypair_list', 'flavor_list'],
         api.neutron: ['network_list_for_tenant']}


class CreateTests(base.ClustersTestCase):
    def mock_choices(self, limit=10, used=3):
        self.mock_cluster_template_list.return_value = \
            self.cluster_templates.list()
        self.mock_keypair_list.return_value = self.keypairs.list()
        self.mock_flavor_list.return_value = self.flavors.list()
        self.mock_network_list_for_tenant.return_value = \
            self.networks.list()
        self.mock_stats_get.return_value = test_index.stats(used, 9)
        self.mock_quota_get.return_value = test_index.quota(limit)

    def form(self, **changes):
        template = self.cluster_templates.first()
        data = {'name': 'new-cluster', 'cluster_template_id': template.uuid,
                'keypair': self.keypairs.first().name, 'master_count': 1,
                'master_lb_enabled': '', 'node_count': 2,
                'master_flavor_id': '', 'flavor_id': '',
                'docker_volume_size': '', 'floating_ip_enabled': '',
                'fixed_network': '', 'fixed_subnet': '',
                'create_timeout': 60, 'min_node_count': '',
                'max_node_count': '', 'labels': '', 'merge_labels': 'on'}
        data.update(changes)
        return {k: v for k, v in data.items() if v is not None}

    @helpers.create_mocks(MOCKS)
    def test_get_preselects_template_and_shows_steps(self):
        self.mock_choices()
        template = self.cluster_templates.first()
        res = self.client.get(CREATE_URL,
                              {'cluster_template_id': template.uuid})
        self.assertTemplateUsed(res, 'magnum_ui/clusters/create.html')
        workflow = res.context['workflow']
        self.assertEqual(['details', 'size', 'network', 'management',
                          'labels'], [s.slug for s in workflow.steps])
        self.assertEqual(template.uuid,
                         workflow.context['cluster_template_id'])
        # The breadcrumb names the page, and select labels are escaped once.
        self.assertEqual('Create Cluster', res.context['page_title'])
        self.assertNotContains(res, '&amp;#x27;')
        details = workflow.get_step('details').action
        self.assertEqual(template.uuid,
                         details['cluster_template_id'].value())
        # Inline summary of templates, template labels read-only, command.
        self.assertContains(res, 'data-template-id="%s"' % template.uuid)
        self.assertContains(res, 'id="cluster-template-labels"')
        self.assertContains(res, 'kube_tag')
        self.assertContains(res, 'id="cluster-create-command"')
        self.assertContains(res, 'data-cli-url="%s"' % CLI_URL)
        self.assertContains(res, '--cluster-template %s' % template.uuid)
        self.assertNotContains(res, 'id="cluster-quota-warning"')

    @helpers.create_mocks(MOCKS)
    def test_quota_warning_before_submit(self):
        self.mock_choices(limit=3, used=3)
        res = self.client.get(CREATE_URL)
        self.assertContains(res, 'id="cluster-quota-warning"')
        self.assertContains(res, '3 of 3 clusters')

    @helpers.create_mocks(MOCKS)
    def test_submit_sends_magnum_attributes(self):
        self.mock_choices()
        self.mock_cluster_create.return_value = self.cluster()
        res = self.client.post(CREATE_URL, self.form(
            labels='boot_volume_size=20', auto_healing_enabled='on',
            auto_scaling_enabled='on', min_node_count=1, max_node_count=4,
            floating_ip_enabled='false'))
        self.assertNoFormErrors(res)
        self.assertRedirectsNoFollow(res, INDEX_URL)
        self.mock_cluster_create.assert_called_once_with(
            helpers.IsHttpRequest(), name='new-cluster',
            cluster_template_id=self.cluster_templates.first().uuid,
            keypair=self.keypairs.first().name, master_count=1,
            node_count=2, create_timeout=60, floating_ip_enabled=False,
            labels={'boot_volume_size': '20',
                    'auto_healing_enabled': 'true',
                    'auto_scaling_enabled': 'true',
                    'min_node_count': '1', 'max_node_count': '4'},
            merge_labels=True)
        # No waiting for Magnum to list the new cluster (test_pending).
        self.mock_cluster_get.assert_not_called()

    @helpers.create_mocks(MOCKS)
    def test_template_labels_are_not_copied(self):
        self.mock_choices()
        self.mock_cluster_create.return_value = self.cluster()
        self.client.post(CREATE_URL, self.form())
        kwargs = self.mock_cluster_create.call_args.kwargs
        self.assertNotIn('labels', kwargs)
        self.assertNotIn('merge_labels', kwargs)

    def assert_field_error(self, res, field, text):
        self.assertEqual(200, res.status_code)
        errors = {}
        for step in res.context['workflow'].steps:
            errors.update(step.action.errors)
        self.assertIn(field, errors, errors)
        self.assertIn(text, ' '.join(errors[field]))
        self.mock_cluster_create.assert_not_called()

    @helpers.create_mocks(MOCKS)
    def test_flavors_are_offered_and_sent_by_id(self):
        self.mock_choices()
        self.mock_cluster_create.return_value = self.cluster()
        flavor = self.flavors.first()
        res = self.client.get(CREATE_URL)
        field = res.context['workflow'].get_step('size').action \
            .fields['flavor_id']
        self.assertEqual('Flavor from the template', field.choices[0][1])
        self.assertIn((flavor.id, '%s (%s VCPU, %s MB RAM)' % (
            flavor.name, flavor.vcpus, flavor.ram)), field.choices)
        res = self.client.post(CREATE_URL, self.form(
            flavor_id=flavor.id, master_flavor_id=flavor.id))
        self.assertNoFormErrors(res)
        kwargs = self.mock_cluster_create.call_args.kwargs
        self.assertEqual(flavor.id, kwargs['flavor_id'])
        self.assertEqual(flavor.id, kwargs['master_flavor_id'])

    @helpers.create_mocks(MOCKS)
    def test_subnet_must_belong_to_the_network(self):
        self.mock_choices()
        self.mock_cluster_create.return_value = self.cluster()
        network = self.networks.first()
        subnet = network.subnets[0]
        res = self.client.get(CREATE_URL)
        self.assertContains(res, 'data-network="%s"' % network.id)
        res = self.client.post(CREATE_URL, self.form(
            fixed_network=self.networks.get(name='net2').id,
            fixed_subnet=subnet.id))
        self.assert_field_error(res, 'fixed_subnet', 'not in the chosen')
        res = self.client.post(CREATE_URL, self.form(fixed_subnet=subnet.id))
        self.assert_field_error(res, 'fixed_subnet',
                                'Choose the fixed network')
        res = self.client.post(CREATE_URL, self.form(
            fixed_network=network.id, fixed_subnet=subnet.id))
        self.assertNoFormErrors(res)
        kwargs = self.mock_cluster_create.call_args.kwargs
        self.assertEqual((network.id, subnet.id),
                         (kwargs['fixed_network'], kwargs['fixed_subnet']))

    @helpers.create_mocks(MOCKS)
    def test_name_validated_like_magnum(self):
        self.mock_choices()
        for bad in ('1cluster', 'my cluster', '-x', 'a/b'):
            res = self.client.post(CREATE_URL, self.form(name=bad))
            self.assert_field_error(res, 'name', 'Start with a letter')
            self.assertContains(res, 'value="%s"' % bad)

    @helpers.create_mocks(MOCKS)
    def test_even_master_count_refused(self):
        self.mock_choices()
        res = self.client.post(CREATE_URL, self.form(
            master_count=2, master_lb_enabled='true'))
        self.assert_field_error(res, 'master_count', 'odd number')

    @helpers.create_mocks(MOCKS)
    def test_several_masters_need_a_load_balancer(self):
        self.mock_choices()
        # The template has no master load balancer.
        res = self.client.post(CREATE_URL, self.form(master_count=3))
        self.assert_field_error(res, 'master_count', 'exactly one master')

    @helpers.create_mocks(MOCKS)
    def test_three_masters_with_load_balancer(self):
        self.mock_choices()
        self.mock_cluster_create.return_value = self.cluster()
        res = self.client.post(CREATE_URL, self.form(
            master_count=3, master_lb_enabled='true'))
        self.assertNoFormErrors(res)
        kwargs = self.mock_cluster_create.call_args.kwargs
        self.assertEqual(3, kwargs['master_count'])
        self.assertIs(True, kwargs['master_lb_enabled'])

    @helpers.create_mocks(MOCKS)
    def test_zero_nodes_only_where_supported(self):
        self.mock_choices()
        self.mock_cluster_create.return_value = self.cluster()
        res = self.client.post(CREATE_URL, self.form(node_count=0))
        self.assertNoFormErrors(res)
        self.assertEqual(
            0, self.mock_cluster_create.call_args.kwargs['node_count'])
        self.mock_cluster_create.reset_mock()
        self.mock_api_version.return_value = (1, 9)
        res = self.client.post(CREATE_URL, self.form(node_count=0))
        self.assert_field_error(res, 'node_count', '1')

    @helpers.create_mocks(MOCKS)
    def test_version_discovery_failure_still_renders(self):
        # Magnum down: the wizard renders and asks for at least one node.
        self.mock_choices()
        for error in (versions.VersionNegotiationError('garbage'),
                      versions.ServerUnavailable('down')):
            self.mock_api_version.side_effect = error
            res = self.client.get(CREATE_URL)
            self.assertEqual(200, res.status_code)
            self.assertTemplateUsed(res, 'magnum_ui/clusters/create.html')
            size = res.context['workflow'].get_step('size').action
            self.assertEqual(1, size.min_nodes)
            self.assertEqual(1, size.fields['node_count'].widget.attrs['min'])

    @helpers.create_mocks(MOCKS)
    def test_autoscaling_bounds_cross_checked(self):
        self.mock_choices()
        res = self.client.post(CREATE_URL, self.form(
            auto_scaling_enabled='on', min_node_count=3, max_node_count=5))
        self.assert_field_error(res, 'min_node_count', 'starts with 2')
        res = self.client.post(CREATE_URL, self.form(
            auto_scaling_enabled='on', min_node_count=4, max_node_count=3))
        self.assert_field_error(res, 'max_node_count', 'below the minimum')
        res = self.client.post(CREATE_URL, self.form(
            auto_scaling_enabled='on'))
        self.assert_field_error(res, 'max_node_count', 'needs a maximum')

    @helpers.create_mocks(MOCKS)
    def test_bad_labels_are_field_errors(self):
        self.mock_choices()
        res = self.client.post(CREATE_URL, self.form(labels='novalue'))
        self.assert_field_error(res, 'labels', '"=" is missing')
        res = self.client.post(CREATE_URL, self.form(
            labels='auto_healing_enabled=true'))
        self.assert_field_error(res, 'labels', 'Management step')

    @helpers.create_mocks(MOCKS)
    def test_magnum_refusal_rerenders_with_its_message(self):
        self.mock_choices()
        self.mock_cluster_create.side_effect = base.magnum_error(
            400, 'Quota exceeded for resources: Cluster')
        res = self.client.post(CREATE_URL, self.form())
        self.assertEqual(200, res.status_code)
        self.assertContains(res, 'Quota exceeded for resources: Cluster')
        self.assertContains(res, 'value="new-cluster"')

    @helpers.create_mocks(MOCKS)
    def test_magnum_outage_is_a_message_not_500(self):
        # One failure policy for every wizard: the values stay, the
        # message says why.
        self.mock_choices()
        self.mock_cluster_create.side_effect = base.magnum_error(
            503, 'Service Unavailable')
        res = self.client.post(CREATE_URL, self.form())
        self.assertEqual(200, res.status_code)
        self.assertContains(res, 'Service Unavailable')
        self.assertContains(res, 'value="new-cluster"')

    @helpers.create_mocks(MOCKS)
    def test_choice_services_down_still_renders(self):
        self.mock_choices()
        self.mock_cluster_template_list.side_effect = base.magnum_error(
            500, 'x')
        self.mock_keypair_list.side_effect = self.exceptions.nova
        self.mock_flavor_list.side_effect = self.exceptions.nova
        self.mock_network_list_for_tenant.side_effect = \
            self.exceptions.neutron
        res = self.client.get(CREATE_URL)
        self.assertEqual(200, res.status_code)
        self.assertContains(res, 'Unable to load key pairs')
        self.assertContains(res, 'Unable to load flavors')
        self.assertContains(res, 'Unable to load subnets')
        self.assertContains(res, 'No cluster template available')


class CommandTests(base.ClustersTestCase):
    def test_command_is_shell_quoted(self):
        values = create_labels.create_values({
            'name': 'c1', 'cluster_template_id': 'tmpl', 'node_count': 0,
            'master_count': 1, 'master_lb_enabled': False,
            'labels': {'note': "it's a test"}, 'merge_labels': True,
            'auto_healing_enabled': True})
        self.assertEqual(
            "openstack coe cluster create --cluster-template tmpl "
            "--master-count 1 --node-count 0 --master-lb-disabled "
            "--labels auto_healing_enabled=true "
            "--labels 'note=it'\"'\"'s a test' --merge-labels c1",
            cli.cluster_create(values))
