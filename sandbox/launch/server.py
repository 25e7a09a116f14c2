"""A small threaded WSGI server for services that must stay one process.

Heat and Magnum use ``transport_url = fake://``: their RPC server (engine,
conductor) only receives what is sent from the same process, so the API and
the engine/conductor live in one process and the API is served by threads.
Nova and Neutron use the same server (one process, no gunicorn arbiter).

Requests are handled by a bounded pool of threads (not a thread per
connection), with a listen backlog large enough for bursts: the socketserver
default backlog of 5 refuses connections when 40 clients arrive at once.
"""
import concurrent.futures
import logging
import os
import signal
import sys
import threading
from wsgiref import simple_server
from wsgiref import util as wsgiref_util

LOG = logging.getLogger('sandbox.wsgi')


class Handler(simple_server.ServerHandler):
    """wsgiref's handler, tolerant of apps that set hop-by-hop headers."""

    def start_response(self, status, headers, exc_info=None):
        headers = [(k, v) for k, v in headers
                   if not wsgiref_util.is_hop_by_hop(k)]
        return super().start_response(status, headers, exc_info)


class RequestHandler(simple_server.WSGIRequestHandler):
    # A client that connects and sends nothing must not pin a pool thread.
    timeout = 120

    def handle(self):
        self.raw_requestline = self.rfile.readline(65537)
        if len(self.raw_requestline) > 65536:
            self.send_error(414)
            return
        if not self.parse_request():
            return
        handler = Handler(self.rfile, self.wfile, self.get_stderr(),
                          self.get_environ(), multithread=True)
        handler.request_handler = self
        handler.run(self.server.get_app())

    def log_message(self, fmt, *args):
        LOG.info('%s %s', self.address_string(), fmt % args)


class PooledWSGIServer(simple_server.WSGIServer):
    allow_reuse_address = True
    request_queue_size = 512
    daemon_threads = True

    def __init__(self, address, app, threads):
        self._pool = concurrent.futures.ThreadPoolExecutor(
            max_workers=threads, thread_name_prefix='wsgi')
        super().__init__(address, RequestHandler)
        self.set_app(app)

    def process_request(self, request, client_address):
        self._pool.submit(self._handle, request, client_address)

    def _handle(self, request, client_address):
        try:
            self.finish_request(request, client_address)
        except Exception:
            self.handle_error(request, client_address)
        finally:
            self.shutdown_request(request)

    def handle_error(self, request, client_address):
        LOG.exception('error serving %s', client_address)


def serve(app, port, threads, on_stop=None):
    """Serve app on 127.0.0.1:port until SIGTERM/SIGINT, then exit."""
    server = PooledWSGIServer(('127.0.0.1', port), app, threads)

    def stop(signum, frame):
        # shutdown() blocks until serve_forever returns: call it elsewhere.
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    LOG.info('serving on http://127.0.0.1:%d with %d threads', port, threads)
    print('sandbox: serving on http://127.0.0.1:%d' % port, flush=True)
    server.serve_forever(poll_interval=0.5)
    server.server_close()
    if on_stop:
        on_stop()
    LOG.info('stopped')
    sys.stdout.flush()
    # Engine/conductor threads and the request pool are not daemonic; a
    # sandbox stop must not wait for in-flight stacks (Heat marks stacks of
    # a dead engine FAILED at its next start).
    os._exit(0)


def setup_logging():
    logging.basicConfig(level=logging.INFO, stream=sys.stdout,
                        format='%(asctime)s %(levelname)s %(name)s '
                               '%(message)s')
