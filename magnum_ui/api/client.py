"""One python-magnumclient per request, built from the user's Keystone token.

python-magnumclient 5 no longer takes ``input_auth_token``; it is built on a
keystoneauth1 session whose auth is the request's token and the
container-infra endpoint of the user's catalogue and region.

Every call has a timeout (``MAGNUM_UI_API_TIMEOUT``, version discovery the
shorter ``MAGNUM_UI_VERSION_TIMEOUT``): a hanging Magnum must not hang the
dashboard. After a timeout the endpoint is not called again for
``MAGNUM_UI_BACKEND_FAILURE_TTL`` seconds (see ``breaker``).
"""

import logging

from django.conf import settings
from horizon.utils import memoized
from keystoneauth1 import exceptions as ks_exceptions
from keystoneauth1 import token_endpoint
from magnumclient.v1 import client as magnum_client
from openstack_auth import utils as auth_utils
from openstack_dashboard.api import base

from magnum_ui.api import breaker
from magnum_ui.api import versions

LOG = logging.getLogger(__name__)
SERVICE_TYPE = 'container-infra'

DEFAULT_API_TIMEOUT = 10
DEFAULT_VERSION_TIMEOUT = 3

# Discovery errors that say the server is not answering, as opposed to
# this user's token being refused.
UNAVAILABLE = (ks_exceptions.ConnectionError, ks_exceptions.HttpServerError)

BackendUnavailable = breaker.BackendUnavailable


def api_timeout():
    """Seconds any Magnum or Heat call may take."""
    return float(getattr(settings, 'MAGNUM_UI_API_TIMEOUT',
                         DEFAULT_API_TIMEOUT))


def version_timeout():
    return float(getattr(settings, 'MAGNUM_UI_VERSION_TIMEOUT',
                         DEFAULT_VERSION_TIMEOUT))


def version_failure_ttl():
    return float(getattr(settings, 'MAGNUM_UI_VERSION_FAILURE_TTL',
                         versions.FAILURE_TTL_SECONDS))


def backend_failure_ttl():
    return float(getattr(settings, 'MAGNUM_UI_BACKEND_FAILURE_TTL',
                         breaker.FAILURE_TTL_SECONDS))


def ssl_verify():
    if getattr(settings, 'OPENSTACK_SSL_NO_VERIFY', False):
        return False
    return getattr(settings, 'OPENSTACK_SSL_CACERT', None) or True


def endpoint_for(request):
    return base.url_for(request, SERVICE_TYPE)


def session_for(request, auth, service='Magnum'):
    """A session on ``auth`` with the plugin's timeout and circuit breaker.

    ``service`` names the backend in the breaker's message.
    """
    return breaker.Session(auth=auth, verify=ssl_verify(),
                           timeout=api_timeout(), service=service,
                           failure_ttl=backend_failure_ttl(),
                           original_ip=auth_utils.get_client_ip(request))


@memoized.memoized
def keystone_session(request, endpoint):
    auth = token_endpoint.Token(endpoint=endpoint, token=request.user.token.id)
    return session_for(request, auth)


def _fetch_version_headers(session):
    def fetch(endpoint):
        try:
            response = session.get(endpoint, raise_exc=True,
                                   timeout=version_timeout(),
                                   check_body=False,
                                   headers={'Accept': 'application/json'})
        except UNAVAILABLE as exc:
            raise versions.ServerUnavailable(
                'container-infra at %s is unavailable: %s' % (endpoint, exc)
            ) from exc
        return response.headers
    return fetch


@memoized.memoized
def api_version(request):
    """The negotiated container-infra version for this request, as a tuple."""
    endpoint = endpoint_for(request)
    session = keystone_session(request, endpoint)
    low, high = versions.server_range(
        endpoint, _fetch_version_headers(session),
        failure_ttl=version_failure_ttl())
    return versions.negotiate(low, high)


def supports(request, feature):
    """Whether Magnum speaks ``feature``; False when it cannot be asked.

    Called while pages and actions are built: an unreachable Magnum turns
    the feature off there (its own call then reports the failure) instead
    of failing the page.
    """
    try:
        version = api_version(request)
    except versions.VersionNegotiationError as exc:
        LOG.info('Magnum version unknown, %s off: %s', feature, exc)
        return False
    return versions.supports(version, feature)


def supports_cached(request, feature):
    """Whether ``feature`` is supported, judged without any network call.

    True while this worker has not read the server's range yet: the page
    behind the feature then finds out, and says so.
    """
    found = versions.cached_range(endpoint_for(request))
    if found is None:
        return True
    try:
        version = versions.negotiate(*found)
    except versions.VersionNegotiationError:
        return False
    return versions.supports(version, feature)


@memoized.memoized
def magnumclient(request):
    endpoint = endpoint_for(request)
    version = versions.to_string(api_version(request))
    LOG.debug('magnumclient for %s at container-infra %s', endpoint, version)
    return magnum_client.Client(
        session=keystone_session(request, endpoint),
        endpoint_override=endpoint,
        region_name=request.user.services_region,
        api_version=version)
