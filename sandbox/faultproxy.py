"""A fault-injecting HTTP proxy in front of one sandbox service.

The fault suite (tests/integration/test_faults.py) puts one proxy in front
of Magnum and one in front of Heat and switches them, at run time, between

    pass          forward the request to the real service, answer what it does
    refuse        the service is stopped: the listening socket is closed, so a
                  new connection gets ECONNREFUSED; open connections are shut
    hang          accept and read the request, never answer; the connection is
                  released (closed, unanswered) when the mode changes or the
                  proxy stops
    status:<code> answer <code> with a JSON error body in the service's own
                  format (Magnum's ``{"errors": [...]}``, Heat's
                  ``{"explanation": .., "error": {..}}``); nothing forwarded
    malformed     answer 200 with a truncated JSON body; nothing forwarded

``set(mode, methods=...)`` limits the fault to some HTTP methods (e.g. the
writes ``POST PATCH PUT DELETE``): other requests are forwarded, so a form
can be rendered and validated and only Magnum's answer to the submission is
broken.  A refusal limited that way resets the matching connections after
reading the request (the listener stays open for the other methods).
A faulty answer is never forwarded, so a refused create creates nothing.

The proxy runs in threads of the calling process (``start``/``stop``; the
test fixture does that) -- there is no control endpoint.  Stdlib only:
an accept loop, ``http.server.BaseHTTPRequestHandler`` to parse requests,
``http.client`` to forward them.  It only listens on 127.0.0.1.

How the dashboard is routed through it
--------------------------------------
The plugin reads the Magnum and Heat endpoints from the user's Keystone
catalogue (``base.url_for``), so the catalogue is what is changed, not the
plugin: ``route(session, urls)`` points the **internal** catalogue endpoints
of ``container-infra`` and ``orchestration`` at the proxies and the Horizon
under test runs with ``OPENSTACK_ENDPOINT_TYPE = 'internalURL'``
(tests/integration/faults_settings.py).  Nothing else in the sandbox uses the
internal interface -- Magnum's sandbox driver talks to Heat through the
public one (``[heat_client] endpoint_type = publicURL``), Heat's clients too
(``[clients] endpoint_type = publicURL``), the seed and the tests' own
clients use public -- so a fault on "Heat" breaks the dashboard's view of
Heat but not Magnum's conductor building and syncing clusters, and no
User-Agent guessing is needed.  Keystone never caches the catalogue: tokens
issued after ``route`` (a new Horizon login) carry the proxy URLs.
``restore`` (also ``python -m sandbox.faultproxy restore``) puts the URLs
recorded in endpoints.json back; the fixture calls it at the end, also on
failure, and before routing (a run killed half-way left them changed).

Magnum's version discovery is cached per endpoint URL by the plugin; a
request path may start with a throw-away segment ``/_fp-<anything>/`` that
the proxy strips, so a test can give the dashboard a fresh endpoint URL
(hence a cold cache) that reaches the same service.
"""

import argparse
import http.client
import http.server
import json
import os
import re
import select
import socket
import struct
import sys
import threading
import time
import urllib.parse

PASS = 'pass'
REFUSE = 'refuse'
HANG = 'hang'
MALFORMED = 'malformed'
STATUS = 'status'
WRITES = ('POST', 'PUT', 'PATCH', 'DELETE')

HOP_BY_HOP = {'connection', 'keep-alive', 'proxy-authenticate',
              'proxy-authorization', 'te', 'trailer', 'trailers',
              'transfer-encoding', 'upgrade', 'content-length'}
# Headers of the real service's answers replayed on injected ones, so an
# injected Magnum error looks like Magnum's (its version range included).
STICKY_PREFIXES = ('openstack-api-',)
PREFIX_RE = re.compile(r'^/_fp-[^/]*(?=/|$)')
UPSTREAM_TIMEOUT = 120
MARKER = 'injected by sandbox.faultproxy'

TITLES = {400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden',
          404: 'Not Found', 409: 'Conflict', 500: 'Internal Server Error',
          502: 'Bad Gateway', 503: 'Service Unavailable',
          504: 'Gateway Timeout'}
HEAT_TYPES = {400: 'HTTPBadRequest', 403: 'Forbidden',
              404: 'EntityNotFound', 409: 'HTTPConflict',
              500: 'InternalError', 503: 'HTTPServiceUnavailable'}


