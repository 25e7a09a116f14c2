"""Helpers of the fault suite (test_faults.py): the Horizon under test, a
logged-in HTTP client, form scraping, and what a faulty answer must be.

The Horizon under test is the demo one (gunicorn, demo settings) with
``tests.integration.faults_settings`` on top: short Magnum/Heat timeouts
and the internal catalogue interface, which sandbox.faultproxy points at
the proxies (see its docstring).
"""

import html.parser
import json
import os
import queue
import re
import signal
import subprocess
import time

import requests

from demo import server

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
SETTINGS = 'tests.integration.faults_settings'

API_TIMEOUT = 3.0           # MAGNUM_UI_API_TIMEOUT of the Horizon under test
VERSION_TIMEOUT = 2.0       # MAGNUM_UI_VERSION_TIMEOUT
# MAGNUM_UI_VERSION_FAILURE_TTL and MAGNUM_UI_BACKEND_FAILURE_TTL (breaker)
FAILURE_TTL = 3.0
ANSWER_LIMIT = API_TIMEOUT + 5   # seconds one answer of the dashboard may take
FAST_LIMIT = 3.0            # a page that does not need the faulty service

TRACEBACK_RE = re.compile(r'Traceback \(most recent call last\)')


class FaultHorizon(server.HorizonServer):
    """The demo Horizon with the fault settings and its own log file."""

    def __init__(self, keystone_url, state_dir, port, workers=2, threads=8):
        super().__init__(keystone_url, state_dir, port=port, workers=workers)
        self.threads = threads
        self.log_path = os.path.join(state_dir, 'horizon-faults.log')

    def start(self, timeout=90):
        server.prepare(self.keystone_url, self.state_dir)
        env = server.environment(self.keystone_url, self.state_dir)
        env.update({
            'DJANGO_SETTINGS_MODULE': SETTINGS,
            'MAGNUM_UI_API_TIMEOUT': str(API_TIMEOUT),
            'MAGNUM_UI_VERSION_TIMEOUT': str(VERSION_TIMEOUT),
            'MAGNUM_UI_VERSION_FAILURE_TTL': str(FAILURE_TTL),
            'MAGNUM_UI_BACKEND_FAILURE_TTL': str(FAILURE_TTL),
        })
        log = open(self.log_path, 'ab')
        self.process = subprocess.Popen(
            [os.path.join(server.VENV_BIN, 'gunicorn'),
             '--bind', '127.0.0.1:%d' % self.port,
             '--workers', str(self.workers), '--threads', str(self.threads),
             '--timeout', '120', '--log-level', 'warning',
             'demo.wsgi:application'],
            env=env, cwd=REPO_ROOT, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True)
        self._wait(timeout)
        return self

    def stop(self):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.process = None

    def log_size(self):
        try:
            return os.path.getsize(self.log_path)
        except OSError:
            return 0

    def log_since(self, offset):
        with open(self.log_path, 'rb') as log:
            log.seek(offset)
            return log.read().decode('utf-8', 'replace')


# --- forms -------------------------------------------------------------------
class _FormParser(html.parser.HTMLParser):
    """Every <form>: id, action, and the fields a browser would submit."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms = []
        self._form = None
        self._select = None
        self._options = []
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == 'form':
            self._form = {'id': attrs.get('id'), 'action': attrs.get('action'),
                          'fields': [], 'options': {}}
            self.forms.append(self._form)
        if self._form is None:
            return
        name = attrs.get('name')
        if tag == 'input' and name:
            kind = (attrs.get('type') or 'text').lower()
            if kind in ('submit', 'button', 'image', 'reset', 'file'):
                return
            if kind in ('checkbox', 'radio') and 'checked' not in attrs:
                return
            default = 'on' if kind in ('checkbox', 'radio') else ''
            self._form['fields'].append((name, attrs.get('value', default)))
        elif tag == 'select' and name:
            self._select = name
            self._options = []
        elif tag == 'option' and self._select:
            self._options.append((attrs.get('value', ''),
                                  'selected' in attrs))
        elif tag == 'textarea' and name:
            self._textarea = [name, '']

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == 'select' and self._select:
            chosen = [v for v, sel in self._options if sel] or \
                [v for v, _ in self._options[:1]]
            if chosen:
                self._form['fields'].append((self._select, chosen[0]))
            self._form['options'][self._select] = [
                v for v, _ in self._options]
            self._select = None
        elif tag == 'textarea' and self._textarea is not None:
            self._form['fields'].append(tuple(self._textarea))
            self._textarea = None
        elif tag == 'form':
            self._form = None


def forms_of(page):
    parser = _FormParser()
    parser.feed(page)
    return parser.forms


FIRST_CHOICE = object()   # in a form's changes: the first non-empty option


def form_with(page, field, changes=None):
    """The fields (a dict) of the first form that has ``field``, with
    ``changes`` applied."""
    for form in forms_of(page):
        fields = dict(form['fields'])
        if field in fields:
            for name, value in (changes or {}).items():
                if value is FIRST_CHOICE:
                    value = next(v for v in form['options'].get(name, ())
                                 if v)
                fields[name] = value
            return fields
    raise AssertionError('no form with a %r field' % field)


# --- the client --------------------------------------------------------------
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
    another's page."""

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
