from unittest import mock

from django.urls import reverse
from magnumclient import exceptions as magnum_exc

from magnum_ui.api import patch as patch_builder
from magnum_ui.api.wrappers import TEMPLATE_FIELDS
from tests.unit.content.project.cluster_templates import wizard as base

INDEX_URL = reverse('horizon:project:cluster_templates:index')


class UpdateTests(base.WizardTestBase):
    def setUp(self):
        super().setUp()
        self.template = self.cluster_templates.first()
        self.url = reverse('horizon:project:cluster_templates:update',
                           args=[self.template.id])

    def current(self):
        return {f: getattr(self.template, f) for f in TEMPLATE_FIELDS}

    def unchanged_data(self, **changes):
        """The form as the prefilled wizard posts it."""
        t = self.template
        data = {'name': t.name, 'coe': t.coe, 'floating_ip_enabled': 'on',
                'image_id': t.image_id, 'keypair_id': t.keypair_id,
                'flavor_id': t.flavor_id,
                'master_flavor_id': t.master_flavor_id,
                'docker_volume_size': str(t.docker_volume_size),
                'docker_storage_driver': t.docker_storage_driver,
                'server_type': t.server_type,
                'network_driver': t.network_driver,
                'external_network_id': t.external_network_id,
                'dns_nameserver': t.dns_nameserver,
                'labels': 'kube_tag=v1.30.1'}
        data.update(changes)
        return {k: v for k, v in data.items() if v is not None}

    @base.mocks(['cluster_template_get', 'cluster_list'])
    def test_get_prefills(self):
        self.mock_choices()
        self.mock_cluster_template_get.return_value = self.template
        self.mock_cluster_list.return_value = []
        res = self.client.get(self.url)
        self.assertEqual(200, res.status_code)
        self.assertContains(res, 'value="k8s-small"')
        self.assertContains(res, 'kube_tag=v1.30.1')
        self.assertContains(res, '<option value="m1.small" selected')
        for step in res.context['workflow'].steps:
            for field in step.action.fields.values():
                self.assertFalse(field.disabled)

    @base.mocks(['cluster_template_get', 'cluster_list',
                 'cluster_template_update'])
    def test_only_changed_fields_patched(self):
        self.mock_choices()
        self.mock_cluster_template_get.return_value = self.template
        self.mock_cluster_list.return_value = []
        self.mock_cluster_template_update.return_value = self.template
        new_flavor = self.flavors.first().id
        res = self.client.post(self.url, self.unchanged_data(
            flavor_id=new_flavor,
            labels='kube_tag=v1.31.0\nk8s.io/Role=Edge'))
        self.assertNoFormErrors(res)
        self.assertRedirectsNoFollow(res, INDEX_URL)
        args, wanted = self.mock_cluster_template_update.call_args
        self.assertEqual(self.template.id, args[1])
        self.assertEqual(self.current(), args[2])
        operations = patch_builder.build_patch(args[2], wanted)
        self.assertEqual([
            {'op': 'replace', 'path': '/flavor_id', 'value': new_flavor},
            {'op': 'replace', 'path': '/labels',
             'value': {'kube_tag': 'v1.31.0', 'k8s.io/Role': 'Edge'}},
        ], operations)
        self.assertNotIn('public', wanted)  # member may not publish

    @base.mocks(['cluster_template_get', 'cluster_list',
                 'cluster_template_update'])
    def test_unchanged_form_makes_no_patch(self):
        self.mock_choices()
        self.mock_cluster_template_get.return_value = self.template
        self.mock_cluster_list.return_value = []
        self.mock_cluster_template_update.return_value = None
        res = self.client.post(self.url, self.unchanged_data())
        self.assertNoFormErrors(res)
        args, wanted = self.mock_cluster_template_update.call_args
        self.assertEqual([], patch_builder.build_patch(args[2], wanted))

    @base.mocks(['cluster_template_get', 'cluster_list'])
    def test_in_use_locks_all_but_name_tags_visibility(self):
        self.mock_choices()
        self.mock_cluster_template_get.return_value = self.template
        self.mock_cluster_list.return_value = self.clusters.list()
        with mock.patch('openstack_dashboard.policy.check',
                        return_value=True):
            res = self.client.get(self.url)
        self.assertEqual(200, res.status_code)
        editable = set()
        for step in res.context['workflow'].steps:
            for name, field in step.action.fields.items():
                if not field.disabled:
                    editable.add(name)
        self.assertEqual({'name', 'tags', 'public', 'hidden'}, editable)
        self.assertContains(res, 'clusters use this template (demo-cluster')

    @base.mocks(['cluster_template_get', 'cluster_list'])
    def test_cluster_names_in_the_lock_reason_are_text(self):
        self.mock_choices()
        self.mock_cluster_template_get.return_value = self.template
        self.clusters.first()._apiresource.name = \
            '<img src=x onerror=alert(1)>'
        self.mock_cluster_list.return_value = self.clusters.list()
        res = self.client.get(self.url)
        self.assertEqual(200, res.status_code)
        self.assertContains(res, '&lt;img src=x onerror=alert(1)&gt;')
        self.assertNotContains(res, '<img src=x')

    @base.mocks(['cluster_template_get', 'cluster_list',
                 'cluster_template_update'])
    def test_in_use_sends_one_patch_per_change(self):
        self.mock_choices()
        self.mock_cluster_template_get.return_value = self.template
        self.mock_cluster_list.return_value = self.clusters.list()
        self.mock_cluster_template_update.return_value = self.template
        with mock.patch('openstack_dashboard.policy.check',
                        return_value=True):
            res = self.client.post(self.url, self.unchanged_data(
                name='renamed', hidden='on', image_id='tampered',
                labels='x=1'))
        self.assertNoFormErrors(res)
        calls = self.mock_cluster_template_update.call_args_list
        sent = [call[1] for call in calls]
        self.assertEqual([{'name': 'renamed'}, {'public': False},
                          {'hidden': True}, {'tags': ''}], sent)
        # each patch is computed from the template as the previous left it
        operations = [patch_builder.build_patch(call[0][2], call[1])
                      for call in calls]
        self.assertEqual([
            [{'op': 'replace', 'path': '/name', 'value': 'renamed'}], [],
            [{'op': 'replace', 'path': '/hidden', 'value': True}], []],
            operations)

    @base.mocks(['cluster_template_get', 'cluster_list'])
    def test_in_use_public_template_cannot_be_unpublished(self):
        self.mock_choices()
        self.template._apiresource.public = True
        self.mock_cluster_template_get.return_value = self.template
        self.mock_cluster_list.return_value = self.clusters.list()
        with mock.patch('openstack_dashboard.policy.check',
                        return_value=True):
            res = self.client.get(self.url)
        info = res.context['workflow'].get_step('info').action
        self.assertTrue(info.fields['public'].disabled)
        self.assertFalse(info.fields['hidden'].disabled)

    @base.mocks(['cluster_template_get', 'cluster_list',
                 'cluster_template_update'])
    def test_backend_errors_keep_the_wizard(self):
        self.mock_choices()
        self.mock_cluster_template_get.return_value = self.template
        self.mock_cluster_list.return_value = []
        for cls in (magnum_exc.BadRequest, magnum_exc.Forbidden,
                    magnum_exc.NotFound, magnum_exc.Conflict,
                    magnum_exc.InternalServerError):
            self.mock_cluster_template_update.side_effect = cls(
                message='update refused %s' % cls.__name__)
            res = self.client.post(self.url, self.unchanged_data(
                name='renamed'))
            self.assertEqual(200, res.status_code)
            self.assertContains(res, 'update refused %s' % cls.__name__)
            self.assertContains(res, 'value="renamed"')

    @base.mocks(['cluster_template_get'])
    def test_missing_template_redirects(self):
        self.mock_cluster_template_get.side_effect = magnum_exc.NotFound(
            message='gone')
        res = self.client.get(self.url)
        self.assertRedirectsNoFollow(res, INDEX_URL)
