"""openstacksdk orchestration access with the request's token."""

import itertools

from horizon.utils import memoized
from keystoneauth1 import discover
from keystoneauth1 import token_endpoint
import openstack
from openstack.orchestration.v1 import resource as _sdk_resource
from openstack.orchestration.v1 import stack_event as _sdk_stack_event
from openstack import resource as openstack_resource
from openstack_dashboard.api import base

from magnum_ui.api import client as magnum_client_module

SERVICE_TYPE = 'orchestration'


class _HeatToken(token_endpoint.Token):
    """The user's token for the catalogue's Heat endpoint, without discovery.

    openstacksdk asks the auth plugin for version discovery before the first
    call; Heat serves its version document only at its root and answers 401
    on /v1 and /v1/<project> without a token, so discovery from the catalogue
    URL fails ("Unable to find a version discovery document"). Heat has one
    API version: describe the endpoint instead of discovering it.
    """

    def get_endpoint_data(self, session, **kwargs):
        return discover.EndpointData(
            catalog_url=self.endpoint, service_url=self.endpoint,
            service_type=SERVICE_TYPE, api_version=(1, 0))


@memoized.memoized
def connection(request):
    endpoint = base.url_for(request, SERVICE_TYPE)
    auth = _HeatToken(endpoint=endpoint, token=request.user.token.id)
    # The session's timeout and breaker apply to every call of the connection.
    session = magnum_client_module.session_for(request, auth, service='Heat')
    return openstack.connection.Connection(
        session=session, region_name=request.user.services_region,
        orchestration_endpoint_override=endpoint,
        app_name='magnum_ui', app_version='1.0')


def orchestration(request):
    return connection(request).orchestration


# --- Stack, resources and events for the cluster progress view ------------
#
# openstacksdk's ``orchestration.resources(stack, nested_depth=N)`` rejects
# ``nested_depth`` (its Resource declares no query parameters) and drops the
# ``parent_resource`` field, and it looks the stack up first (one more call).
# These two listings go through Heat's stack lookup path
# ``/stacks/<id>/resources`` instead, which redirects to the canonical URL
# with the query kept: one call per listing, nested stacks included.

class StackResource(_sdk_resource.Resource):
    base_path = '/stacks/%(stack_identity)s/resources'
    _query_mapping = openstack_resource.QueryParameters(
        'nested_depth', 'with_detail', include_pagination_defaults=False)

    parent_resource = openstack_resource.Body('parent_resource')
    creation_time = openstack_resource.Body('creation_time')


class StackEvent(_sdk_stack_event.StackEvent):
    base_path = '/stacks/%(stack_identity)s/events'


def _wire(obj):
    """The resource as Heat sent it (Heat's field names), for pure code."""
    return obj.to_dict(body=True, headers=False, computed=False,
                       original_names=True)


def stack_get(request, stack_id):
    """The stack as a dict of Heat's fields; NotFoundException if none."""
    stack = orchestration(request).get_stack(stack_id, resolve_outputs=False)
    return _wire(stack)


def stack_identity(stack):
    """``name/id`` of a stack dict: Heat answers it without a redirect."""
    if stack.get('stack_name'):
        return '%s/%s' % (stack['stack_name'], stack['id'])
    return stack['id']


def stack_resources(request, stack_id, nested_depth=0):
    """Resources of the stack and of its nested stacks down to nested_depth."""
    return [_wire(res) for res in StackResource.list(
        orchestration(request), stack_identity=stack_id,
        nested_depth=nested_depth)]


def stack_events(request, stack_id, nested_depth=0, limit=100):
    """The newest ``limit`` events of the stack and its nested stacks."""
    events = StackEvent.list(
        orchestration(request), stack_identity=stack_id,
        nested_depth=nested_depth, sort_dir='desc', limit=limit)
    return [_wire(event) for event in itertools.islice(events, limit)]
