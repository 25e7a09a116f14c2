"""openstacksdk orchestration access with the request's token."""

import openstack
from horizon.utils import memoized
from keystoneauth1 import session as ks_session
from keystoneauth1 import token_endpoint
from openstack_auth import utils as auth_utils
from openstack_dashboard.api import base

from magnum_ui.api import client as magnum_client_module

SERVICE_TYPE = 'orchestration'


@memoized.memoized
def connection(request):
    endpoint = base.url_for(request, SERVICE_TYPE)
    auth = token_endpoint.Token(endpoint=endpoint, token=request.user.token.id)
    session = ks_session.Session(
        auth=auth, verify=magnum_client_module.ssl_verify(),
        original_ip=auth_utils.get_client_ip(request))
    return openstack.connection.Connection(
        session=session, region_name=request.user.services_region,
        orchestration_endpoint_override=endpoint,
        app_name='magnum_ui', app_version='1.0')


def orchestration(request):
    return connection(request).orchestration
