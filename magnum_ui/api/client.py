"""One python-magnumclient per request, built from the user's Keystone token.

python-magnumclient 5 no longer takes ``input_auth_token``; it is built on a
keystoneauth1 session whose auth is the request's token and the
container-infra endpoint of the user's catalogue and region.
"""

import logging

from django.conf import settings
from horizon.utils import memoized
from keystoneauth1 import session as ks_session
from keystoneauth1 import token_endpoint
from magnumclient.v1 import client as magnum_client
from openstack_auth import utils as auth_utils
from openstack_dashboard.api import base

from magnum_ui.api import versions

LOG = logging.getLogger(__name__)
SERVICE_TYPE = 'container-infra'


def ssl_verify():
    if getattr(settings, 'OPENSTACK_SSL_NO_VERIFY', False):
        return False
    return getattr(settings, 'OPENSTACK_SSL_CACERT', None) or True


def endpoint_for(request):
    return base.url_for(request, SERVICE_TYPE)


@memoized.memoized
def keystone_session(request, endpoint):
    auth = token_endpoint.Token(endpoint=endpoint, token=request.user.token.id)
    return ks_session.Session(auth=auth, verify=ssl_verify(),
                              original_ip=auth_utils.get_client_ip(request))


def _fetch_version_headers(session):
    def fetch(endpoint):
        response = session.get(endpoint, raise_exc=True,
                               headers={'Accept': 'application/json'})
        return response.headers
    return fetch


@memoized.memoized
def api_version(request):
    """The negotiated container-infra version for this request, as a tuple."""
    endpoint = endpoint_for(request)
    session = keystone_session(request, endpoint)
    low, high = versions.server_range(endpoint, _fetch_version_headers(session))
    return versions.negotiate(low, high)


def supports(request, feature):
    return versions.supports(api_version(request), feature)


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
