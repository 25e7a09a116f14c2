# Registers Magnum's policy ("container-infra") for Horizon's policy checks,
# so the Container Infra panels offer only the actions Magnum allows.
#
# Copy this file into openstack_dashboard/local/local_settings.d/: Horizon
# runs those snippets inside its settings, where POLICY_FILES and
# DEFAULT_POLICY_FILES are already defined.
import os as _os

import magnum_ui.conf as _magnum_ui_conf

_magnum_ui_conf_dir = _os.path.dirname(
    _os.path.abspath(_magnum_ui_conf.__file__))
POLICY_FILES['container-infra'] = _os.path.join(  # noqa: F821
    _magnum_ui_conf_dir, 'magnum_policy.yaml')
DEFAULT_POLICY_FILES['container-infra'] = _os.path.join(  # noqa: F821
    _magnum_ui_conf_dir, 'default_policies', 'magnum.yaml')
