"""Fail at once, for a short while, after a service did not answer.

Once the version range is cached, a hung Magnum or Heat would cost every
call the full timeout. An endpoint (scheme://host:port) that timed out or
refused the connection is remembered as down, per worker, and calls to it
fail at once until the window is over. Then one call tries again; the calls
made meanwhile wait for its outcome (at most their own timeout) instead of
failing while Magnum may be back. An HTTP error status is an answer and
does not count.
"""

import logging
import math
import threading
import time
import urllib.parse

from keystoneauth1 import exceptions as ks_exceptions
from keystoneauth1 import session as ks_session

from magnum_ui.api import answers

LOG = logging.getLogger(__name__)

FAILURE_TTL_SECONDS = 30
# keystoneauth raises ConnectTimeout for read timeouts too; RequestTimeout
# is an HTTP 408, an answer.
NOT_ANSWERED = (ks_exceptions.ConnectTimeout, ks_exceptions.ConnectFailure)

_down = {}
# endpoint -> (thread, Event set once the call trying again ends)
_trying = {}
UNCHANGED = object()    # record(): the call learnt nothing of the endpoint
_down_lock = threading.Lock()


class BackendUnavailable(ks_exceptions.ConnectFailure):
    """The endpoint did not answer a moment ago and is not asked again yet."""


def why(error):
    """What went wrong with the call, in the user's words."""
    if isinstance(error, ks_exceptions.ConnectTimeout):
        return 'it did not answer in time'
    if 'refused' in str(error).lower():
        return 'it refused the connection'
    return 'it could not be reached'


def _state(endpoint, ttl, now):
    """(why it failed, seconds left, the call trying again) or None."""
    failed = _down.get(endpoint)
    if not failed:
        return None
    return failed[1], ttl - (now() - failed[0]), _trying.get(endpoint)


def check(endpoint, service, ttl, now=time.monotonic, wait=None):
    """Return if ``endpoint`` may be called, else raise BackendUnavailable.
    ``wait``: seconds to wait for the outcome of a call trying again.
    """
    with _down_lock:
        state = _state(endpoint, ttl, now)
        if state is None:
            return
        reason, left, trying = state
        if trying is not None and trying[0] == threading.get_ident():
            return      # a call made by the one trying again (discovery)
        if left <= 0 and trying is None:
            # This call tries again; the window starts afresh meanwhile.
            _down[endpoint] = (now(), reason)
            _trying[endpoint] = (threading.get_ident(), threading.Event())
            return
    if trying is not None and wait:
        trying[1].wait(wait)
        with _down_lock:
            state = _state(endpoint, ttl, now)
        if state is None:
            return          # it answered
        reason, left, _trying_again = state
    raise BackendUnavailable(message=(
        '%s at %s is unavailable: %s a moment ago. It will be tried again '
        'in %d s.' % (service, endpoint, reason, max(1, math.ceil(left)))))


def record(endpoint, error, now=time.monotonic):
    """Remember ``endpoint`` as down after ``error``, as up if None; with
    UNCHANGED, only end this thread's try.
    """
    with _down_lock:
        trying = _trying.get(endpoint)
        if error is UNCHANGED:
            if trying is None or trying[0] != threading.get_ident():
                return
        elif error is None:
            _down.pop(endpoint, None)
        else:
            _down[endpoint] = (now(), why(error))
            LOG.warning('%s is not called again for a while: %s',
                        endpoint, error)
        _trying.pop(endpoint, None)
    if trying is not None:
        trying[1].set()


def forget():
    with _down_lock:
        _down.clear()
        _trying.clear()


class Session(ks_session.Session):
    """A keystoneauth session that does not call a down endpoint, and
    raises ``answers.UnreadableAnswer`` for an answer that is not JSON
    (``check_body=False``: the caller reads only the headers).
    """

    def __init__(self, *args, service='Magnum',
                 failure_ttl=FAILURE_TTL_SECONDS, **kwargs):
        super().__init__(*args, **kwargs)
        self.service = service
        self.failure_ttl = failure_ttl

    def _endpoint(self, url, kwargs):
        if not urllib.parse.urlsplit(url).netloc:
            url = kwargs.get('endpoint_override') or self.get_endpoint(
                kwargs.get('auth'), **(kwargs.get('endpoint_filter') or {}))
        parts = urllib.parse.urlsplit(url or '')
        return '%s://%s' % (parts.scheme, parts.netloc)

    def request(self, url, method, check_body=True, **kwargs):
        endpoint = self._endpoint(url, kwargs)
        check(endpoint, self.service, self.failure_ttl,
              wait=self.timeout)
        error = None
        try:
            response = super().request(url, method, **kwargs)
            if check_body:
                answers.check(response, method, self.service, endpoint)
            return response
        except BackendUnavailable:
            # Refused by the breaker inside this call: not a new failure.
            error = UNCHANGED
            raise
        except NOT_ANSWERED as exc:
            error = exc
            raise
        finally:
            record(endpoint, error)
