"""The two `openstack coe ... create` commands built from option tables."""

from django.test import SimpleTestCase
from django.urls import reverse
from openstack_dashboard import api
from openstack_dashboard.test import helpers

from magnum_ui.api import magnum
from magnum_ui.content.common import cli
from tests.unit import helpers as magnum_helpers

CLUSTER_CLI_URL = reverse('horizon:project:clusters:create:cli')
# Everything the cluster wizard may ask: the command view asks none.
WIZARD_CALLS = {magnum: ['cluster_template_list', 'cluster_create',
                         'stats_get', 'quota_get'],
                api.nova: ['keypair_list', 'flavor_list'],
                api.neutron: ['network_list_for_tenant']}


class TemplateCommandTests(SimpleTestCase):
    def test_full_command(self):
        command = cli.template_create({
            'name': 'k8s', 'coe': 'kubernetes', 'image_id': 'fcos',
            'flavor_id': 'm1.small', 'docker_volume_size': 10,
            'public': True, 'hidden': False, 'floating_ip_enabled': True,
            'labels': {'b': '2', 'a': 'x;y'}, 'http_proxy': ''})
        self.assertEqual(
            'openstack coe cluster template create \\\n'
            '    --coe kubernetes \\\n'
            '    --image fcos \\\n'
            '    --flavor m1.small \\\n'
            '    --docker-volume-size 10 \\\n'
            '    --public \\\n'
            '    --floating-ip-enabled \\\n'
            "    --labels 'a=x;y' \\\n"
            '    --labels b=2 \\\n'
            '    k8s', command)

    def test_hostile_values_are_quoted(self):
        command = cli.template_create({'name': 'x; rm -rf /',
                                       'no_proxy': '$(id)'})
        self.assertIn("--no-proxy '$(id)'", command)
        self.assertTrue(command.endswith("'x; rm -rf /'"))

    def test_floating_ip_disabled_and_placeholder_name(self):
        command = cli.template_create({'floating_ip_enabled': False})
        self.assertIn('--floating-ip-disabled', command)
        self.assertIn('<name>', command)


class ClusterCommandTests(SimpleTestCase):
    def test_one_line_with_switches_and_merged_labels(self):
        self.assertEqual(
            "openstack coe cluster create --cluster-template tmpl "
            "--node-count 2 --flavor m1.small --floating-ip-enabled "
            "--master-lb-disabled --labels 'a=x y' --merge-labels 'my c'",
            cli.cluster_create({
                'name': 'my c', 'cluster_template_id': 'tmpl',
                'node_count': 2, 'flavor_id': 'm1.small',
                'floating_ip_enabled': True, 'master_lb_enabled': False,
                'labels': {'a': 'x y'}, 'merge_labels': True}))

    def test_empty_switch_is_left_to_the_template(self):
        command = cli.cluster_create({'floating_ip_enabled': None,
                                      'master_lb_enabled': ''})
        self.assertEqual('openstack coe cluster create \'<name>\'', command)


class ClusterCommandViewTests(magnum_helpers.MagnumTestCase):
    """The cluster wizard's page asks for the command of its raw fields."""

    def post(self, **fields):
        data = {'name': 'c1', 'cluster_template_id': 'tmpl', 'keypair': '',
                'master_count': '3', 'master_lb_enabled': 'true',
                'node_count': '2', 'master_flavor_id': '',
                'flavor_id': 'f-1', 'docker_volume_size': '',
                'floating_ip_enabled': 'false', 'fixed_network': '',
                'fixed_subnet': '', 'create_timeout': '60',
                'min_node_count': '', 'max_node_count': '4',
                'auto_healing_enabled': 'on', 'labels': 'note=x y\nbroken',
                'merge_labels': 'on'}
        data.update(fields)
        return self.client.post(CLUSTER_CLI_URL, {
            key: value for key, value in data.items() if value is not None})

    def assert_no_service_asked(self):
        for calls in WIZARD_CALLS.values():
            for name in calls:
                getattr(self, 'mock_' + name).assert_not_called()

    @helpers.create_mocks(WIZARD_CALLS)
    def test_posted_fields_give_the_wizard_command(self):
        res = self.post()
        self.assertEqual(200, res.status_code)
        self.assertTrue(res['Content-Type'].startswith('text/plain'))
        self.assertEqual(
            "openstack coe cluster create --cluster-template tmpl "
            "--master-count 3 --node-count 2 --flavor f-1 --timeout 60 "
            "--floating-ip-disabled --master-lb-enabled "
            "--labels auto_healing_enabled=true --labels max_node_count=4 "
            "--labels 'note=x y' --merge-labels c1", res.content.decode())
        self.assert_no_service_asked()

    @helpers.create_mocks(WIZARD_CALLS)
    def test_unchecked_merge_and_empty_form(self):
        text = self.post(merge_labels=None, labels='a=1',
                         auto_healing_enabled=None,
                         max_node_count='').content.decode()
        self.assertTrue(text.endswith('--labels a=1 c1'), text)
        self.assertEqual(
            "openstack coe cluster create '<name>'",
            self.client.post(CLUSTER_CLI_URL, {}).content.decode())
        self.assert_no_service_asked()
