"""An answer of Magnum or Heat that cannot be read is a failure of its own.

Given a 2xx answer whose body is not JSON, python-magnumclient keeps the raw
bytes and then fails in Python ("byte indices must be integers or slices,
not str", "'bytes' object has no attribute 'items'"), and JSON parsers say
"Expecting value: line 1 column 1 (char 0)": words about this plugin's
internals, not about the service.  The plugin's session (``breaker.Session``)
checks each answer first and raises ``UnreadableAnswer``, whose message says
which service answered something that could not be read.
"""

import json

from keystoneauth1 import exceptions as ks_exceptions


class UnreadableAnswer(ks_exceptions.ClientException):
    """A 2xx answer whose body is not JSON (an answer: the service is up)."""


def check(response, method, service, endpoint):
    """Raise UnreadableAnswer if ``response`` has a body that is not JSON."""
    if method.upper() == 'HEAD' or not 200 <= response.status_code < 300:
        return
    body = response.content
    if not body or not body.strip():
        return
    try:
        json.loads(body)
    except ValueError:
        kind = response.headers.get('Content-Type') or 'no content type'
        raise UnreadableAnswer(message=(
            '%s at %s returned an answer that could not be read (HTTP %d, '
            '%s, not valid JSON).' % (service, endpoint,
                                      response.status_code, kind)))
