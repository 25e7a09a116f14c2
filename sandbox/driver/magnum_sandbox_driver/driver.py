"""Magnum driver of the magnum_ui sandbox.

A cluster is a real Heat stack, created with the user's token, whose servers
are simulated (OS::Heat::TestResource): see template.py for its shape and
sync.py for Magnum's status sync.
"""
import uuid

from oslo_log import log as logging

from magnum.common import exception
from magnum.drivers.common import driver
from magnum import objects
from magnum.objects import fields

from magnum_sandbox_driver import heat
from magnum_sandbox_driver import labels as sblabels
from magnum_sandbox_driver import records
from magnum_sandbox_driver import sync
from magnum_sandbox_driver import template

LOG = logging.getLogger(__name__)
STATUS = fields.ClusterStatus
STACK_TAG = 'magnum-ui-sandbox'
# An operation waits this long for the stack's previous action to finish;
# under Magnum's RPC timeout (120 s) for the operations Magnum calls.
IDLE_WAIT = 100


class HeatError(exception.MagnumException):
    message = 'Heat refused the cluster stack: %(reason)s'


class DeleteRefused(exception.MagnumException):
    message = ('sandbox: simulated failure deleting the cluster stack '
               '(label %(label)s=true); delete the cluster again to retry')


class UpgradeRefused(exception.NotSupported):
    # NotSupported: Magnum's conductor then leaves the cluster as it was.
    # Magnum's error title ends at the first dot, so the words come first.
    message = ('Upgrade refused, not supported by the sandbox driver: '
               '%(reason)s')


def _settings(labels_dict):
    try:
        return sblabels.parse(labels_dict)
    except sblabels.InvalidLabel as e:
        raise exception.InvalidParameterValue(err=str(e))


def _heat_call(func, *args, **kwargs):
    try:
        return func(*args, **kwargs)
    except heat.HTTPError as e:
        raise HeatError(reason=str(e))


