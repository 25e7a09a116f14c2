"""Fuzz: the cluster template wizards (create, update) and their command."""

import json
from unittest import mock

from django.core.exceptions import ValidationError
from django import forms
from django.test.utils import override_settings
from django.urls import reverse
from hypothesis import example
from hypothesis import given
from hypothesis import strategies as st
from magnumclient import exceptions as magnum_exc

from magnum_ui.api.wrappers import TEMPLATE_FIELDS
from magnum_ui.content.project.cluster_templates import steps
from tests.unit.content.project.cluster_templates import test_update
from tests.unit.content.project.cluster_templates import wizard
from tests.unit import fuzz
from tests.unit import magnum_data

TEXTS = ('name', 'tags', 'docker_volume_size', 'dns_nameserver',
         'http_proxy', 'https_proxy', 'no_proxy', 'labels')
CHOICES = ('coe', 'image_id', 'keypair_id', 'flavor_id', 'master_flavor_id',
           'volume_driver', 'docker_storage_driver', 'server_type',
           'network_driver', 'external_network_id', 'fixed_network',
           'fixed_subnet')
CHECKBOXES = ('public', 'hidden', 'registry_enabled', 'tls_disabled',
              'master_lb_enabled', 'floating_ip_enabled')
CREATE_URL = wizard.CREATE_URL
INDEX_URL = wizard.INDEX_URL
VALIDATE_ALL = {'HTTP_X_HORIZON_VALIDATE_STEP_START': '0',
                'HTTP_X_HORIZON_VALIDATE_STEP_END': '3'}
MOCKS = ['cluster_template_create', 'cluster_template_get', 'cluster_list',
         'cluster_template_update']

changes = st.one_of(
    fuzz.overrides(['name', 'tags', 'http_proxy', 'no_proxy']),
    fuzz.overrides(['labels'], fuzz.nasty_labels),
    fuzz.overrides(['docker_volume_size', 'dns_nameserver'],
                   fuzz.nasty_number | st.sampled_from(
                       ['::1', '10.0.0.1', '1.2.3', '::ffff:1.2.3.4'])),
    fuzz.overrides(CHOICES + CHECKBOXES, fuzz.nasty_text | st.sampled_from(
        ['on', '', 'kubernetes', 'swarm', 'mesos', 'dcos', 'cinder',
         'rexray', 'docker', 'flannel', 'vm'])),
    fuzz.overrides(TEXTS + CHOICES + CHECKBOXES))
names = st.sampled_from(['k8s-small']) | fuzz.nasty_text
# MAGNUM_COE_CHOICES: unset, or more engines than the drivers know of.
coe_settings = st.sampled_from([None, ['kubernetes', 'swarm', 'mesos',
                                       'dcos', ('kubernetes', 'K8s')]])


def read_int(text):
    try:
        return forms.IntegerField(required=False).clean(text)
    except ValidationError:
        return 'invalid'


def user_labels(text):
    try:
        return fuzz.parsed_labels(text)
    except ValidationError:
        return None


def editable_texts(response):
    """The text fields a refused wizard shows the posted value of."""
    return [name for step in response.context['workflow'].steps
            for name, field in step.action.fields.items()
            if name in TEXTS and not field.disabled]


