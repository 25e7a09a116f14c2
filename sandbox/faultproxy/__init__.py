"""A fault-injecting HTTP proxy in front of one sandbox service.

The fault suite (tests/integration/faults/) puts one proxy in front
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
test fixture does that) -- there is no control endpoint.  Stdlib only;
it only listens on 127.0.0.1.

The package: ``modes`` (the faults and the error documents), ``proxy``
(FaultProxy), ``connection`` (one client connection), ``catalogue``
(``route``/``restore``), ``__main__`` (``python -m sandbox.faultproxy``).
Everything a caller needs is importable from ``sandbox.faultproxy``.

How the dashboard is routed through it
--------------------------------------
The plugin reads the Magnum and Heat endpoints from the user's Keystone
catalogue (``base.url_for``), so the catalogue is what is changed, not the
plugin: ``route(session, urls)`` points the **internal** catalogue endpoints
of ``container-infra`` and ``orchestration`` at the proxies and the Horizon
under test runs with ``OPENSTACK_ENDPOINT_TYPE = 'internalURL'``
(tests/integration/faults/settings.py).  Nothing else in the sandbox uses the
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

from sandbox.faultproxy.catalogue import INTERFACE  # noqa: F401
from sandbox.faultproxy.catalogue import restore  # noqa: F401
from sandbox.faultproxy.catalogue import route  # noqa: F401
from sandbox.faultproxy.catalogue import ROUTED_SERVICES  # noqa: F401
from sandbox.faultproxy.catalogue import set_urls  # noqa: F401
from sandbox.faultproxy.modes import error_body  # noqa: F401
from sandbox.faultproxy.modes import HANG  # noqa: F401
from sandbox.faultproxy.modes import MALFORMED  # noqa: F401
from sandbox.faultproxy.modes import MALFORMED_BODY  # noqa: F401
from sandbox.faultproxy.modes import MARKER  # noqa: F401
from sandbox.faultproxy.modes import parse_mode  # noqa: F401
from sandbox.faultproxy.modes import PASS  # noqa: F401
from sandbox.faultproxy.modes import REFUSE  # noqa: F401
from sandbox.faultproxy.modes import STATUS  # noqa: F401
from sandbox.faultproxy.modes import WRITES  # noqa: F401
from sandbox.faultproxy.proxy import FaultProxy  # noqa: F401
