"""A logged-in Horizon user over HTTP, and what an answer shows.

``Dashboard`` follows redirects itself, timing each hop; ``Answer`` keeps
everything needed to judge one request; ``error_messages`` finds the error
messages the user sees (Horizon's alerts, X-Horizon-Messages, a JSON error,
the Progress tab's explanation).
"""

import json
import queue
import re
import time

import requests

from tests.integration.faults.forms import form_with

TRACEBACK_RE = re.compile(r'Traceback \(most recent call last\)')


class Answer(object):
    """One request of the dashboard and everything needed to judge it."""

    def __init__(self, label, response=None, error=None, elapsed=0.0,
                 hops=()):
        self.label = label
        self.response = response
        self.error = error
        self.elapsed = elapsed          # the whole request, redirects included
        self.hops = list(hops)          # (status, seconds, url) of each answer
        self.final = None               # the page after a redirect, if any
        self.messages = []              # the error messages found

    @property
    def status(self):
        return self.response.status_code if self.response is not None \
            else None

    @property
    def slowest_hop(self):
        return max([s for _, s, _ in self.hops] or [self.elapsed])

    def summary(self):
        return '%s: %s in %.1fs (%s) %s' % (
            self.label, self.status or self.error, self.elapsed,
            ', '.join('%s %.1fs' % (code, secs) for code, secs, _
                      in self.hops), '; '.join(self.messages)[:300])


class Pool(object):
    """Several logged-in sessions of one user: requests made at once each
    get their own, so one request's queued message never shows on
    another's page.
    """

    def __init__(self, sessions):
        self._free = queue.Queue()
        for session in sessions:
            self._free.put(session)

    def request(self, method, path, **kwargs):
        session = self._free.get(timeout=120)
        try:
            return session.request(method, path, **kwargs)
        finally:
            self._free.put(session)

    def get(self, path, **kwargs):
        return self.request('GET', path, **kwargs)

    def post(self, path, data, **kwargs):
        return self.request('POST', path, data=data, **kwargs)


def login(base_url, sandbox, name):
    """A Dashboard of the seeded login ``name``, logged in."""
    info = sandbox['logins'][name]
    return Dashboard(base_url, info['username'], info['password']).login()


class Dashboard(object):
    """A logged-in Horizon user over HTTP (requests.Session)."""

    def __init__(self, base_url, username, password):
        self.base_url = base_url
        self.username = username
        self.password = password
        self.http = requests.Session()

    def login(self):
        self.http.cookies.clear()
        page = self.http.get(self.base_url + '/auth/login/', timeout=30)
        fields = form_with(page.text, 'username')
        fields.update(username=self.username, password=self.password)
        answer = self.http.post(self.base_url + '/auth/login/', data=fields,
                                timeout=60, allow_redirects=False)
        assert answer.status_code == 302 and '/auth/login' not in \
            answer.headers.get('Location', ''), (
                'login of %s failed: %s' % (self.username, answer.status_code))
        return self

    def csrf(self):
        return self.http.cookies.get('csrftoken')

    def request(self, method, path, data=None, ajax=False, timeout=60,
                label=None, follow=True):
        # No kept-alive connection: gunicorn may close an idle one just as
        # it is reused (a reset that would look like Horizon's failure).
        headers = {'Referer': self.base_url + path, 'Connection': 'close'}
        if ajax:
            headers['X-Requested-With'] = 'XMLHttpRequest'
        if data is not None:
            data = dict(data, csrfmiddlewaretoken=self.csrf())
        hops, responses = [], []
        started = time.monotonic()
        url = self.base_url + path
        try:
            response = self.http.request(method, url, data=data,
                                         headers=headers, timeout=timeout,
                                         allow_redirects=False)
            responses.append(response)
            hops.append((response.status_code,
                         time.monotonic() - started, url))
            location = response.headers.get('X-Horizon-Location') or (
                response.headers.get('Location')
                if response.status_code in (301, 302, 303) else None)
            while follow and location and len(hops) < 5:
                url = requests.compat.urljoin(url, location)
                hop_start = time.monotonic()
                response = self.http.get(url, timeout=timeout,
                                         allow_redirects=False,
                                         headers={'Referer': url,
                                                  'Connection': 'close'})
                responses.append(response)
                hops.append((response.status_code,
                             time.monotonic() - hop_start, url))
                location = response.headers.get('Location') \
                    if response.status_code in (301, 302, 303) else None
        except requests.RequestException as exc:
            return Answer(label or path, error='%s: %s' % (
                type(exc).__name__, exc), elapsed=time.monotonic() - started,
                hops=hops)
        answer = Answer(label or path, response,
                        elapsed=time.monotonic() - started, hops=hops)
        for earlier in responses[:-1]:
            answer.messages += error_messages(earlier)
        answer.messages += error_messages(response)
        return answer

    def get(self, path, **kwargs):
        return self.request('GET', path, **kwargs)

    def post(self, path, data, **kwargs):
        return self.request('POST', path, data=data, **kwargs)


# --- judging an answer -------------------------------------------------------
SUCCESS_RE = re.compile(r'class="alert alert-success')
ALERT_RE = re.compile(
    r'<div[^>]*class="[^"]*alert-danger[^"]*"[^>]*>(.*?)</div>', re.S)
PROGRESS_INFO_RE = re.compile(
    r'id="mui-progress-(?:unavailable|failure)"[^>]*>(.*?)</div>', re.S)
TAG_RE = re.compile(r'<[^>]+>')
# The base template's "requires JavaScript" alert, in every page.
NOSCRIPT_RE = re.compile(r'<noscript>.*?</noscript>', re.S)


def _text(fragment):
    return ' '.join(TAG_RE.sub(' ', fragment).split())


def error_messages(response):
    """Error messages the user sees in this answer (page, AJAX or JSON)."""
    found = []
    header = response.headers.get('X-Horizon-Messages')
    if header:
        for tag, message, _extra in json.loads(header):
            if 'error' in tag or 'danger' in tag:
                found.append(_text(message))
    content_type = response.headers.get('Content-Type', '')
    if 'json' in content_type:
        try:
            body = response.json()
        except ValueError:
            return found
        if isinstance(body, dict) and body.get('error'):
            found.append(str(body['error']))
        return found
    if 'html' not in content_type:
        return found
    page = NOSCRIPT_RE.sub('', response.text)
    found += [_text(m) for m in ALERT_RE.findall(page)]
    found += [_text(m) for m in PROGRESS_INFO_RE.findall(page)]
    return [m for m in found if m]


def has_traceback(answer):
    return answer.response is not None and bool(
        TRACEBACK_RE.search(answer.response.text))
