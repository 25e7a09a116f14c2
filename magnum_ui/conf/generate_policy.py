"""Write Magnum's policy defaults for Horizon's policy checks.

``magnum_policy.yaml`` is the rule file (POLICY_FILES['container-infra']);
``default_policies/magnum.yaml`` the rule defaults in the list format Horizon
reads from DEFAULT_POLICY_FILES. Both come from the installed Magnum.
"""

import os

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
HEADER = (
    "# Magnum's default policy, for Horizon's policy checks of the\n"
    "# container-infra service (POLICY_FILES['container-infra']).\n"
    "# Regenerate with: python -m magnum_ui.conf.generate_policy\n\n")


def main():
    from magnum.common import policies
    rules = list(policies.list_rules())
    with open(os.path.join(HERE, 'magnum_policy.yaml'), 'w') as out:
        out.write(HEADER)
        for rule in rules:
            out.write('"%s": "%s"\n' % (rule.name, rule.check_str))
    defaults = [{'name': rule.name, 'check_str': rule.check_str,
                 'description': rule.description or '',
                 'scope_types': list(getattr(rule, 'scope_types', None) or [])}
                for rule in rules]
    os.makedirs(os.path.join(HERE, 'default_policies'), exist_ok=True)
    with open(os.path.join(HERE, 'default_policies', 'magnum.yaml'),
              'w') as out:
        out.write(HEADER.replace("POLICY_FILES", "DEFAULT_POLICY_FILES"))
        yaml.safe_dump(defaults, out, default_flow_style=False, width=100)


if __name__ == '__main__':
    main()
