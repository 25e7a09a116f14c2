"""FaultProxy: a threaded HTTP proxy in front of one service, switched at
run time between passing requests on and injecting a fault (see modes).

Stdlib only: an accept loop, ``http.server.BaseHTTPRequestHandler`` to parse
requests (connection.Handler), ``http.client`` to forward them.  It only
listens on 127.0.0.1.  A faulty answer is never forwarded.
"""

import http.client
import json
import re
import select
import socket
import threading
import time
import urllib.parse

from sandbox.faultproxy import connection
from sandbox.faultproxy.modes import error_body
from sandbox.faultproxy.modes import HANG
from sandbox.faultproxy.modes import MALFORMED_BODY
from sandbox.faultproxy.modes import parse_mode
from sandbox.faultproxy.modes import PASS
from sandbox.faultproxy.modes import REFUSE
from sandbox.faultproxy.modes import STATUS

HOP_BY_HOP = {'connection', 'keep-alive', 'proxy-authenticate',
              'proxy-authorization', 'te', 'trailer', 'trailers',
              'transfer-encoding', 'upgrade', 'content-length'}
# Headers of the real service's answers replayed on injected ones, so an
# injected Magnum error looks like Magnum's (its version range included).
STICKY_PREFIXES = ('openstack-api-',)
PREFIX_RE = re.compile(r'^/_fp-[^/]*(?=/|$)')
UPSTREAM_TIMEOUT = 120


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
        get the fault (None: every request).
        """
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
            connection.abort(conn)

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
            connection.Handler(conn, addr, connection.ServerRef(self))
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
                connection.abort(conn)
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
        connection.abort(handler.connection)

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
