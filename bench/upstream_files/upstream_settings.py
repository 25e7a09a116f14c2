"""Horizon settings for upstream magnum-ui, run by bench/upstream.py.

Copied into .bench/upstream-state/ and imported by the upstream venv only
(this checkout's magnum_ui must not be importable there).  demo/settings.py
with upstream's enabled files (the ``magnum_ui.enabled`` package of
magnum-ui 19.0.0, all five) instead of ours; no policy file, as upstream
ships none for container-infra (Horizon then allows every action).
"""
import os

from horizon.utils.escape import monkeypatch_escape
from horizon.utils import secret_key
from openstack_dashboard import enabled as horizon_enabled
from openstack_dashboard import exceptions
from openstack_dashboard import theme_settings
from openstack_dashboard.utils import settings as settings_utils

import magnum_ui.enabled as magnum_ui_enabled

monkeypatch_escape()

from openstack_dashboard.defaults import *  # noqa
from bench_horizon_base import *  # noqa  (a copy of demo/horizon_base.py)

STATE_DIR = os.path.dirname(os.path.abspath(__file__))
DEBUG = False
ALLOWED_HOSTS = ['127.0.0.1', 'localhost']
SECRET_KEY = secret_key.generate_or_read_from_file(
    os.path.join(STATE_DIR, '.secret_key_store'))
OPENSTACK_KEYSTONE_URL = os.environ['UPSTREAM_KEYSTONE_URL']
OPENSTACK_KEYSTONE_DEFAULT_DOMAIN = 'Default'
OPENSTACK_KEYSTONE_DEFAULT_ROLE = 'member'
OPENSTACK_NEUTRON_NETWORK = dict(
    OPENSTACK_NEUTRON_NETWORK, enable_router=True, enable_quotas=False,
    enable_ipv6=False, enable_fip_topology_check=False)
SESSION_ENGINE = 'django.contrib.sessions.backends.signed_cookies'
CACHES = {'default': {
    'BACKEND': 'django.core.cache.backends.locmem.LocMemCache'}}
STATIC_ROOT = os.path.join(STATE_DIR, 'static')
MEDIA_ROOT = os.path.join(STATE_DIR, 'media')
COMPRESS_OFFLINE = True
COMPRESS_ROOT = STATIC_ROOT
HORIZON_CONFIG = dict(
    HORIZON_BASE_CONFIG, user_home='/project/clusters/',
    exceptions={'recoverable': exceptions.RECOVERABLE,
                'not_found': exceptions.NOT_FOUND,
                'unauthorized': exceptions.UNAUTHORIZED})
POLICY_FILES = dict(POLICY_FILES)
DEFAULT_POLICY_FILES = dict(DEFAULT_POLICY_FILES)
AVAILABLE_THEMES, SELECTABLE_THEMES, DEFAULT_THEME = (
    theme_settings.get_available_themes(
        AVAILABLE_THEMES, DEFAULT_THEME, SELECTABLE_THEMES))
STATICFILES_DIRS = theme_settings.get_theme_static_dirs(
    AVAILABLE_THEMES, THEME_COLLECTION_DIR, ROOT_PATH)
settings_utils.find_static_files(HORIZON_CONFIG, AVAILABLE_THEMES,
                                 THEME_COLLECTION_DIR, ROOT_PATH)
INSTALLED_APPS = list(INSTALLED_APPS)
settings_utils.update_dashboards(
    [horizon_enabled, magnum_ui_enabled], HORIZON_CONFIG, INSTALLED_APPS)
INSTALLED_APPS[0:0] = ADD_INSTALLED_APPS
XSTATIC_MODULES = XSTATIC_MODULES + HORIZON_CONFIG['xstatic_modules']
STATICFILES_DIRS += settings_utils.get_xstatic_dirs(
    XSTATIC_MODULES, HORIZON_CONFIG)
HORIZON_COMPRESS_OFFLINE_CONTEXT_BASE = {
    'WEBROOT': WEBROOT, 'STATIC_URL': STATIC_URL,
    'HORIZON_CONFIG': HORIZON_CONFIG,
    'NG_TEMPLATE_CACHE_AGE': NG_TEMPLATE_CACHE_AGE}
LOGGING = {'version': 1, 'disable_existing_loggers': False,
           'handlers': {'console': {'class': 'logging.StreamHandler'}},
           'root': {'handlers': ['console'], 'level': 'WARNING'}}
