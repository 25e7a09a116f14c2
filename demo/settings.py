"""Horizon settings for the demo and the end-to-end tests.

Horizon's own ``openstack_dashboard.settings`` writes a secret key into
site-packages and expects memcached, and its wsgi module forces that
settings module; this one starts from Horizon's defaults instead.
Configuration comes from the environment (see README.md, "Configuration").
"""

import os

from horizon.utils.escape import monkeypatch_escape
from horizon.utils import secret_key
from openstack_dashboard import enabled as horizon_enabled
from openstack_dashboard import exceptions
from openstack_dashboard import theme_settings
from openstack_dashboard.utils import settings as settings_utils

from demo import enabled_dir
from magnum_ui import conf as magnum_ui_conf

monkeypatch_escape()

from openstack_dashboard.defaults import *  # noqa: E402,F403,H303
from demo.horizon_base import *  # noqa: E402,F403,H303

STATE_DIR = os.path.abspath(os.environ.get(
    'MAGNUM_UI_DEMO_DIR',
    os.path.join(os.path.dirname(os.path.dirname(__file__)), '.demo')))
os.makedirs(STATE_DIR, exist_ok=True)

DEBUG = os.environ.get('MAGNUM_UI_DEBUG', '') == '1'
ALLOWED_HOSTS = ['127.0.0.1', 'localhost']
SECRET_KEY = os.environ.get('MAGNUM_UI_SECRET_KEY') or \
    secret_key.generate_or_read_from_file(
        os.path.join(STATE_DIR, '.secret_key_store'))

OPENSTACK_KEYSTONE_URL = os.environ.get(
    'MAGNUM_UI_KEYSTONE_URL', 'http://127.0.0.1:5000/v3')
OPENSTACK_KEYSTONE_DEFAULT_DOMAIN = 'Default'
OPENSTACK_KEYSTONE_DEFAULT_ROLE = 'member'
OPENSTACK_NEUTRON_NETWORK = dict(OPENSTACK_NEUTRON_NETWORK,  # noqa: F405
                                 enable_router=True, enable_quotas=False,
                                 enable_ipv6=False,
                                 enable_fip_topology_check=False)

# No memcached needed: sessions in signed cookies, a local memory cache.
SESSION_ENGINE = 'django.contrib.sessions.backends.signed_cookies'
CACHES = {'default': {
    'BACKEND': 'django.core.cache.backends.locmem.LocMemCache',
    # Room for the panel's short caches beside the compressor's entries.
    'OPTIONS': {'MAX_ENTRIES': 10000}}}

# Stall time of busy clusters (magnum_ui's default: 600 s); the e2e tests
# shorten it.
if os.environ.get('MAGNUM_UI_STALL_SECONDS'):
    MAGNUM_UI_STALL_SECONDS = int(os.environ['MAGNUM_UI_STALL_SECONDS'])

STATIC_ROOT = os.path.join(STATE_DIR, 'static')
MEDIA_ROOT = os.path.join(STATE_DIR, 'media')
COMPRESS_OFFLINE = os.environ.get('MAGNUM_UI_COMPRESS_OFFLINE', '1') == '1'
COMPRESS_ROOT = STATIC_ROOT

HORIZON_CONFIG = dict(
    HORIZON_BASE_CONFIG,  # noqa: F405
    user_home='/project/clusters/',
    exceptions={'recoverable': exceptions.RECOVERABLE,
                'not_found': exceptions.NOT_FOUND,
                'unauthorized': exceptions.UNAUTHORIZED})

POLICY_FILES = dict(POLICY_FILES)  # noqa: F405
DEFAULT_POLICY_FILES = dict(DEFAULT_POLICY_FILES)  # noqa: F405
# The snippet operators copy into local_settings.d, run as Horizon runs it.
magnum_ui_conf.register_policy(globals())

AVAILABLE_THEMES, SELECTABLE_THEMES, DEFAULT_THEME = (
    theme_settings.get_available_themes(
        AVAILABLE_THEMES, DEFAULT_THEME, SELECTABLE_THEMES))  # noqa: F405
STATICFILES_DIRS = theme_settings.get_theme_static_dirs(
    AVAILABLE_THEMES, THEME_COLLECTION_DIR, ROOT_PATH)  # noqa: F405
settings_utils.find_static_files(HORIZON_CONFIG, AVAILABLE_THEMES,
                                 THEME_COLLECTION_DIR, ROOT_PATH)  # noqa

INSTALLED_APPS = list(INSTALLED_APPS)  # noqa: F405
# off: Horizon alone, for bench/scale.py's memory figure without the plugin
WITH_PLUGIN = os.environ.get('MAGNUM_UI_DEMO_PLUGIN', 'on') != 'off'
settings_utils.update_dashboards(
    [horizon_enabled] + ([enabled_dir.load()] if WITH_PLUGIN else []),
    HORIZON_CONFIG, INSTALLED_APPS)
INSTALLED_APPS[0:0] = ADD_INSTALLED_APPS  # noqa: F405
XSTATIC_MODULES = XSTATIC_MODULES + HORIZON_CONFIG['xstatic_modules']  # noqa
STATICFILES_DIRS += settings_utils.get_xstatic_dirs(
    XSTATIC_MODULES, HORIZON_CONFIG)

HORIZON_COMPRESS_OFFLINE_CONTEXT_BASE = {
    'WEBROOT': WEBROOT,  # noqa: F405
    'STATIC_URL': STATIC_URL,  # noqa: F405
    'HORIZON_CONFIG': HORIZON_CONFIG,
    'NG_TEMPLATE_CACHE_AGE': 0 if DEBUG else NG_TEMPLATE_CACHE_AGE,  # noqa
}

LOGGING = {
    'version': 1,
    'disable_existing_loggers': False,
    'handlers': {'console': {'class': 'logging.StreamHandler'}},
    'root': {'handlers': ['console'],
             'level': os.environ.get('MAGNUM_UI_LOG_LEVEL', 'WARNING')},
}
