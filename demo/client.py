"""An HTTP client of the demo dashboard, for benchmarks and fault tests.

    port = free_port()
    session = login('http://127.0.0.1:%d' % port, 'demo', 'demo')

``login`` goes through Horizon's own login form (CSRF token, region) and
returns a requests.Session carrying the session cookie.
"""

import re
import socket

import requests

TIMEOUT = 60


def free_port():
    with socket.socket() as sock:
        sock.bind(('127.0.0.1', 0))
        return sock.getsockname()[1]


def login(base_url, username, password, timeout=TIMEOUT):
    """A requests.Session logged in through Horizon's login form."""
    session = requests.Session()
    page = session.get(base_url + '/auth/login/', timeout=timeout)
    form = {'csrfmiddlewaretoken': session.cookies['csrftoken'],
            'username': username, 'password': password}
    region = re.search(r'name="region"[^>]*value="([^"]*)"', page.text)
    if region:
        form['region'] = region.group(1)
    answer = session.post(base_url + '/auth/login/', data=form,
                          headers={'Referer': base_url + '/auth/login/'},
                          timeout=timeout)
    if '/auth/login' in answer.url:
        raise RuntimeError('login of %s failed' % username)
    return session