class TemplateWizardFuzzTests(fuzz.FuzzMixin, wizard.WizardTestBase):
    def post(self, url, data, publisher, **headers):
        with mock.patch('openstack_dashboard.policy.check',
                        return_value=publisher):
            res = self.client.post(url, data, **fuzz.AJAX, **headers)
        fuzz.assert_no_500(self, res)
        fuzz.assert_no_raw_markup(self, res, data)
        return res

    def submit(self, url, data, publisher, validate, service, reason):
        """The wizard's response; None when it was accepted."""
        service.side_effect = None if reason is None else \
            magnum_exc.BadRequest(message='Bad',
                                  details=reason)
        if validate:
            res = self.post(url, data, publisher, **VALIDATE_ALL)
            self.assertEqual(200, res.status_code)
            json.loads(res.content)
        res = self.post(url, data, publisher)
        if res.status_code == 200 and res.context and \
                'workflow' in res.context:
            fuzz.assert_refused(self, res, fuzz.workflow_errors(res), data,
                                editable_texts(res))
            if service.called:  # Magnum said no
                fuzz.assert_reason_shown(self, res, reason)
                self.check_values(data, service.call_args.kwargs, publisher)
            return res
        fuzz.assert_redirected(self, res, INDEX_URL)
        return None

    def check_values(self, data, sent, publisher):
        self.assertLessEqual(set(sent), set(TEMPLATE_FIELDS))
        if not publisher:
            self.assertNotIn('public', sent)
            self.assertNotIn('hidden', sent)
        if 'name' in sent:
            self.assertEqual(data['name'].strip(), sent['name'])
        if 'labels' in sent:
            self.assertEqual(user_labels(data.get('labels')),
                             sent['labels'])
        if 'docker_volume_size' in sent:
            self.assertEqual(read_int(data.get('docker_volume_size')),
                             sent['docker_volume_size'])
        for name in set(CHECKBOXES) & set(sent):
            self.assertIsInstance(sent[name], bool)

    @wizard.mocks(MOCKS)
    @fuzz.FUZZ_WIZARD
    @given(changes=changes, publisher=st.booleans(), validate=st.booleans(),
           reason=fuzz.sometimes(fuzz.nasty_text), coes=coe_settings)
    @example(changes={'name': '<img src=x onerror=alert(1)>',
                      'labels': '"><b>fz</b>=1'}, publisher=True,
             validate=True, reason=None, coes=None)
    @example(changes={'name': 'x'}, publisher=False, validate=False,
             reason='"><b>fz</b> %(exc)s %s 100%', coes=None)
    @example(changes={'labels': 'a=b=c\nx=\n=x\na=1\nkey with space=1'},
             publisher=False, validate=False, reason=None, coes=None)
    @example(changes={'docker_volume_size': str(2 ** 63),
                      'dns_nameserver': '  7 ', 'tags': '\x00'},
             publisher=False, validate=True, reason=None, coes=None)
    @example(changes={'name': None, 'coe': None, 'image_id': None},
             publisher=True, validate=False, reason=None, coes=None)
    @example(changes={'network_driver': '<script>alert(1)</script>',
                      'volume_driver': 'rexray'}, publisher=False,
             validate=True, reason=None, coes=None)
    def test_create(self, changes, publisher, validate, reason, coes):
        with override_settings(MAGNUM_COE_CHOICES=coes):
            self.create(changes, publisher, validate, reason)

    def create(self, changes, publisher, validate, reason):
        self.mock_choices()
        self.mock_cluster_template_create.return_value = \
            self.cluster_templates.first()
        data = fuzz.merged(self.form_data(), changes)
        res = self.submit(CREATE_URL, data, publisher, validate,
                          self.mock_cluster_template_create, reason)
        if res is not None:
            # A labels-only change is refused for its labels alone.
            if set(changes) == {'labels'} and reason is None:
                self.assertIn('labels', fuzz.workflow_errors(res))
            return
        self.mock_cluster_template_create.assert_called_once()
        sent = self.mock_cluster_template_create.call_args.kwargs
        self.check_values(data, sent, publisher)
        self.assertEqual(data['coe'], sent['coe'])
        self.assertEqual(data['image_id'], sent['image_id'])

    @wizard.mocks(MOCKS)
    @fuzz.FUZZ_WIZARD
    @given(changes=changes, publisher=st.booleans(), in_use=st.booleans(),
           name=names, cluster_name=names,
           reason=fuzz.sometimes(fuzz.nasty_text))
    @example(changes={'name': '"><b>fz</b>', 'hidden': 'on'},
             publisher=True, in_use=True, name='<img src=x onerror=alert(1)>',
             cluster_name='<script>alert(1)</script>', reason=None)
    @example(changes={'labels': 'x=1\nx=2', 'image_id': 'tampered'},
             publisher=False, in_use=True, name='t', cluster_name='c',
             reason=None)
    @example(changes={'public': None, 'name': '\u202e\U0001F680'},
             publisher=True, in_use=False, name='', cluster_name='c',
             reason='<img src=x onerror=alert(1)>')
    def test_update(self, changes, publisher, in_use, name, cluster_name,
                    reason):
        template = self.cluster_templates.first()
        template._apiresource.name = name
        cluster = self.clusters.first()
        cluster._apiresource.name = cluster_name
        self.mock_choices()
        self.mock_cluster_template_get.return_value = template
        self.mock_cluster_list.return_value = \
            self.clusters.list() if in_use else []
        self.mock_cluster_template_update.return_value = template
        case = test_update.UpdateTests(methodName='run')
        case.template = template
        data = fuzz.merged(case.unchanged_data(), changes)
        url = reverse('horizon:project:cluster_templates:update',
                      args=[template.id])
        # Names from Magnum (the lock reason lists the clusters) are text.
        shown = self.client.get(url, **fuzz.AJAX)
        self.assertEqual(200, shown.status_code)
        fuzz.assert_no_raw_markup(self, shown, {'t': name, 'c': cluster_name})
        if self.submit(url, data, publisher, False,
                       self.mock_cluster_template_update, reason) is not None:
            return
        calls = self.mock_cluster_template_update.call_args_list
        self.assertTrue(calls)
        current = {field: getattr(template, field)
                   for field in TEMPLATE_FIELDS}
        for call in calls:
            self.assertEqual(template.id, call.args[1])
            self.check_values(data, call.kwargs, publisher)
            if in_use:
                # One change per request, only what Magnum allows.
                self.assertEqual(1, len(call.kwargs))
                self.assertIn(list(call.kwargs)[0], steps.EDITABLE_IN_USE)
        if not in_use:
            self.assertEqual(1, len(calls))
            self.assertEqual(current, calls[0].args[2])

    @fuzz.FUZZ
    @given(changes=changes)
    @example(changes={'name': "'; rm -rf / #", 'labels': 'a=$(id)\n`x`=1'})
    def test_command_preview(self, changes):
        res = self.client.post(
            reverse('horizon:project:cluster_templates:cli_preview'),
            fuzz.merged(self.form_data(), changes))
        fuzz.assert_no_500(self, res)
        self.assertTrue(res.content.decode().startswith(
            'openstack coe cluster template create'))

    @wizard.mocks(MOCKS)
    @fuzz.FUZZ_WIZARD
    @given(stored=st.fixed_dictionaries({}, optional={
        'name': fuzz.nasty_text, 'tags': fuzz.nasty_text,
        'image_id': fuzz.nasty_text, 'keypair_id': fuzz.nasty_text,
        'http_proxy': fuzz.nasty_text, 'dns_nameserver': fuzz.nasty_text,
        'network_driver': fuzz.nasty_text,
        'docker_volume_size': st.none() | st.integers(-2, 2 ** 64),
        'labels': st.none() | st.dictionaries(fuzz.nasty_text,
                                              fuzz.nasty_text, max_size=3),
    }), in_use=st.booleans())
    @example(stored={'labels': {'a': 'x\ny', 'b c': '', '': '=', 'd': None},
                     'name': '<img src=x onerror=alert(1)>'}, in_use=False)
    @example(stored={'image_id': '"><b>fz</b>', 'dns_nameserver': 'bogus',
                     'docker_volume_size': 2 ** 63}, in_use=True)
    def test_update_what_magnum_stored(self, stored, in_use):
        """What Magnum holds is shown escaped; posting it back unchanged
        is no 500.
        """
        template = magnum_data._template(**stored)
        self.mock_choices()
        self.mock_cluster_template_get.return_value = template
        self.mock_cluster_list.return_value = \
            self.clusters.list() if in_use else []
        url = reverse('horizon:project:cluster_templates:update',
                      args=[template.id])
        res = self.client.get(url, **fuzz.AJAX)
        self.assertEqual(200, res.status_code)
        fuzz.assert_no_raw_markup(self, res, stored)
        data = {}
        for step in res.context['workflow'].steps:
            for name, field in step.action.fields.items():
                value = step.action[name].value()
                if isinstance(field, forms.BooleanField):
                    if value:
                        data[name] = 'on'
                elif value is not None:
                    data[name] = str(value)
        res = self.post(url, data, False)
        if res.status_code == 200 and res.context:
            # Refused only for what Magnum holds that the form would not
            # take (a label value on two lines, a bad nameserver...).
            self.assertLessEqual(set(fuzz.workflow_errors(res)),
                                 set(stored) | {'__step__'})
        else:
            fuzz.assert_redirected(self, res, INDEX_URL)