def error_body(flavour, code):
    """An error document as the service itself would write it."""
    title = TITLES.get(code, 'Error')
    detail = '%s (%d %s).' % (MARKER, code, title)
    if flavour == 'heat':
        return {'explanation': detail, 'code': code, 'title': title,
                'error': {'message': detail, 'traceback': None,
                          'type': HEAT_TYPES.get(code, 'Error')}}
    return {'errors': [{'request_id': '', 'code': 'server' if code >= 500
                        else 'client', 'status': code, 'title': title,
                        'detail': detail, 'links': []}]}


# A body a JSON parser rejects, but long enough to look like a listing.
MALFORMED_BODY = (b'{"clusters": [{"uuid": "5e1b9a36-fault", "name": "x", '
                  b'"status": "CREATE_COMPLETE", "labels": {"a": ')


def parse_mode(mode):
    """'status:503' -> ('status', 503); others -> (mode, None)."""
    if mode.startswith(STATUS + ':'):
        code = int(mode.split(':', 1)[1])
        if not 100 <= code <= 599:
            raise ValueError('bad status %r' % mode)
        return STATUS, code
    if mode not in (PASS, REFUSE, HANG, MALFORMED):
        raise ValueError('unknown fault mode %r' % mode)
    return mode, None


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'
    server_version = 'faultproxy'
    sys_version = ''

    def log_message(self, fmt, *args):  # quiet: the proxy keeps its own log
        pass

    def handle_one_request(self):
        try:
            super().handle_one_request()
        except (ConnectionError, socket.timeout, OSError):
            self.close_connection = True

    def _body(self):
        if 'chunked' in self.headers.get('Transfer-Encoding', '').lower():
            chunks = []
            while True:
                size = int(self.rfile.readline().split(b';')[0].strip(), 16)
                if not size:
                    self.rfile.readline()
                    return b''.join(chunks)
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
        length = int(self.headers.get('Content-Length') or 0)
        return self.rfile.read(length) if length else b''

    def _any(self):
        self.server.proxy._handle(self)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = _any
    do_OPTIONS = _any


