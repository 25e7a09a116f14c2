"""The local_settings.d snippet operators copy to register Magnum's policy."""

import os
import unittest

from django.conf import settings
from django import test as django_test
from openstack_auth import policy
import yaml

from magnum_ui import conf


class PolicySnippetTests(unittest.TestCase):
    def test_registers_existing_policy_files_in_horizons_dicts(self):
        namespace = {'POLICY_FILES': {'identity': 'keystone_policy.yaml'},
                     'DEFAULT_POLICY_FILES': {}}
        conf.register_policy(namespace)
        policy = namespace['POLICY_FILES']['container-infra']
        default = namespace['DEFAULT_POLICY_FILES']['container-infra']
        self.assertTrue(os.path.isfile(policy), policy)
        self.assertTrue(os.path.isfile(default), default)
        self.assertEqual('keystone_policy.yaml',
                         namespace['POLICY_FILES']['identity'])
        # Nothing else that Django would read as a setting.
        self.assertEqual({'POLICY_FILES', 'DEFAULT_POLICY_FILES'},
                         {name for name in namespace if name.isupper()})

    def test_snippet_is_a_local_settings_d_file(self):
        name = os.path.basename(conf.POLICY_SNIPPET)
        self.assertRegex(name, r'^_\d+_\w+\.py$')
        self.assertEqual('local_settings.d', os.path.basename(
            os.path.dirname(conf.POLICY_SNIPPET)))


class PolicyFilesTests(django_test.SimpleTestCase):
    """Horizon's enforcer, built from the files the snippet registers."""

    def enforcer(self):
        policy.reset()
        self.addCleanup(policy.reset)
        # The override file adds nothing, so oslo.policy has nothing to say
        # about rules that repeat a default.
        with self.assertNoLogs('oslo_policy.policy', level='WARNING'):
            return policy._get_enforcer()['container-infra']

    def test_rules_are_magnum_defaults(self):
        rules = self.enforcer().rules
        self.assertEqual('rule:context_is_admin',
                         str(rules['clustertemplate:publish']))
        self.assertEqual(
            '(rule:context_is_admin or rule:project_member)',
            str(rules['admin_or_project_member_deny_cluster_user']))

    def test_override_file_only_comments(self):
        with open(settings.POLICY_FILES['container-infra']) as rules:
            self.assertEqual({}, yaml.safe_load(rules) or {})
