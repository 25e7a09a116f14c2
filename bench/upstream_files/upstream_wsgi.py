"""WSGI entry of upstream's Horizon; serves static files like demo/wsgi.py."""

import os

from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.wsgi import get_wsgi_application

os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'upstream_settings')
application = StaticFilesHandler(get_wsgi_application())
