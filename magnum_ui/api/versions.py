"""Container-infra microversion negotiation.

Magnum reports its supported range on every response
(``OpenStack-API-Minimum-Version`` / ``OpenStack-API-Maximum-Version``).
We read it once per endpoint, keep it for a short while, and talk the highest
version both sides know. Features newer than that switch off instead of
failing with 406 on an older Magnum.

A server that cannot be read (down, hanging, answering garbage) is remembered
for a shorter while, so that a down Magnum costs one slow call per window
instead of one per page.
"""

import threading
import time

# The newest container-infra version this plugin knows how to speak.
CLIENT_MAX_VERSION = (1, 14)
CLIENT_MIN_VERSION = (1, 1)

FEATURE_MIN_VERSION = {
    'stats': (1, 4),
    'rotate_ca': (1, 5),
    'quotas': (1, 6),
    'resize': (1, 7),
    'upgrade': (1, 8),
    'nodegroups': (1, 9),
    'zero_node_nodegroups': (1, 10),
    'credentials': (1, 12),
    'node_labels_taints': (1, 14),
}

MIN_HEADER = 'OpenStack-API-Minimum-Version'
MAX_HEADER = 'OpenStack-API-Maximum-Version'
RANGE_TTL_SECONDS = 300
FAILURE_TTL_SECONDS = 30

_ranges = {}
_failures = {}
_ranges_lock = threading.Lock()


class VersionNegotiationError(Exception):
    pass


class ServerUnavailable(VersionNegotiationError):
    """The server did not answer version discovery (down, hung, 5xx)."""


def parse(text):
    """'container-infra 1.12' or '1.12' -> (1, 12)."""
    if not text:
        raise VersionNegotiationError('empty version')
    token = str(text).strip().split()[-1]
    try:
        major, minor = token.split('.')
        return int(major), int(minor)
    except ValueError:
        raise VersionNegotiationError('malformed version %r' % text)


def to_string(version):
    return '%d.%d' % version


def negotiate(server_min, server_max):
    """The highest version both this plugin and the server speak."""
    if server_max < CLIENT_MIN_VERSION or server_min > CLIENT_MAX_VERSION:
        raise VersionNegotiationError(
            'no common container-infra version: server %s-%s, client %s-%s'
            % (to_string(server_min), to_string(server_max),
               to_string(CLIENT_MIN_VERSION), to_string(CLIENT_MAX_VERSION)))
    return min(server_max, CLIENT_MAX_VERSION)


def supports(version, feature):
    return version >= FEATURE_MIN_VERSION[feature]


def server_range(endpoint, fetch_headers, now=time.monotonic,
                 failure_ttl=FAILURE_TTL_SECONDS):
    """(min, max) of the server at ``endpoint``, cached for a few minutes.

    ``fetch_headers`` is called with the endpoint and returns the response
    headers of an unversioned GET; it is only called on a cache miss.
    A VersionNegotiationError it raises (or that its headers cause) is kept
    for ``failure_ttl`` seconds and raised again without calling it. Other
    errors are not kept: the cache is shared by every user of the endpoint,
    and one user's rejected token says nothing about the server.
    """
    with _ranges_lock:
        cached = _ranges.get(endpoint)
        if cached and now() - cached[0] < RANGE_TTL_SECONDS:
            return cached[1]
        failed = _failures.get(endpoint)
        if failed and now() - failed[0] < failure_ttl:
            raise failed[1](*failed[2])
    try:
        headers = fetch_headers(endpoint)
        found = (parse(headers.get(MIN_HEADER)),
                 parse(headers.get(MAX_HEADER)))
    except VersionNegotiationError as exc:
        with _ranges_lock:
            _failures[endpoint] = (now(), type(exc), exc.args)
        raise
    with _ranges_lock:
        _ranges[endpoint] = (now(), found)
        _failures.pop(endpoint, None)
    return found


def cached_range(endpoint):
    """The last (min, max) read from ``endpoint``, or None; never fetches.

    For decisions that must not wait on the network (navigation): a range
    older than the cache lifetime is still the best guess there is.
    """
    with _ranges_lock:
        cached = _ranges.get(endpoint)
    return cached[1] if cached else None


def forget_ranges():
    with _ranges_lock:
        _ranges.clear()
        _failures.clear()
