"""Heat clients for the driver.

Magnum 23's OpenStackClients has no heat(): the driver builds python-heatclient
on Magnum's own keystoneauth session for the context.  A user's request
context (create, update, delete) carries the user's token, so the stack
belongs to the user's project.  The periodic status sync runs with an admin
context that has no token: it authenticates with Magnum's [keystone_auth]
credentials.  That session is cached for the whole process (keystoneauth
re-authenticates when the token nears expiry), so a sync over 40 clusters
costs Keystone one login, not 40 every 10 seconds.
"""
import threading
import time

from heatclient import client as heat_client
from heatclient import exc as heat_exc
from keystoneauth1 import loading as ka_loading
from magnum.common import keystone
import magnum.conf
from magnum.conf import keystone as ksconf
from oslo_config import cfg
import requests

CONF = magnum.conf.CONF
# Magnum 23 dropped its [heat_client] options with its Heat drivers; the
# sandbox driver registers the two it reads.
_OPTS = [cfg.StrOpt('region_name', help='Region of the Heat endpoint.'),
         cfg.StrOpt('endpoint_type', default='publicURL',
                    help='Catalogue interface of the Heat endpoint.')]
try:
    CONF.register_opts(_OPTS, group='heat_client')
except cfg.DuplicateOptError:
    pass
NotFound = heat_exc.HTTPNotFound
HTTPError = heat_exc.HTTPException

_ADMIN_LOCK = threading.Lock()
_admin_session = None
# Magnum's status sync runs one thread per cluster in progress, all on the
# admin session: keep that many connections to Heat alive.
POOL_SIZE = 128


def _admin():
    global _admin_session
    with _ADMIN_LOCK:
        if _admin_session is None:
            auth = ka_loading.load_auth_from_conf_options(
                CONF, ksconf.CFG_GROUP)
            http = requests.Session()
            adapter = requests.adapters.HTTPAdapter(pool_maxsize=POOL_SIZE)
            http.mount('http://', adapter)
            http.mount('https://', adapter)
            _admin_session = ka_loading.load_session_from_conf_options(
                CONF, ksconf.CFG_GROUP, auth=auth, session=http)
        return _admin_session


def session_for(context):
    if context.auth_token_info or context.auth_token:
        return keystone.KeystoneClientV3(context).session
    if context.is_admin:
        return _admin()
    # KeystoneClientV3 raises Magnum's AuthorizationFailure, a clear message
    return keystone.KeystoneClientV3(context).session


def client(context):
    interface = (CONF.heat_client.endpoint_type or 'public').replace('URL', '')
    return heat_client.Client('1', session=session_for(context),
                              service_type='orchestration',
                              interface=interface,
                              region_name=CONF.heat_client.region_name)


def stack_ref(stack_name, stack_id):
    """'<name>/<id>': Heat answers it without the redirect a bare id needs."""
    return '%s/%s' % (stack_name, stack_id) if stack_name else stack_id


def get_stack(hc, ref, resolve_outputs=False):
    """The stack, or None if Heat no longer has it."""
    try:
        return hc.stacks.get(ref, resolve_outputs=resolve_outputs)
    except NotFound:
        return None


def wait_idle(hc, ref, timeout):
    """Wait (bounded) until the stack has no action in progress.

    Heat's legacy engine refuses an update while another action runs (HTTP
    409); Magnum accepts a resize or a node group change meanwhile.  Each
    update carries the whole desired state, so running them in turn is
    exact.  Returns the stack (None if gone).
    """
    deadline = time.monotonic() + timeout
    while True:
        stack = get_stack(hc, ref)
        if (stack is None or not stack.stack_status.endswith('IN_PROGRESS')
                or stack.stack_status.startswith('DELETE')
                or time.monotonic() > deadline):
            return stack
        time.sleep(1)


def top_resources(hc, ref):
    """{resource name: (status, reason)} of the stack's own resources."""
    return {r.resource_name: (r.resource_status, r.resource_status_reason)
            for r in hc.resources.list(ref)}


def group_members(hc, ref, groups):
    """{group name: {member index: status}} for the given ResourceGroups."""
    members = {g: {} for g in groups}
    for r in hc.resources.list(ref, nested_depth=1):
        parent = getattr(r, 'parent_resource', None)
        if parent in members and str(r.resource_name).isdigit():
            members[parent][int(r.resource_name)] = r.resource_status
    return members
