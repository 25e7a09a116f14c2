"""Read-only nodegroups table of the cluster detail page."""

from django.utils.translation import gettext_lazy as _

from horizon import tables

from magnum_ui.content.project.clusters import tables as cluster_tables


class NodegroupsTable(tables.DataTable):
    name = tables.Column('name', verbose_name=_('Name'))
    role = tables.Column('role', verbose_name=_('Role'))
    is_default = tables.Column(
        'is_default', verbose_name=_('Default'),
        filters=(lambda value: _('Yes') if value else _('No'),))
    node_count = tables.Column('node_count', verbose_name=_('Nodes'))
    min_node_count = tables.Column('min_node_count', verbose_name=_('Min'),
                                   empty_value='-')
    max_node_count = tables.Column('max_node_count', verbose_name=_('Max'),
                                   empty_value='-')
    flavor_id = tables.Column('flavor_id', verbose_name=_('Flavor'),
                              empty_value='-')
    status = cluster_tables.StatusColumn()

    class Meta(object):
        name = 'nodegroups'
        verbose_name = _('Nodegroups')
        status_columns = ['status']
        row_class = cluster_tables.StatusRow
