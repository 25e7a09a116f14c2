"""Nodegroups table of the cluster detail page; busy rows refresh."""

from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from horizon import tables

from magnum_ui.content.common import many_rows
from magnum_ui.content.project.clusters import autoscaling
from magnum_ui.content.project.clusters.nodegroups import actions
from magnum_ui.content.project.clusters import tables as cluster_tables
from magnum_ui.content.project.clusters import upgrades


def default_text(group):
    if not group.is_default:
        return _('No')
    return format_html('{} <span class="text-muted" title="{}">({})</span>',
                       _('Yes'), actions.DEFAULT_GROUP_REASON,
                       _('cannot be deleted'))


def flavor_text(group):
    return getattr(group, 'flavor_name', None) or group.flavor_id or '-'


def kubernetes_text(group):
    tag = upgrades.nodegroup_tag(group)
    if not tag:
        return '-'
    if not getattr(group, 'drift', False):
        return tag
    return format_html(
        '{} <span class="label label-warning nodegroup-drift" title="{}">{}'
        '</span>', tag, _('Another Kubernetes version than the cluster'),
        _('drift'))


def nodes_text(group):
    """The size last requested.

    With the autoscaler on, against its bounds; marked when the nodes
    reported differ from it.
    """
    scaling = autoscaling.nodegroup_scaling(group)
    text = format_html('{}', scaling.requested)
    if scaling.enabled:
        text = format_html(
            '{} <span class="text-muted nodegroup-autoscaling" title="{}">'
            '({} {}&ndash;{})</span>', text,
            _('The cluster autoscaler keeps this group within these bounds'),
            _('autoscaling'), '-' if scaling.low is None else scaling.low,
            '-' if scaling.high is None else scaling.high)
    if scaling.differs:
        text = format_html(
            '{} <span class="label label-info nodegroup-count-differs" '
            'title="{}">{}</span>', text,
            _('Nodes the driver reports, against the size last requested'),
            _('%d reported') % scaling.running)
    return text


class NodegroupsTable(many_rows.ManyRowsTable, tables.DataTable):
    name = tables.Column('name', verbose_name=_('Name'))
    role = tables.Column('role', verbose_name=_('Role'))
    is_default = tables.Column(default_text, verbose_name=_('Default'))
    status = cluster_tables.StatusColumn()
    node_count = tables.Column(nodes_text, verbose_name=_('Nodes'))
    min_node_count = tables.Column('min_node_count', verbose_name=_('Min'),
                                   empty_value='-')
    max_node_count = tables.Column('max_node_count', verbose_name=_('Max'),
                                   empty_value='-')
    flavor = tables.Column(flavor_text, verbose_name=_('Flavor'))
    kubernetes = tables.Column(kubernetes_text, verbose_name=_('Kubernetes'))

    def get_object_display(self, datum):
        return datum.name or datum.id

    class Meta(object):
        name = 'nodegroups'
        verbose_name = _('Nodegroups')
        status_columns = ['status']
        # Refreshed by the batched poller (cluster_rows.js), not Horizon's.
        row_class = cluster_tables.StatusRow
        table_actions = (actions.CreateNodegroup,)
        row_actions = (actions.ResizeNodegroup, actions.UpdateNodegroup,
                       actions.UpgradeNodegroup, actions.DeleteNodegroup)
