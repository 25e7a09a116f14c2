"""Write Magnum's policy for Horizon's checks, from the installed Magnum.

``default_policies/magnum.yaml`` holds the rule defaults in the list format
Horizon reads from DEFAULT_POLICY_FILES: that is what the checks use.
``magnum_policy.yaml`` (POLICY_FILES) is the operators' override file, as
oslopolicy-sample-generator writes one: every rule commented out, so it adds
nothing until a rule is uncommented (oslo.policy warns about rules that only
repeat a default).
"""

import os

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
REGENERATE = '# Regenerate with: python -m magnum_ui.conf.generate_policy\n'
SAMPLE_HEADER = (
    "# Overrides of Magnum's policy (POLICY_FILES['container-infra']) for\n"
    "# Horizon's checks of the container-infra service. The defaults are\n"
    "# in default_policies/magnum.yaml; uncomment a rule here to change it.\n"
    + REGENERATE + '\n')
DEFAULTS_HEADER = (
    "# Magnum's default policy, for Horizon's policy checks of the\n"
    "# container-infra service (DEFAULT_POLICY_FILES['container-infra']).\n"
    + REGENERATE + '\n')


def sample(rules):
    lines = [SAMPLE_HEADER]
    for rule in rules:
        for text in (rule.description or '').strip().splitlines():
            lines.append('# %s\n' % text.strip())
        lines.append('#"%s": "%s"\n\n' % (rule.name, rule.check_str))
    return ''.join(lines)


def defaults(rules):
    return DEFAULTS_HEADER + yaml.safe_dump(
        [{'name': rule.name, 'check_str': rule.check_str,
          'description': rule.description or '',
          'scope_types': list(getattr(rule, 'scope_types', None) or [])}
         for rule in rules], default_flow_style=False, width=100)


def main():
    from magnum.common import policies
    rules = list(policies.list_rules())
    with open(os.path.join(HERE, 'magnum_policy.yaml'), 'w') as out:
        out.write(sample(rules))
    os.makedirs(os.path.join(HERE, 'default_policies'), exist_ok=True)
    with open(os.path.join(HERE, 'default_policies', 'magnum.yaml'),
              'w') as out:
        out.write(defaults(rules))


if __name__ == '__main__':
    main()
