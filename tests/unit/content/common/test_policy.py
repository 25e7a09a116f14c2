"""Row action policies are checked once per request and question."""

from unittest import mock

from django.test.utils import override_settings

from openstack_dashboard.test import helpers

from magnum_ui.api import magnum
from magnum_ui.content.common import policy
from tests.unit.content.project.clusters import base
from tests.unit.content.project.clusters import test_index
from tests.unit.content.project.clusters import test_scale

CHECKS = []
# the list's row menu: the rarer certificate actions are on the detail page
ROW_RULES = {'cluster:delete', 'cluster:resize', 'cluster:upgrade',
             'certificate:get', 'certificate:create'}


def counting_check(rules, request, target=None):
    CHECKS.append((tuple(rules), tuple(sorted((target or {}).items()))))
    return not any(rule == 'cluster:upgrade' for _, rule in rules)


class PolicyOncePerRequestTests(base.ClustersTestCase):
    def setUp(self):
        super().setUp()
        CHECKS.clear()

    @override_settings(POLICY_CHECK_FUNCTION=(
        'tests.unit.content.common.test_policy.counting_check'))
    @helpers.create_mocks({magnum: ['cluster_list', 'cluster_template_list',
                                    'stats_get', 'quota_get']})
    def test_twenty_rows_ask_each_question_once(self):
        test_index.IndexTests.mock_page(self)
        clusters = [test_scale.numbered(i) for i in range(1, 41)]
        # numbered clusters share one owner: one certificate target
        self.assertEqual(1, len({(c.project_id, c.user_id)
                                 for c in clusters}))
        self.mock_cluster_list.side_effect = test_scale.magnum_list(clusters)
        res = self.client.get(test_index.INDEX_URL)
        self.assertEqual(20, res.content.decode().count('data-object-id='))
        # (the sidebar checks panel rules on its own, more than once)
        asked = [c for c in CHECKS
                 if any(rule in ROW_RULES for _, rule in c[0])]
        self.assertEqual(len(asked), len(set(asked)))
        self.assertEqual(ROW_RULES, {rule for rules, _ in asked
                                     for _, rule in rules})
        # the refused answer is kept too: no row offers an upgrade
        self.assertNotContains(res, 'Upgrade Cluster')
        self.assertContains(res, 'Resize Cluster', count=20)

    def test_answers_differ_by_target(self):
        request = mock.Mock(spec=['__dict__'])
        action = mock.Mock(policy_rules=(('container-infra', 'x'),))
        action.allowed.return_value = True
        targets = iter([{'project_id': 'a'}, {'project_id': 'b'},
                        {'project_id': 'a'}])
        action.get_policy_target.side_effect = lambda r, d: next(targets)
        answers = {'a': True, 'b': False}
        check = mock.Mock(side_effect=lambda rules, req, target:
                          answers[target['project_id']])
        with mock.patch.object(policy.utils_settings, 'import_setting',
                               return_value=check):
            got = [policy.CheckedOncePerRequest._allowed(action, request,
                                                         None)
                   for _ in range(3)]
        self.assertEqual([True, False, True], got)
        self.assertEqual(2, check.call_count)
