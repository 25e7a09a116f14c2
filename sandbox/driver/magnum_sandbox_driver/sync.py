"""Magnum's periodic status sync for sandbox clusters (admin context).

Maps the cluster's Heat stack to the cluster and its node groups: status and
reason, addresses from the stack outputs, coe/container versions from the
labels, health per node from the node group members.
"""
import collections
import contextlib
import threading

from oslo_log import log as logging

from magnum.common import exception
from magnum import objects
from magnum.objects import fields

from magnum_sandbox_driver import heat
from magnum_sandbox_driver import records
from magnum_sandbox_driver import status as sbstatus
from magnum_sandbox_driver import template

LOG = logging.getLogger(__name__)
STATUS = fields.ClusterStatus
# Magnum starts a sync job per cluster every 10 s without waiting for the
# previous ones; when Heat is slow, two jobs for one cluster would overlap
# (and both try to destroy a deleted cluster).  One at a time per cluster.
_SYNCING = set()
_SYNCING_LOCK = threading.Lock()
# Clusters whose stack the driver is about to change: Heat still shows the
# previous action, which must not be taken for the outcome of the new one.
_PENDING = collections.Counter()


@contextlib.contextmanager
def operation(cluster_uuid):
    """Hold the status sync off a cluster while its stack is being sent."""
    with _SYNCING_LOCK:
        _PENDING[cluster_uuid] += 1
    try:
        yield
    finally:
        with _SYNCING_LOCK:
            _PENDING[cluster_uuid] -= 1
            if _PENDING[cluster_uuid] <= 0:
                del _PENDING[cluster_uuid]


def update_cluster_status(context, cluster):
    with _SYNCING_LOCK:
        if cluster.uuid in _SYNCING or cluster.uuid in _PENDING:
            return  # the previous round is still at it, or an operation
        _SYNCING.add(cluster.uuid)
    try:
        _sync(context, cluster)
    finally:
        with _SYNCING_LOCK:
            _SYNCING.discard(cluster.uuid)


def _sync(context, cluster):
    # The sync listed this cluster a while ago (40 clusters take a while):
    # work from its current record, and never overwrite a newer status
    # (a delete requested meanwhile must not turn back into CREATE_FAILED).
    seen = cluster.status
    try:
        cluster.refresh()
    except exception.ClusterNotFound:
        return
    if cluster.status != seen:
        cluster.status = seen  # the job acts on what it returns: nothing
        cluster.obj_reset_changes()
        return
    cluster.obj_reset_changes()
    if not cluster.stack_id:
        if cluster.status == STATUS.DELETE_IN_PROGRESS:
            cluster.status = STATUS.DELETE_COMPLETE
            _save(context, cluster, seen)
        return
    hc = heat.client(context)
    ref = records.stack_ref(cluster)
    stack = heat.get_stack(hc, ref) or heat.get_stack(hc, cluster.stack_id)
    stack_status = stack.stack_status if stack else None
    new = sbstatus.cluster_status(cluster.status, stack_status)
    if stack is None or stack_status == 'DELETE_COMPLETE':
        cluster.status = new
        cluster.status_reason = (
            None if new == STATUS.DELETE_COMPLETE
            else 'Heat stack %s not found' % cluster.stack_id)
        _save(context, cluster, seen)
        return
    if not sbstatus.is_terminal(stack_status):
        if new and new != cluster.status:
            cluster.status = new
            _save(context, cluster, seen)
        return
    _finished(context, hc, ref, cluster, stack, new, seen)


def _save(context, cluster, seen):
    """Save unless the cluster's status changed in the database meanwhile."""
    current = objects.Cluster.get_by_uuid(context, cluster.uuid).status
    if current != seen:
        LOG.info('Cluster %s: now %s, not recording %s', cluster.uuid,
                 current, cluster.status)
        cluster.status = current
        cluster.obj_reset_changes()
        return
    cluster.save()
    LOG.info('Cluster %s: %s (%s)', cluster.uuid, cluster.status,
             cluster.status_reason or 'ok')


def _finished(context, hc, ref, cluster, stack, new, seen):
    """The stack finished an action: record everything it tells."""
    settings = records.settings_or_default(cluster.labels)
    stack_reason = sbstatus.reason(stack.stack_status_reason,
                                   settings.fail_at)
    failed = stack.stack_status.endswith('_FAILED')
    if stack.stack_status.startswith('DELETE'):
        cluster.status, cluster.status_reason = new, stack_reason
        _save(context, cluster, seen)
        return
    resources = heat.top_resources(hc, ref)
    full = heat.get_stack(hc, ref, resolve_outputs=True) or stack
    outputs = sbstatus.outputs_by_key(getattr(full, 'outputs', None))
    ngs = objects.NodeGroup.list(context, cluster.uuid)
    infos = [records.ng_dict(ng) for ng in ngs]
    for info in infos:
        info['resource'] = (template.BULK_RESOURCE if settings.bulk
                            else template.resource_name(info))
    changes = {c[0]: c for c in sbstatus.nodegroup_changes(
        infos, resources, stack.stack_status, stack_reason)}
    cdict = records.cluster_dict(cluster)
    live = []
    for ng, info in zip(ngs, infos):
        _, ng_status, ng_reason, destroy = changes.get(
            ng.uuid, (ng.uuid, None, None, False))
        if destroy:
            LOG.info('Cluster %s: node group %s deleted', cluster.uuid,
                     ng.name)
            ng.destroy()
            continue
        live.append((ng, info))
        if ng_status:
            ng.status = ng_status
            ng.status_reason = sbstatus.reason(ng_reason, settings.fail_at)
        addresses = outputs.get(info['resource'] + '_addresses')
        if isinstance(addresses, list):
            ng.node_addresses = [a for a in addresses if a]
        if ng_status and ng_status.endswith('_COMPLETE'):
            ng.version = records.settings_or_default(ng.labels).kube_tag
        if ng.obj_what_changed():
            ng.save()
    if sbstatus.valid_api_address(outputs.get('api_address')):
        cluster.api_address = outputs['api_address']
    if not failed:
        cluster.coe_version = settings.kube_tag
        cluster.container_version = settings.containerd_version
    members = {} if settings.bulk else heat.group_members(
        hc, ref, [i['resource'] for _, i in live])
    nodes = [(template.node_prefix(cdict, i) + str(idx), st)
             for _, i in live
             for idx, st in sorted(members.get(i['resource'], {}).items())]
    cluster.health_status, cluster.health_status_reason = sbstatus.health(
        nodes, failed)
    cluster.status = new
    cluster.status_reason = stack_reason if failed else None
    _save(context, cluster, seen)
