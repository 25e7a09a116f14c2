"""Fuzz: the create-cluster wizard (and the command its page asks for)."""

import json
import re

from django.core.exceptions import ValidationError
from django import forms
from hypothesis import example
from hypothesis import given
from hypothesis import strategies as st
from openstack_dashboard.test import helpers

from magnum_ui.api import versions
from magnum_ui.content.project.clusters.create import labels as create_labels
from tests.unit.content.project.clusters import base
from tests.unit.content.project.clusters import test_create
from tests.unit import fuzz

NUMBERS = ('master_count', 'node_count', 'docker_volume_size',
           'create_timeout', 'min_node_count', 'max_node_count')
TEXTS = ('name', 'labels') + NUMBERS
CHOICES = ('cluster_template_id', 'keypair', 'master_lb_enabled',
           'master_flavor_id', 'flavor_id', 'floating_ip_enabled',
           'fixed_network', 'fixed_subnet')
CHECKBOXES = ('auto_healing_enabled', 'auto_scaling_enabled', 'merge_labels')
NAME = re.compile(r'^[a-zA-Z][a-zA-Z0-9_.-]*$')
VALIDATE_ALL = {'HTTP_X_HORIZON_VALIDATE_STEP_START': '0',
                'HTTP_X_HORIZON_VALIDATE_STEP_END': '4'}

changes = st.one_of(
    fuzz.overrides(['name'], fuzz.nasty_text | st.sampled_from(
        ['c1', ' c1 ', 'a' * 242, 'a' * 243, 'a.b-c_d'])),
    fuzz.overrides(['labels'], fuzz.nasty_labels),
    fuzz.overrides(NUMBERS, fuzz.nasty_number),
    fuzz.overrides(CHOICES + CHECKBOXES, fuzz.nasty_text | st.sampled_from(
        ['on', 'true', 'false', '', 'net1', 'm1.small', 'demo-key'])),
    fuzz.overrides(TEXTS + CHOICES + CHECKBOXES))


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