class FaultProxy(object):
    """One proxy: ``url`` in front of ``upstream`` (e.g. Magnum's root URL).

    ``flavour`` ('magnum' or 'heat') picks the error body format.
    """

    def __init__(self, upstream, flavour='magnum', host='127.0.0.1', port=0,
                 name=None):
        parsed = urllib.parse.urlsplit(upstream)
        self.upstream_host = parsed.hostname
        self.upstream_port = parsed.port or 80
        self.upstream_root = '%s://%s' % (parsed.scheme, parsed.netloc)
        self.flavour = flavour
        self.name = name or flavour
        self.host = host
        self.port = port
        self._lock = threading.Condition()
        self._mode = (PASS, None)
        self._methods = None
        self._generation = 0
        self._listener = None
        self._stopping = False
        self._connections = set()
        self._busy = set()     # connections with a request being handled
        self._thread = None
        self.sticky = {}
        self.counts = {}
        self.log = []          # (time, method, path, user agent, action)

    # --- control ------------------------------------------------------------
    @property
    def url(self):
        return 'http://%s:%d' % (self.host, self.port)

    @property
    def mode(self):
        kind, code = self._mode
        return '%s:%d' % (kind, code) if kind == STATUS else kind

    def start(self):
        self._listen()
        self._thread = threading.Thread(target=self._accept_loop,
                                        name='faultproxy-%s' % self.name,
                                        daemon=True)
        self._thread.start()
        return self

    def stop(self):
        with self._lock:
            self._stopping = True
            self._generation += 1
            self._lock.notify_all()
        self._close_listener()
        self._drop_connections()
        if self._thread:
            self._thread.join(5)

    def set(self, mode, methods=None):
        """Switch to ``mode``; ``methods``: only requests of these methods
        get the fault (None: every request)."""
        kind, code = parse_mode(mode)
        methods = frozenset(m.upper() for m in methods) if methods else None
        with self._lock:
            self._mode, self._methods = (kind, code), methods
            self._generation += 1
            self._lock.notify_all()
        refusing = kind == REFUSE and methods is None
        if refusing:
            self._close_listener()
            self._drop_connections()
        elif self._listener is None and not self._stopping:
            self._listen()
        if kind == HANG and methods is None:
            # Kept-alive connections would still be answered: start afresh.
            self._drop_connections(idle_only=True)

    def reset_counts(self):
        with self._lock:
            self.counts = {}

    # --- sockets ------------------------------------------------------------
    def _listen(self):
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((self.host, self.port))
        sock.listen(128)
        self.port = sock.getsockname()[1]
        with self._lock:
            self._listener = sock
            self._lock.notify_all()

    def _close_listener(self):
        with self._lock:
            sock, self._listener = self._listener, None
        if sock is not None:
            try:
                # Stops listening at once, even while the accept loop's
                # select() still holds the socket; close() alone would leave
                # it accepting (then resetting) until that select returns.
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            sock.close()

    def _drop_connections(self, idle_only=False):
        with self._lock:
            conns = [c for c in self._connections
                     if not (idle_only and c in self._busy)]
            if conns:
                self.counts['dropped'] = self.counts.get('dropped', 0) + \
                    len(conns)
        for conn in conns:
            _abort(conn)

    def _accept_loop(self):
        while True:
            with self._lock:
                if self._stopping:
                    return
                listener = self._listener
                if listener is None:
                    self._lock.wait(0.2)
                    continue
            try:
                ready, _, _ = select.select([listener], [], [], 0.2)
                if not ready:
                    continue
                conn, addr = listener.accept()
            except (OSError, ValueError):
                continue  # closed under us (refuse/stop)
            with self._lock:
                if self._stopping:
                    conn.close()
                    return
                self._connections.add(conn)
            threading.Thread(target=self._serve, args=(conn, addr),
                             daemon=True).start()

    def _serve(self, conn, addr):
        try:
            _Handler(conn, addr, _ServerRef(self))
        except Exception:  # a client gone mid-request: nothing to answer
            pass
        finally:
            with self._lock:
                self._connections.discard(conn)
                self._busy.discard(conn)
            try:
                conn.close()
            except OSError:
                pass

    # --- requests -----------------------------------------------------------
    def _record(self, handler, action):
        with self._lock:
            self.counts[action] = self.counts.get(action, 0) + 1
            self.log.append((time.time(), handler.command, handler.path,
                             handler.headers.get('User-Agent', ''), action))
            del self.log[:-500]

    def _handle(self, handler):
        conn = handler.connection
        with self._lock:
            self._busy.add(conn)
        try:
            body = handler._body()
            with self._lock:
                (kind, code), methods = self._mode, self._methods
                generation = self._generation
            if methods is not None and handler.command not in methods:
                kind = PASS
            self._record(handler, self.mode if kind != PASS else PASS)
            if kind == PASS:
                self._forward(handler, body)
            elif kind == REFUSE:
                handler.close_connection = True
                _abort(conn)
            elif kind == HANG:
                self._hang(handler, generation)
            elif kind == STATUS:
                self._answer(handler, code, json.dumps(
                    error_body(self.flavour, code)).encode())
            else:
                self._answer(handler, 200, MALFORMED_BODY)
        finally:
            with self._lock:
                self._busy.discard(conn)

    def _hang(self, handler, generation):
        with self._lock:
            while self._generation == generation and not self._stopping:
                self._lock.wait(1.0)
        # Released: the client gets no answer, just the connection closed.
        handler.close_connection = True
        _abort(handler.connection)

    def _answer(self, handler, code, payload):
        handler.send_response(code)
        for key, value in self.sticky.items():
            handler.send_header(key, value)
        handler.send_header('Content-Type', 'application/json')
        handler.send_header('Content-Length', str(len(payload)))
        handler.end_headers()
        if handler.command != 'HEAD':
            handler.wfile.write(payload)

    def _forward(self, handler, body):
        path = PREFIX_RE.sub('', handler.path) or '/'
        headers = {k: v for k, v in handler.headers.items()
                   if k.lower() not in HOP_BY_HOP}
        upstream = http.client.HTTPConnection(
            self.upstream_host, self.upstream_port, timeout=UPSTREAM_TIMEOUT)
        try:
            upstream.request(handler.command, path, body=body or None,
                             headers=headers)
            response = upstream.getresponse()
            payload = response.read()
            answer = response.getheaders()
        except (OSError, http.client.HTTPException) as exc:
            return self._answer(handler, 502, json.dumps(
                {'error': 'faultproxy: upstream %s: %s'
                          % (self.upstream_root, exc)}).encode())
        finally:
            upstream.close()
        handler.send_response(response.status, response.reason)
        for key, value in answer:
            low = key.lower()
            if low in HOP_BY_HOP:
                continue
            if low.startswith(STICKY_PREFIXES):
                self.sticky[key] = value
            if low == 'location' and value.startswith(self.upstream_root):
                value = self.url + value[len(self.upstream_root):]
            handler.send_header(key, value)
        handler.send_header('Content-Length', str(len(payload)))
        handler.end_headers()
        if handler.command != 'HEAD':
            handler.wfile.write(payload)


