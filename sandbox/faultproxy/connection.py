"""One client connection of a FaultProxy: the request parser that hands
each request to the proxy, and closing a socket with a reset."""

import http.server
import socket
import struct


class Handler(http.server.BaseHTTPRequestHandler):
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


class ServerRef(object):
    """What BaseHTTPRequestHandler wants of a server."""

    def __init__(self, proxy):
        self.proxy = proxy
        self.server_name = proxy.host
        self.server_port = proxy.port


def abort(conn):
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
