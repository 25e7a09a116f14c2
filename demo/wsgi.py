"""WSGI entry of the demo dashboard (gunicorn ``demo.wsgi:application``).

Static files are served by the application itself: the demo has no web
server in front. A production install serves them from a web server.
"""

import os

from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.wsgi import get_wsgi_application

os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'demo.settings')
application = StaticFilesHandler(get_wsgi_application())
