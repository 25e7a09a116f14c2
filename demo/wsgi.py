"""WSGI entry of the demo dashboard (gunicorn ``demo.wsgi:application``).

Static files are served by the application itself: the demo has no web
server in front. A production install serves them from a web server.
"""

import os

from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.wsgi import get_wsgi_application

os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'demo.settings')
application = StaticFilesHandler(get_wsgi_application())


def _load_policies():
    """Horizon builds its policy enforcers on first use, publishing the
    dictionary before it fills it: a request on another thread of a fresh
    worker can meet it without a service's rules, and a service missing
    from it is allowed everything (the demo user was once offered the
    "Public" box). Built here, before the worker takes requests.
    """
    from openstack_auth import policy
    policy._get_enforcer()


_load_policies()
