from django.test import SimpleTestCase

from magnum_ui.content.project.cluster_templates import cli


class BuildCommandTests(SimpleTestCase):
    def test_full_command(self):
        command = cli.build_command({
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
        command = cli.build_command({'name': 'x; rm -rf /',
                                     'no_proxy': '$(id)'})
        self.assertIn("--no-proxy '$(id)'", command)
        self.assertTrue(command.endswith("'x; rm -rf /'"))

    def test_floating_ip_disabled_and_placeholder_name(self):
        command = cli.build_command({'floating_ip_enabled': False})
        self.assertIn('--floating-ip-disabled', command)
        self.assertIn('<name>', command)
