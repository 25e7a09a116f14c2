"""Actions of the nodegroups table: create, update, resize, upgrade, delete.

Allowed as Magnum's policy (its rule names) and the group's status say;
the default groups cannot be deleted (Magnum refuses it), so their delete
button is disabled with the reason.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from horizon import exceptions
from horizon import tables

from magnum_ui.api import magnum
from magnum_ui.content.common import cli
from magnum_ui.content.common import errors
from magnum_ui.content.common import many_rows
from magnum_ui.content.common import policy
from magnum_ui.content.project.clusters.nodegroups import data
from magnum_ui.content.project.clusters.operations import allowed

DEFAULT_GROUP_REASON = _('Magnum keeps the default master and worker '
                         'nodegroups for the life of the cluster: delete '
                         'the cluster to remove them.')


def cluster_id(table):
    return table.kwargs['cluster_id']


def cluster_name(table):
    """The cluster's name: the tab's cluster, or the row refresh's
    ``cluster_name``.
    """
    cluster = table.kwargs.get('cluster')
    return ((cluster.name if cluster else table.kwargs.get('cluster_name'))
            or cluster_id(table))


def is_stable(group):
    return group is not None and group.status in allowed.STABLE_STATUSES


class CreateNodegroup(policy.CheckedOncePerRequest, tables.LinkAction):
    name = 'create'
    verbose_name = _('Add Nodegroup')
    url = 'horizon:project:clusters:nodegroups:create'
    classes = ('ajax-modal', 'btn-create')
    icon = 'plus'
    policy_rules = (('container-infra', 'nodegroup:create'),)

    def get_link_url(self, datum=None):
        return reverse(self.url, args=[cluster_id(self.table)])


class NodegroupLink(policy.CheckedOncePerRequest, tables.LinkAction):
    classes = ('ajax-modal',)

    def get_link_url(self, datum=None):
        return reverse(self.url, args=[cluster_id(self.table), datum.id])

    def allowed(self, request, datum=None):
        return is_stable(datum)


class UpdateNodegroup(NodegroupLink):
    name = 'update'
    verbose_name = _('Edit Nodegroup')
    url = 'horizon:project:clusters:nodegroups:update'
    icon = 'pencil'
    policy_rules = (('container-infra', 'nodegroup:update'),)


class ResizeNodegroup(NodegroupLink):
    name = 'resize'
    verbose_name = _('Resize Nodegroup')
    url = 'horizon:project:clusters:nodegroups:resize'
    icon = 'arrows-h'
    policy_rules = (('container-infra', 'cluster:resize'),)

    def allowed(self, request, datum=None):
        return (super().allowed(request, datum)
                and magnum.supports(request, 'resize'))


class UpgradeNodegroup(NodegroupLink):
    name = 'upgrade'
    verbose_name = _('Upgrade Nodegroup')
    url = 'horizon:project:clusters:nodegroups:upgrade'
    icon = 'level-up'
    policy_rules = (('container-infra', 'cluster:upgrade'),)

    def allowed(self, request, datum=None):
        return (super().allowed(request, datum)
                and magnum.supports(request, 'upgrade'))


class DeleteNodegroup(policy.CheckedOncePerRequest, tables.DeleteAction):
    policy_rules = (('container-infra', 'nodegroup:delete'),)

    @staticmethod
    @many_rows.remembered
    def action_present(count):
        return ngettext_lazy('Delete Nodegroup', 'Delete Nodegroups', count)

    @staticmethod
    @many_rows.remembered
    def action_past(count):
        return ngettext_lazy('Deletion of Nodegroup requested',
                             'Deletion of Nodegroups requested', count)

    def allowed(self, request, datum=None):
        return datum is None or not (datum.status or '').startswith('DELETE')

    def update(self, request, datum):
        if datum is None:
            return
        if datum.is_default:
            self.attrs['disabled'] = 'disabled'
            self.attrs['title'] = DEFAULT_GROUP_REASON
            return
        # Shown in the confirmation next to "This action cannot be undone".
        self.help_text = '%s %s' % (
            _('Equivalent command:'),
            cli.nodegroup_delete(cluster_name(self.table), datum.name))

    def delete(self, request, obj_id):
        group = self.table.get_object_by_id(obj_id)
        try:
            if group is not None and group.is_default:
                raise exceptions.NotAvailable(DEFAULT_GROUP_REASON)
            magnum.nodegroup_delete(request, cluster_id(self.table), obj_id)
        except Exception as exc:
            # escalate: Horizon then skips its own reason-less summary.
            errors.handle(request, _('Unable to delete nodegroup %s.')
                          % getattr(group, 'name', obj_id), exc,
                          escalate=True)
        data.remember(request, cluster_id(self.table), group or obj_id,
                      data.DELETING)
