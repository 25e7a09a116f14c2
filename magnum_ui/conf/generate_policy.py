"""Write magnum_policy.yaml from the installed Magnum's policy defaults."""

import os

HEADER = (
    "# Magnum's default policy, for Horizon's policy checks of the\n"
    "# container-infra service (POLICY_FILES['container-infra']).\n"
    "# Regenerate with: python -m magnum_ui.conf.generate_policy\n\n")


def main():
    from magnum.common import policies
    path = os.path.join(os.path.dirname(__file__), 'magnum_policy.yaml')
    with open(path, 'w') as out:
        out.write(HEADER)
        for rule in policies.list_rules():
            out.write('"%s": "%s"\n' % (rule.name, rule.check_str))


if __name__ == '__main__':
    main()
