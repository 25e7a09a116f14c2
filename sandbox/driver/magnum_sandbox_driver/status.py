"""Heat stack state -> Magnum cluster and node group state (pure logic)."""
import re

IN_PROGRESS, COMPLETE, FAILED = 'IN_PROGRESS', 'COMPLETE', 'FAILED'
# Magnum's ClusterStatus values (magnum.objects.fields.ClusterStatus.ALL)
CLUSTER_STATUSES = frozenset((
    'CREATE_IN_PROGRESS', 'CREATE_FAILED', 'CREATE_COMPLETE',
    'UPDATE_IN_PROGRESS', 'UPDATE_FAILED', 'UPDATE_COMPLETE',
    'DELETE_IN_PROGRESS', 'DELETE_FAILED', 'DELETE_COMPLETE',
    'RESUME_COMPLETE', 'RESUME_FAILED', 'RESTORE_COMPLETE',
    'ROLLBACK_IN_PROGRESS', 'ROLLBACK_FAILED', 'ROLLBACK_COMPLETE',
    'SNAPSHOT_COMPLETE', 'CHECK_COMPLETE', 'ADOPT_COMPLETE'))
_FAIL_WHAT = {'network': 'the cluster network',
              'loadbalancer': 'the API endpoint',
              'master': 'control-plane node 1', 'worker': 'worker node 1'}
_MEMBER_RE = re.compile(
    r'resources\.(kube_masters|kube_minions|nodegroup_[\w.-]+)'
    r'\.resources\[(\d+)\]')


def split(status):
    """'CREATE_IN_PROGRESS' -> ('CREATE', 'IN_PROGRESS')."""
    action, _, state = (status or '').partition('_')
    return action, state


def is_terminal(stack_status):
    action, state = split(stack_status)
    return action != 'INIT' and state in (COMPLETE, FAILED)


def cluster_status(current, stack_status):
    """Cluster status for a stack status (None: no stack); None: keep."""
    cur_action = split(current)[0]
    if stack_status is None or stack_status == 'DELETE_COMPLETE':
        if cur_action == 'DELETE':
            return 'DELETE_COMPLETE'
        return ('CREATE' if cur_action == 'CREATE' else 'UPDATE') + '_FAILED'
    action, state = split(stack_status)
    if action == 'INIT':
        return None  # stored, its action not started yet (legacy engine)
    if cur_action == 'UPDATE' and action == 'CREATE' and state == COMPLETE:
        return 'UPDATE_COMPLETE'  # an update Heat found nothing to do for
    if stack_status in CLUSTER_STATUSES:
        return stack_status
    if state == IN_PROGRESS:
        return None  # CHECK/SUSPEND/... in progress: keep Magnum's status
    action = cur_action if cur_action in ('CREATE', 'DELETE') else 'UPDATE'
    return '%s_%s' % (action, FAILED if state == FAILED else COMPLETE)


def reason(heat_reason, fail_at=''):
    """A readable status_reason; simulated failures name the failing part."""
    heat_reason = (heat_reason or '').strip()
    if fail_at in _FAIL_WHAT and 'Test Resource failed' in heat_reason:
        what = _FAIL_WHAT[fail_at]
        match = _MEMBER_RE.search(heat_reason)
        if match and fail_at in ('master', 'worker'):
            group, index = match.groups()
            kind = 'control-plane' if fail_at == 'master' else 'worker'
            what = '%s node %d' % (kind, int(index) + 1)
            if group.startswith('nodegroup_'):
                what += ' of node group %s' % group[len('nodegroup_'):]
        return 'sandbox: simulated failure of %s (Heat: %s)' % (
            what, heat_reason)
    return heat_reason or None


def nodegroup_changes(nodegroups, resources, stack_status, stack_reason):
    """Per node group: (uuid, new status or None, reason or None, destroy?).

    nodegroups: dicts with uuid, status, resource (ResourceGroup name).
    resources: {resource name: (status, status reason)} of the stack's top
    level, read once the stack has finished an action.
    """
    stack_state = split(stack_status)[1]
    out = []
    for ng in nodegroups:
        res = resources.get(ng['resource'])
        ng_action = split(ng['status'])[0]
        if ng_action not in ('CREATE', 'UPDATE', 'DELETE'):
            ng_action = 'UPDATE'
        if ng_action == 'DELETE':
            if res is None and stack_state == COMPLETE:
                out.append((ng['uuid'], 'DELETE_COMPLETE', None, True))
            elif stack_state == FAILED:
                out.append((ng['uuid'], 'DELETE_FAILED', stack_reason, False))
            continue
        if res is None:
            out.append((ng['uuid'], '%s_FAILED' % ng_action,
                        'node group missing from Heat stack: %s'
                        % (stack_reason or stack_status), False))
            continue
        res_status, res_reason = res
        res_action, res_state = split(res_status)
        if res_action == 'INIT' or res_state == IN_PROGRESS:
            if stack_state == FAILED:  # never started, or cut short
                out.append((ng['uuid'], '%s_FAILED' % ng_action,
                            'not completed: %s' % stack_reason, False))
            continue
        new = res_status
        if new not in CLUSTER_STATUSES or (
                ng_action == 'UPDATE' and res_action == 'CREATE'):
            new = 'UPDATE_%s' % res_state
        out.append((ng['uuid'], new,
                    res_reason if res_state == FAILED else None, False))
    return out


def health(members, failed=False):
    """(health_status, health_status_reason) from node names and states.

    members: list of (node name, resource_status) for every group member;
    failed: the stack's last action failed.
    """
    reasons = {'api': 'ok'}
    healthy = bool(members) or not failed
    for name, res_status in members:
        action, state = split(res_status)
        ready = state == COMPLETE and action not in ('INIT', 'DELETE')
        healthy = healthy and ready
        reasons['%s.Ready' % name] = 'True' if ready else 'False'
    if not healthy:
        reasons['api'] = ('some nodes are not ready' if members
                          else 'no node is running')
    return ('HEALTHY' if healthy else 'UNHEALTHY'), reasons


def valid_api_address(url):
    """https://host:port with a host (a failed stack's output has none)."""
    return bool(re.match(r'^https://[^:/]+:\d+$', url or ''))


def outputs_by_key(outputs):
    """{output_key: output_value} of a stack's outputs, skipping errors."""
    return {o['output_key']: o.get('output_value') for o in outputs or ()
            if not o.get('output_error')}
