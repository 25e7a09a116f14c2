"""The operator guide names every setting the plugin reads and every
policy rule it checks (fast: reads files, builds nothing)."""

import os
import re
import unittest

REPO = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
PACKAGE = os.path.join(REPO, 'magnum_ui')
OPERATOR = os.path.join(REPO, 'docs', 'source', 'operator')
SETTING = re.compile(r"getattr\(settings, '([A-Z_]+)'")
RULE = re.compile(r"['\"]((?:cluster|clustertemplate|certificate|credential|"
                  r"quota|magnum-service|nodegroup|federation|stats):"
                  r"[a-z_]+)['\"]")


def _read(path):
    with open(path, encoding='utf-8') as source:
        return source.read()


def _plugin_code():
    for folder, _dirs, files in os.walk(PACKAGE):
        for name in files:
            if name.endswith('.py') and 'conf' not in folder.split(os.sep):
                yield _read(os.path.join(folder, name))


class OperatorGuideTests(unittest.TestCase):
    def test_every_setting_read_is_documented(self):
        read = {name for code in _plugin_code()
                for name in SETTING.findall(code)}
        self.assertIn('MAGNUM_UI_API_TIMEOUT', read)  # the scan works
        documented = _read(os.path.join(OPERATOR, 'settings.rst'))
        self.assertEqual([], sorted(name for name in read
                                    if '``%s' % name not in documented))

    def test_every_policy_rule_checked_is_documented(self):
        checked = {rule for code in _plugin_code()
                   for rule in RULE.findall(code)}
        self.assertIn('clustertemplate:publish', checked)
        documented = _read(os.path.join(OPERATOR, 'policy.rst'))
        self.assertEqual([], sorted(rule for rule in checked
                                    if '``%s``' % rule not in documented))