class _ServerRef(object):
    """What BaseHTTPRequestHandler wants of a server."""

    def __init__(self, proxy):
        self.proxy = proxy
        self.server_name = proxy.host
        self.server_port = proxy.port


def _abort(conn):
    """Close with a reset, as a stopped service's kernel would."""
    try:
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                        struct.pack('ii', 1, 0))
    except OSError:
        pass
    try:
        conn.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass


# --- the Keystone catalogue ------------------------------------------------
ROUTED_SERVICES = ('container-infra', 'orchestration')
INTERFACE = 'internal'


def _catalogue(session, auth_url):
    services = session.get(auth_url + '/services').json()['services']
    types = {s['id']: s['type'] for s in services}
    endpoints = session.get(auth_url + '/endpoints').json()['endpoints']
    return [(types.get(e['service_id']), e) for e in endpoints]


def set_urls(session, auth_url, urls, interface=INTERFACE):
    """Set {service type: URL} of ``interface`` endpoints; the old URLs."""
    old = {}
    for stype, endpoint in _catalogue(session, auth_url):
        if stype in urls and endpoint['interface'] == interface:
            old[stype] = endpoint['url']
            if endpoint['url'] != urls[stype]:
                session.patch(auth_url + '/endpoints/' + endpoint['id'],
                              json={'endpoint': {'url': urls[stype]}})
    missing = set(urls) - set(old)
    if missing:
        raise RuntimeError('no %s endpoint for %s in the catalogue'
                           % (interface, ', '.join(sorted(missing))))
    return old


def route(session, auth_url, proxies, real_urls, interface=INTERFACE):
    """Point ``interface`` endpoints at the proxies ({type: FaultProxy}).

    ``real_urls``: {type: the service's catalogue URL} (endpoints.json);
    the proxy URL keeps its path (``/v1``, ``/v1/%(tenant_id)s``).
    """
    urls = {}
    for stype, proxy in proxies.items():
        path = urllib.parse.urlsplit(real_urls[stype]).path
        urls[stype] = proxy.url + path
    set_urls(session, auth_url, urls, interface)
    return urls


def restore(session, auth_url, real_urls, interface=INTERFACE):
    """Put the recorded URLs of the routed services back."""
    return set_urls(session, auth_url,
                    {t: real_urls[t] for t in ROUTED_SERVICES}, interface)


def main(argv=None):
    """python -m sandbox.faultproxy restore | serve --upstream URL"""
    parser = argparse.ArgumentParser(prog='python -m sandbox.faultproxy')
    sub = parser.add_subparsers(dest='command', required=True)
    sub.add_parser('restore', help='put the internal catalogue URLs of '
                   'container-infra and orchestration back (endpoints.json)')
    serve = sub.add_parser('serve', help='run one proxy in the foreground; '
                           'type a mode (pass, refuse, hang, status:503, '
                           'malformed) on stdin to switch')
    serve.add_argument('--upstream', required=True)
    serve.add_argument('--port', type=int, default=0)
    serve.add_argument('--flavour', default='magnum',
                       choices=('magnum', 'heat'))
    args = parser.parse_args(argv)
    if args.command == 'restore':
        from keystoneauth1.identity import v3
        from keystoneauth1 import session as ks_session

        from sandbox import api
        ep = api.endpoints()
        info = ep['logins']['admin']
        session = ks_session.Session(auth=v3.Password(
            auth_url=ep['auth_url'], username=info['username'],
            password=info['password'], project_name=info['project'],
            user_domain_name=ep['user_domain_name'],
            project_domain_name=ep['project_domain_name']))
        old = restore(session, ep['auth_url'], ep['services'])
        for stype, url in sorted(old.items()):
            print('%s %s: %s -> %s' % (stype, INTERFACE, url,
                                       ep['services'][stype]))
        return 0
    proxy = FaultProxy(args.upstream, args.flavour, port=args.port).start()
    print('faultproxy %s -> %s (mode pass)' % (proxy.url, args.upstream))
    sys.stdout.flush()
    try:
        for line in sys.stdin:
            line = line.strip()
            if line:
                try:
                    proxy.set(line)
                    print('mode %s' % proxy.mode)
                except ValueError as exc:
                    print(exc)
                sys.stdout.flush()
    except KeyboardInterrupt:
        pass
    finally:
        proxy.stop()
    return 0


if __name__ == '__main__':
    os.environ.setdefault('PYTHONUNBUFFERED', '1')
    sys.exit(main())