class Driver(driver.Driver):
    provides = [{'server_type': 'vm', 'os': 'fedora-coreos',
                 'coe': 'kubernetes'}]

    # -- building and sending the stack ---------------------------------
    def _stack_args(self, context, cluster, exclude=(), **build_kwargs):
        ngs = [records.ng_dict(ng)
               for ng in objects.NodeGroup.list(context, cluster.uuid)
               if ng.uuid not in exclude
               and not (ng.status or '').startswith('DELETE')]
        for ng in ngs:
            _settings(ng['labels'])
        _settings(cluster.labels)
        return template.build(records.cluster_dict(cluster), ngs,
                              **build_kwargs)

    def _update_stack(self, context, cluster, rollback=False,
                      parameters=None, exclude=(), **build_kwargs):
        """Send the whole desired state; Heat works out the difference."""
        hc = heat.client(context)
        ref = records.stack_ref(cluster)
        with sync.operation(cluster.uuid):
            heat.wait_idle(hc, ref, IDLE_WAIT)
            # read Magnum's records only now: the newest desired state
            args = self._stack_args(context, cluster, exclude=exclude,
                                    **build_kwargs)
            if parameters:
                args['parameters'] = parameters
            _heat_call(hc.stacks.update, ref, existing=True,
                       disable_rollback=not rollback, **args)
            # In case a sync ran between Magnum marking the cluster and the
            # fence above (node group calls): the stack is updating now.
            cluster.status = STATUS.UPDATE_IN_PROGRESS
            cluster.status_reason = None
            cluster.save()

    def create_cluster(self, context, cluster, cluster_create_timeout):
        args = self._stack_args(context, cluster)
        hc = heat.client(context)
        with sync.operation(cluster.uuid):
            created = _heat_call(
                hc.stacks.create,
                stack_name=template.stack_name(
                    records.cluster_dict(cluster)),
                timeout_mins=cluster_create_timeout or 60,
                disable_rollback=True,
                tags='%s,cluster=%s' % (STACK_TAG, cluster.uuid), **args)
        cluster.stack_id = created['stack']['id']
        LOG.info('Cluster %s: Heat stack %s created', cluster.uuid,
                 cluster.stack_id)

    def update_cluster(self, context, cluster, scale_manager=None,
                       rollback=False):
        self._update_stack(context, cluster, rollback=rollback)

    def resize_cluster(self, context, cluster, resize_manager, node_count,
                       nodes_to_remove, nodegroup=None):
        nodegroup = nodegroup or cluster.default_ng_worker
        removals = {}
        if nodes_to_remove:  # node names, member indexes or server ids
            removals[nodegroup.uuid] = template.removal_list(
                records.cluster_dict(cluster), records.ng_dict(nodegroup),
                nodes_to_remove)
        self._update_stack(context, cluster, removals=removals)

    def validate_master_resize(self, node_count):
        self.validate_master_size(node_count)  # the sandbox resizes masters

    def upgrade_cluster(self, context, cluster, cluster_template,
                        max_batch_size, nodegroup, scale_manager=None,
                        rollback=False):
        new_tag = _settings(cluster_template.labels or {}).kube_tag
        if not nodegroup.is_default:
            # Magnum lets a non-default group follow the cluster's template
            new_tag = _settings(cluster.labels).kube_tag
        try:
            sblabels.check_upgrade(_settings(nodegroup.labels).kube_tag,
                                   new_tag)
        except sblabels.InvalidLabel as e:
            raise UpgradeRefused(reason=str(e))
        with sync.operation(cluster.uuid):
            self._upgrade(context, cluster, cluster_template, max_batch_size,
                          nodegroup, new_tag, rollback)

    def _upgrade(self, context, cluster, cluster_template, max_batch_size,
                 nodegroup, new_tag, rollback):
        groups = [nodegroup]
        if nodegroup.is_default:  # the control plane and default workers
            groups = [ng for ng in objects.NodeGroup.list(context,
                                                          cluster.uuid)
                      if ng.is_default]
            cluster.cluster_template_id = cluster_template.uuid
            cluster.labels = dict(cluster.labels or {}, kube_tag=new_tag)
            cluster.save()
        for ng in groups:
            target = nodegroup if ng.uuid == nodegroup.uuid else ng
            target.labels = dict(target.labels or {}, kube_tag=new_tag)
            if target is not nodegroup:
                target.status = STATUS.UPDATE_IN_PROGRESS
            target.save()
        # nodes take the new kubelet version in place, max_batch_size at once
        self._update_stack(context, cluster, rollback=rollback,
                           max_batch_size=max_batch_size or 1)

    def delete_cluster(self, context, cluster):
        if sblabels.refuses_delete(
                records.settings_or_default(cluster.labels), cluster.status):
            # Magnum's conductor records this as DELETE_FAILED and keeps
            # the cluster and its stack.
            raise DeleteRefused(label=sblabels.FAIL_DELETE)
        if not cluster.stack_id:
            return  # no stack was created; the status sync finishes up
        hc = heat.client(context)
        try:
            # Deleting a stack that is still being created cancels the
            # create: the sync must not record that as CREATE_FAILED before
            # Magnum marks the cluster DELETE_IN_PROGRESS (after this).
            with sync.operation(cluster.uuid):
                cluster.status = STATUS.DELETE_IN_PROGRESS
                cluster.save()
                hc.stacks.delete(records.stack_ref(cluster))
        except heat.NotFound:
            LOG.info('Cluster %s: stack %s already gone', cluster.uuid,
                     cluster.stack_id)
        except heat.HTTPError as e:
            raise HeatError(reason=str(e))

    def create_nodegroup(self, context, cluster, nodegroup):
        nodegroup.stack_id = cluster.stack_id
        self._update_stack(context, cluster)

    def update_nodegroup(self, context, cluster, nodegroup):
        self._update_stack(context, cluster)

    def delete_nodegroup(self, context, cluster, nodegroup):
        with sync.operation(cluster.uuid):
            nodegroup.status = STATUS.DELETE_IN_PROGRESS
            nodegroup.save()
            self._update_stack(context, cluster, exclude=(nodegroup.uuid,))

    def rotate_ca_certificate(self, context, cluster):
        # Magnum has already issued the new CA; the stack's cluster_ca
        # resource takes its new reference (an UPDATE the sync follows).
        self._update_stack(context, cluster)

    def rotate_credential(self, context, cluster):
        self._update_stack(
            context, cluster,
            parameters={'credential_serial': uuid.uuid4().hex})

    def create_federation(self, context, federation):
        raise exception.NotSupported(operation='Federation')

    def update_federation(self, context, federation):
        raise exception.NotSupported(operation='Federation')

    def delete_federation(self, context, federation):
        raise exception.NotSupported(operation='Federation')

    # -- status sync (Magnum's periodic task, admin context) -------------
    def update_cluster_status(self, context, cluster, use_admin_ctx=False):
        sync.update_cluster_status(context, cluster)