class CreateClusterFuzzTests(fuzz.FuzzMixin, base.ClustersTestCase):
    mock_choices = test_create.CreateTests.mock_choices
    form = test_create.CreateTests.form

    def post(self, data, **headers):
        res = self.client.post(test_create.CREATE_URL, data, **fuzz.AJAX,
                               **headers)
        fuzz.assert_no_500(self, res)
        fuzz.assert_no_raw_markup(self, res, data)
        return res

    def check_sent(self, data):
        self.mock_cluster_create.assert_called_once()
        sent = self.mock_cluster_create.call_args.kwargs
        self.assertEqual(data['name'].strip(), sent['name'])
        self.assertRegex(sent['name'], NAME)
        self.assertEqual(data['cluster_template_id'],
                         sent['cluster_template_id'])
        self.assertNotIn(None, sent.values())
        self.assertNotIn('', sent.values())
        for field in ('master_count', 'node_count', 'docker_volume_size',
                      'create_timeout'):
            self.assertEqual(read_int(data.get(field)), sent.get(field),
                             field)
        labels = sent.get('labels', {})
        for key, value in user_labels(data.get('labels')).items():
            self.assertEqual(value, labels[key])
        self.assertNotIn(None, labels.values())
        for key in ('min_node_count', 'max_node_count'):
            if key in labels:
                self.assertEqual(str(read_int(data[key])), labels[key])
        self.assertEqual('labels' in sent, 'merge_labels' in sent)

    @helpers.create_mocks(test_create.MOCKS)
    @fuzz.FUZZ_WIZARD
    @given(changes=changes, validate=st.booleans(),
           reason=fuzz.sometimes(fuzz.nasty_text), old_magnum=st.booleans())
    @example(changes={'labels': 'k=v'}, validate=True, reason=None,
             old_magnum=False)
    @example(changes={'node_count': '0'}, validate=False, reason=None,
             old_magnum=True)
    @example(changes={'labels': 'k=v'}, validate=False,
             reason='<img src=x onerror=alert(1)> %(exc)s %s 100%',
             old_magnum=False)
    @example(changes={'name': '<img src=x onerror=alert(1)>',
                      'labels': '"><b>fz</b>=1\na=b=c\n=x'}, validate=True,
             reason=None, old_magnum=False)
    @example(changes={'labels': 'a=b=c\nx=\nk8s.io/role=<b>x</b>'},
             validate=False, reason=None, old_magnum=False)
    @example(changes={'master_count': str(2 ** 63), 'node_count': '-1',
                      'create_timeout': '1e9', 'min_node_count': '0x10',
                      'max_node_count': '  7 '}, validate=False,
             reason=None, old_magnum=False)
    @example(changes={'auto_scaling_enabled': 'on', 'min_node_count': '1',
                      'max_node_count': str(2 ** 63)}, validate=False,
             reason=None, old_magnum=False)
    @example(changes={'name': None, 'cluster_template_id': None,
                      'master_count': None, 'node_count': None},
             validate=True, reason=None, old_magnum=False)
    def test_create_cluster(self, changes, validate, reason, old_magnum):
        # Magnum 1.9 refuses clusters without worker nodes.
        self.mock_api_version.return_value = (
            (1, 9) if old_magnum else versions.CLIENT_MAX_VERSION)
        self.mock_choices()
        self.mock_cluster_create.return_value = self.cluster()
        self.mock_cluster_create.side_effect = None if reason is None \
            else base.magnum_error(400, reason)
        data = fuzz.merged(self.form(), changes)
        data = {key: str(value) for key, value in data.items()}
        if validate:
            res = self.post(data, **VALIDATE_ALL)
            self.assertEqual(200, res.status_code)
            json.loads(res.content)
            self.mock_cluster_create.assert_not_called()
        res = self.post(data)
        if res.status_code == 200 and res.context and \
                'workflow' in res.context:
            fuzz.assert_refused(self, res, fuzz.workflow_errors(res), data,
                                TEXTS)
            if self.mock_cluster_create.called:  # Magnum said no
                fuzz.assert_reason_shown(self, res, reason)
                self.check_sent(data)
                return
            # A labels-only change is refused for its labels alone.
            if set(changes) == {'labels'}:
                self.assertIn('labels', fuzz.workflow_errors(res))
            return
        fuzz.assert_redirected(self, res, test_create.INDEX_URL)
        self.check_sent(data)
        # Well-formed labels of no Management field are always accepted.
        found = user_labels(data.get('labels'))
        if set(changes) <= {'labels'} and found is not None:
            self.assertFalse(set(found) & set(create_labels.MANAGED_LABELS))

    @helpers.create_mocks(test_create.MOCKS)
    @fuzz.FUZZ
    @given(template_id=fuzz.nasty_text | st.sampled_from(
        ['a1b2c3d4-0000-4000-8000-000000000001']))
    @example(template_id='"><b>fz</b>')
    @example(template_id="<img src=x onerror=alert(1)>' --labels x=1")
    def test_preselected_template(self, template_id):
        """The link of a template's row preselects it: any id is safe."""
        self.mock_choices()
        res = self.client.get(test_create.CREATE_URL,
                              {'cluster_template_id': template_id},
                              **fuzz.AJAX)
        fuzz.assert_no_500(self, res)
        self.assertEqual(200, res.status_code)
        fuzz.assert_no_raw_markup(self, res, {'id': template_id})

    @fuzz.FUZZ
    @given(changes=changes)
    @example(changes={'name': "'; rm -rf / #", 'labels': 'a=$(id)\n`x`=1'})
    def test_command_preview(self, changes):
        data = fuzz.merged(self.form(), changes)
        res = self.client.post(test_create.CLI_URL, data)
        fuzz.assert_no_500(self, res)
        self.assertEqual('text/plain; charset=utf-8', res['Content-Type'])
        self.assertTrue(res.content.decode().startswith(
            'openstack coe cluster create'))
