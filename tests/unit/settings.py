"""Unit-test settings: Horizon's test settings plus the enabled files."""

from openstack_dashboard import enabled as horizon_enabled
from openstack_dashboard.test.settings import *  # noqa: F403,H303
from openstack_dashboard.utils import settings as settings_utils

from demo import enabled_dir
from magnum_ui import conf as magnum_ui_conf

# Horizon's test settings already applied its own enabled files; applying
# them again together with ours rebuilds the panel configuration, so first
# forget what that first pass added.
for _key in ('plugins', 'scss_files', 'xstatic_modules', 'angular_modules',
             'dashboards'):
    HORIZON_CONFIG[_key] = []  # noqa: F405
_plugin_apps = []
settings_utils.update_dashboards(
    [horizon_enabled, enabled_dir.load()], HORIZON_CONFIG, _plugin_apps)
INSTALLED_APPS = list(dict.fromkeys(_plugin_apps + list(INSTALLED_APPS)))  # noqa
HORIZON_CONFIG['js_files'] = list(dict.fromkeys(HORIZON_CONFIG['js_files']))  # noqa
HORIZON_CONFIG['user_home'] = '/project/clusters/'  # noqa: F405

POLICY_FILES = dict(POLICY_FILES)  # noqa: F405
DEFAULT_POLICY_FILES = dict(DEFAULT_POLICY_FILES)  # noqa: F405
# The snippet operators copy into local_settings.d, run as Horizon runs it.
magnum_ui_conf.register_policy(globals())
POLICY_CHECK_FUNCTION = 'openstack_auth.policy.check'

# Parse each template once per test run instead of once per render: Horizon
# pages include hundreds of templates. Tests that change templates at run
# time do not exist here.
TEMPLATES[0]['OPTIONS']['loaders'] = [  # noqa: F405
    ('django.template.loaders.cached.Loader',
     TEMPLATES[0]['OPTIONS']['loaders'])]  # noqa: F405

# The compressor alone keeps hundreds of entries in the cache: with
# LocMemCache's default of 300, the panel's short caches (template names,
# usage, row progress) would be culled between two requests of a test.
CACHES = {'default': {
    'BACKEND': 'django.core.cache.backends.locmem.LocMemCache',
    'OPTIONS': {'MAX_ENTRIES': 10000},
}}
