"""Fuzz: the cluster template import (YAML text or documents of hostile
values): a refused import comes back with the text and an error; an
accepted one opens the create wizard, validated, and creates nothing."""

from unittest import mock

from hypothesis import example
from hypothesis import given
from hypothesis import strategies as st
import yaml

from magnum_ui.api.wrappers import TEMPLATE_FIELDS
from magnum_ui.content.project.cluster_templates import steps
from tests.unit.content.project.cluster_templates import test_import_export
from tests.unit.content.project.cluster_templates import wizard
from tests.unit import fuzz

IMPORT_URL = test_import_export.IMPORT_URL
scalar = st.one_of(st.none(), st.booleans(), fuzz.nasty_text,
                   fuzz.nasty_number,
                   st.integers(min_value=-2 ** 70, max_value=2 ** 70),
                   st.floats(allow_nan=True))
value = st.one_of(scalar, st.lists(scalar, max_size=2),
                  st.dictionaries(fuzz.nasty_text, scalar, max_size=3))
documents = st.dictionaries(
    st.sampled_from(TEMPLATE_FIELDS + ('uuid', 'links')) | fuzz.nasty_text,
    value, max_size=8).map(lambda doc: yaml.safe_dump(doc, allow_unicode=True))
texts = st.one_of(documents, fuzz.nasty_text, st.sampled_from([
    'labels: &a {x: *a}', '? [a]\n: b', 'name: !!binary aGVsbG8=',
    'name: 2024-01-01', '%YAML 1.1\n---\nname: x\n...\n---\nname: y',
    'name: k8s\x00', 'labels: {k: [1]}', '[' * 5000,
    'a: ' + '{b: ' * 3000 + '1' + '}' * 3000]))


class TemplateImportFuzzTests(fuzz.FuzzMixin, wizard.WizardTestBase):
    @wizard.mocks(['cluster_template_create'])
    @fuzz.FUZZ_WIZARD
    @given(text=texts, publisher=st.booleans())
    @example(text='name: k8s\ncoe: kubernetes\nimage_id: x\nlabels: {a: 1}',
             publisher=False)
    def test_import_never_breaks(self, text, publisher):
        self.mock_choices()
        data = {'yaml_text': text}

        def check(rules, request, target=None):
            return publisher or rules != steps.PUBLISH_RULE
        with mock.patch('openstack_dashboard.policy.check',
                        side_effect=check):
            res = self.client.post(IMPORT_URL, data, **fuzz.AJAX)
        fuzz.assert_no_500(self, res)
        fuzz.assert_no_raw_markup(self, res, data)
        self.assertEqual(200, res.status_code)
        self.mock_cluster_template_create.assert_not_called()
        if 'workflow' in res.context:
            workflow = res.context['workflow']
            self.assertEqual(test_import_export.CREATE_URL,
                             workflow.get_absolute_url())
            if not publisher:
                self.assertNotIn('public', workflow.get_step('info')
                                 .action.fields)
            return
        form = res.context['form']
        fuzz.assert_refused(self, res, form.errors, data, ['yaml_text'])
