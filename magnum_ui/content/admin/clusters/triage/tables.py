"""The triage table: one row per group of clusters with the same cause."""

from django.urls import reverse
from django.utils.html import format_html
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _

from horizon import tables

from magnum_ui.content.admin.clusters.triage import grouping
from magnum_ui.content.common import many_rows
from magnum_ui import statuses

STATUS_NAMES = dict(statuses.CLUSTER_STATUS_DISPLAY +
                    statuses.HEALTH_STATUS_DISPLAY)


def kind(group):
    return format_html('{}<br><small class="text-muted">{}</small>',
                       dict(grouping.KINDS)[group.kind],
                       STATUS_NAMES.get(group.status, group.status))


def cluster_links(group):
    return format_html_join(
        ', ', '<a href="{}" class="triage-cluster">{}</a>',
        ((reverse('horizon:admin:clusters:detail', args=[c.id]),
          c.name or c.id) for c in group.clusters))


def project_names(group):
    return ', '.join(group.projects)


class TriageTable(many_rows.ManyRowsTable, tables.DataTable):
    kind = tables.Column(kind, verbose_name=_('Problem'))
    cause = tables.WrappingColumn('cause', verbose_name=_('Cause'),
                                  classes=('triage-cause',))
    count = tables.Column('count', verbose_name=_('Clusters'),
                          classes=('triage-count',))
    projects = tables.WrappingColumn(project_names,
                                     verbose_name=_('Projects'),
                                     classes=('triage-projects',))
    clusters = tables.WrappingColumn(cluster_links, verbose_name=_('Which'),
                                     classes=('triage-clusters',))

    def get_object_id(self, datum):
        return datum.id

    def get_object_display(self, datum):
        return datum.cause

    class Meta(object):
        name = 'triage'
        verbose_name = _('Clusters in trouble, by cause')
        table_actions = ()
        row_actions = ()
        multi_select = False
