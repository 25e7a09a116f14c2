"""Magnum's policy for Horizon, and the settings snippet registering it."""

import os

CONF_DIR = os.path.dirname(os.path.abspath(__file__))
POLICY_SNIPPET = os.path.join(CONF_DIR, 'local_settings.d',
                              '_1370_container_infra_policy.py')


def register_policy(settings_namespace):
    """Run the snippet in a settings module's namespace, as Horizon runs
    ``local_settings.d`` files (for settings of our own: demo, tests).
    """
    with open(POLICY_SNIPPET) as snippet:
        exec(compile(snippet.read(), POLICY_SNIPPET, 'exec'),  # noqa: S102
             settings_namespace)
