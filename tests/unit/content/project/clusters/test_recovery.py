"""Recovery of failed clusters (recorded sandbox clusters), and the
create wizard filled in from its query string."""

from urllib import parse

from django.http import QueryDict
from django.urls import reverse

from openstack_dashboard.test import helpers

from magnum_ui.content.project.clusters.create import prefill
from magnum_ui.content.project.clusters.diagnosis import recovery
from tests.unit.content.project.clusters import base
from tests.unit.content.project.clusters import recorded
from tests.unit.content.project.clusters import test_create


def _query(url):
    path, _sep, query = url.partition('?')
    return path, QueryDict(query)


class RecoveryTests(base.ClustersTestCase):
    def test_delete_failed_is_retried_with_the_delete_command(self):
        cluster = recorded.cluster('delete_failed')
        [item] = recovery.recoveries(cluster)
        self.assertEqual(recovery.RETRY_DELETE, item.kind)
        self.assertIsNone(item.url)
        self.assertEqual('openstack coe cluster delete %s' % cluster.name,
                         item.command)

    def test_create_failed_is_recreated_with_the_same_settings(self):
        cluster = recorded.cluster('failed_worker')
        [item] = recovery.recoveries(cluster)
        self.assertEqual(recovery.RECREATE, item.kind)
        path, query = _query(item.url)
        self.assertEqual(reverse('horizon:project:clusters:create:index'),
                         path)
        initial = prefill.initial(query)
        self.assertEqual(cluster.name, initial['name'])
        self.assertEqual(cluster.cluster_template_id,
                         initial['cluster_template_id'])
        self.assertEqual('1', initial['node_count'])
        # the labels the cluster added to its template's, merged
        self.assertEqual({'sandbox_boot_seconds': '1',
                          'sandbox_fail_at': 'worker'}, initial['labels'])
        self.assertIs(True, initial['merge_labels'])
        self.assertEqual('false', initial['floating_ip_enabled'])
        self.assertEqual(
            'openstack coe cluster create --cluster-template %s '
            '--master-count 1 --node-count 1 --master-flavor m1.small '
            '--flavor m1.small --timeout 60 --floating-ip-disabled '
            '--master-lb-disabled --labels sandbox_boot_seconds=1 '
            '--labels sandbox_fail_at=worker --merge-labels %s'
            % (cluster.cluster_template_id, cluster.name), item.command)

    def test_managed_labels_go_to_the_management_step(self):
        cluster = recorded.cluster(
            'failed_worker', labels={'auto_healing_enabled': 'true',
                                     'max_node_count': '4', 'x': '1'},
            labels_added=None, labels_overridden=None)
        values = recovery.recreate_values(cluster)
        self.assertEqual({'x': '1'}, values['labels'])
        self.assertIs(False, values['merge_labels'])
        self.assertIs(True, values['auto_healing_enabled'])
        self.assertEqual('4', values['max_node_count'])

    def test_update_failed_is_resized_again(self):
        cluster = recorded.cluster('failed_worker', status='UPDATE_FAILED')
        [item] = recovery.recoveries(cluster)
        self.assertEqual(recovery.RESIZE, item.kind)
        self.assertTrue(item.modal)
        self.assertEqual(reverse('horizon:project:clusters:operations:resize',
                                 args=[cluster.id]), item.url)
        self.assertEqual('openstack coe cluster resize %s 1' % cluster.name,
                         item.command)

    def test_nothing_to_recover_otherwise(self):
        self.assertEqual([], recovery.recoveries(recorded.cluster('stalled')))

    @helpers.create_mocks(test_create.MOCKS)
    def test_wizard_opens_filled_in(self):
        test_create.CreateTests.mock_choices(self)
        template = self.cluster_templates.first()
        cluster = recorded.cluster('failed_worker',
                                   cluster_template_id=template.uuid)
        [item] = recovery.recoveries(cluster)
        res = self.client.get(item.url)
        self.assertEqual(200, res.status_code)
        workflow = res.context['workflow']
        details = workflow.get_step('details').action
        self.assertEqual(template.uuid,
                         details['cluster_template_id'].value())
        self.assertEqual(cluster.name, details['name'].value())
        labels = workflow.get_step('labels').action
        self.assertEqual('sandbox_boot_seconds=1\nsandbox_fail_at=worker',
                         labels['labels'].value())
        self.assertContains(res, 'sandbox_fail_at=worker</textarea>')
        # the wizard's command shows what it would send
        self.assertContains(res, '--labels sandbox_fail_at=worker')

    def test_query_leaves_out_empty_values(self):
        url = prefill.url({'name': 'a', 'keypair': '', 'labels': {},
                           'merge_labels': False})
        self.assertEqual({'name': ['a'], 'merge_labels': ['false']},
                         parse.parse_qs(url.partition('?')[2]))
        self.assertEqual({'name': 'a', 'merge_labels': False},
                         prefill.initial(QueryDict('name=a&merge_labels='
                                                   'false&bogus=1')))
