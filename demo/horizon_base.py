"""The Django wiring Horizon's own settings module sets up beyond defaults.

Kept apart from demo/settings.py so that file holds only this project's
choices. Values follow openstack_dashboard/settings.py of Horizon 27.
"""

import os

import openstack_dashboard

ROOT_PATH = os.path.dirname(os.path.abspath(openstack_dashboard.__file__))
ROOT_URLCONF = 'openstack_dashboard.urls'
WSGI_APPLICATION = 'demo.wsgi.application'

WEBROOT = '/'
LOGIN_URL = '/auth/login/'
LOGOUT_URL = '/auth/logout/'
LOGIN_ERROR = '/auth/error/'
LOGIN_REDIRECT_URL = '/'
STATIC_URL = '/static/'
MEDIA_URL = '/media/'
USER_MENU_LINKS = []

HORIZON_BASE_CONFIG = {
    'ajax_queue_limit': 10,
    'auto_fade_alerts': {'delay': 3000, 'fade_duration': 1500,
                         'types': ['alert-success', 'alert-info']},
    'bug_url': None,
    'help_url': 'https://docs.openstack.org/',
    'modal_backdrop': 'static',
    'angular_modules': [],
    'js_files': [],
    'js_spec_files': [],
    'external_templates': [],
    'plugins': [],
    'integration_tests_support': False,
}

MIDDLEWARE = (
    'openstack_auth.middleware.OpenstackAuthMonkeyPatchMiddleware',
    'debreach.middleware.RandomCommentMiddleware',
    'django.middleware.common.CommonMiddleware',
    'django.middleware.csrf.CsrfViewMiddleware',
    'django.contrib.sessions.middleware.SessionMiddleware',
    'django.contrib.auth.middleware.AuthenticationMiddleware',
    'horizon.middleware.OperationLogMiddleware',
    'horizon.middleware.SimultaneousSessionsMiddleware',
    'django.contrib.messages.middleware.MessageMiddleware',
    'horizon.middleware.HorizonMiddleware',
    'horizon.themes.ThemeMiddleware',
    'django.middleware.locale.LocaleMiddleware',
    'django.middleware.clickjacking.XFrameOptionsMiddleware',
)

_TEMPLATE_LOADERS = [
    'django.template.loaders.filesystem.Loader',
    'django.template.loaders.app_directories.Loader',
    'horizon.loaders.TemplateLoader',
]
TEMPLATES = [{
    'BACKEND': 'django.template.backends.django.DjangoTemplates',
    'DIRS': [os.path.join(ROOT_PATH, 'templates')],
    'OPTIONS': {
        'context_processors': [
            'django.template.context_processors.debug',
            'django.template.context_processors.i18n',
            'django.template.context_processors.request',
            'django.template.context_processors.media',
            'django.template.context_processors.static',
            'django.contrib.messages.context_processors.messages',
            'horizon.context_processors.horizon',
            'openstack_dashboard.context_processors.openstack',
        ],
        'loaders': [
            'horizon.themes.ThemeTemplateLoader',
            ('django.template.loaders.cached.Loader', _TEMPLATE_LOADERS),
        ],
    },
}]

STATICFILES_FINDERS = (
    'django.contrib.staticfiles.finders.FileSystemFinder',
    'horizon.contrib.staticfiles.finders.HorizonStaticFinder',
    'compressor.finders.CompressorFinder',
)
COMPRESS_PRECOMPILERS = (
    ('text/scss', 'horizon.utils.scss_filter.ScssFilter'),
)
COMPRESS_FILTERS = {
    'css': ('compressor.filters.css_default.CssAbsoluteFilter',),
    'js': ('compressor.filters.jsmin.rJSMinFilter',),
}
COMPRESS_ENABLED = True
COMPRESS_OUTPUT_DIR = 'dashboard'
COMPRESS_CSS_HASHING_METHOD = 'hash'
COMPRESS_PARSER = 'compressor.parser.HtmlParser'
COMPRESS_OFFLINE_CONTEXT = 'horizon.themes.offline_context'

INSTALLED_APPS = [
    'openstack_dashboard',
    'django.contrib.contenttypes',
    'django.contrib.auth',
    'django.contrib.sessions',
    'django.contrib.messages',
    'django.contrib.staticfiles',
    'django.contrib.humanize',
    'debreach',
    'compressor',
    'horizon',
    'openstack_auth',
]
ADD_INSTALLED_APPS = []
AUTHENTICATION_BACKENDS = ('openstack_auth.backend.KeystoneBackend',)
AUTH_USER_MODEL = 'openstack_auth.User'
MESSAGE_STORAGE = 'django.contrib.messages.storage.fallback.FallbackStorage'
SESSION_COOKIE_HTTPONLY = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_SERIALIZER = 'openstack_auth.serializers.HorizonSerializer'
CSRF_FAILURE_VIEW = 'openstack_dashboard.views.csrf_failure'
LANGUAGE_CODE = 'en'
LANGUAGE_COOKIE_NAME = 'horizon_language'
USE_I18N = True
USE_TZ = True
DEFAULT_EXCEPTION_REPORTER_FILTER = 'horizon.exceptions.HorizonReporterFilter'

from openstack_dashboard.utils import settings as _settings_utils  # noqa: E402

XSTATIC_MODULES = list(_settings_utils.BASE_XSTATIC_MODULES)
