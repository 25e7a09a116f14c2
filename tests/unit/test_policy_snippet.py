"""The local_settings.d snippet operators copy to register Magnum's policy."""

import os
import unittest

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
