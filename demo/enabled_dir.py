"""Load the checkout's ``enabled/`` folder as a package for update_dashboards.

The enabled files ship as data files (operators copy them into
``openstack_dashboard/local/enabled``). The project's own demo and test
settings load them straight from the checkout through a synthetic package.
"""

import os
import sys
import types

REPO_ENABLED_DIR = os.path.join(
    os.path.dirname(os.path.dirname(os.path.abspath(__file__))), 'enabled')
PACKAGE_NAME = 'magnum_ui_enabled'


def load(path=REPO_ENABLED_DIR):
    module = sys.modules.get(PACKAGE_NAME)
    if module is None:
        if not os.path.isdir(path):
            raise ImportError('no enabled files at %s' % path)
        module = types.ModuleType(PACKAGE_NAME)
        module.__path__ = [path]
        sys.modules[PACKAGE_NAME] = module
    return module
