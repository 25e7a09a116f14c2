"""The CLI of every cluster action and of a template update."""

from django import forms
from django.http import QueryDict
from django.test import SimpleTestCase

from magnum_ui.content.common import cli
from magnum_ui.content.common import cli_views


class ActionCommandTests(SimpleTestCase):
    def test_resize(self):
        self.assertEqual('openstack coe cluster resize c1 3',
                         cli.cluster_resize('c1', 3))
        self.assertEqual('openstack coe cluster resize --nodegroup big c1 0',
                         cli.cluster_resize('c1', 0, nodegroup='big'))

    def test_upgrade(self):
        self.assertEqual('openstack coe cluster upgrade c1 t2',
                         cli.cluster_upgrade('c1', 't2'))
        self.assertEqual('openstack coe cluster upgrade --max-batch-size 2 '
                         '--nodegroup ng c1 t2',
                         cli.cluster_upgrade('c1', 't2', max_batch_size=2,
                                             nodegroup='ng'))
        self.assertEqual("openstack coe cluster upgrade c1 "
                         "'<cluster-template>'", cli.cluster_upgrade('c1', ''))

    def test_delete_rotate_config(self):
        self.assertEqual('openstack coe cluster delete c1',
                         cli.cluster_delete('c1'))
        self.assertEqual('openstack coe ca rotate c1', cli.ca_rotate('c1'))
        self.assertEqual('openstack coe cluster config c1',
                         cli.cluster_config('c1'))
        self.assertEqual('openstack coe cluster config --use-keystone c1',
                         cli.cluster_config('c1', use_keystone=True))

    def test_words_are_shell_quoted(self):
        self.assertEqual("openstack coe cluster delete 'a; rm -rf /'",
                         cli.cluster_delete('a; rm -rf /'))


class TemplateUpdateCommandTests(SimpleTestCase):
    def test_one_line_per_operation_kind(self):
        patches = [[{'op': 'add', 'path': '/http_proxy', 'value': 'p:3128'},
                    {'op': 'replace', 'path': '/name', 'value': 'new name'},
                    {'op': 'replace', 'path': '/docker_volume_size',
                     'value': 20},
                    {'op': 'replace', 'path': '/master_lb_enabled',
                     'value': True},
                    {'op': 'replace', 'path': '/labels',
                     'value': {'b': '2', 'a': '1'}},
                    {'op': 'remove', 'path': '/no_proxy'}]]
        self.assertEqual(
            'openstack coe cluster template update t1 add http_proxy=p:3128\n'
            "openstack coe cluster template update t1 replace "
            "'name=new name' docker_volume_size=20 master_lb_enabled=true "
            "labels=a=1,b=2\n"
            'openstack coe cluster template update t1 remove no_proxy',
            cli.template_update('t1', patches))

    def test_each_request_its_own_command(self):
        patches = [[{'op': 'replace', 'path': '/name', 'value': 'n'}],
                   [{'op': 'replace', 'path': '/public', 'value': True}]]
        self.assertEqual(2, len(cli.template_update('t1', patches)
                                .splitlines()))
        self.assertEqual('', cli.template_update('t1', []))

    def test_posted_integers_are_numbers(self):
        post = QueryDict('docker_volume_size=5&name=x')
        fields = {'docker_volume_size': forms.IntegerField(),
                  'name': forms.CharField()}
        self.assertEqual({'docker_volume_size': 5, 'name': 'x'},
                         cli_views.posted_values(post, fields))
