"""The cluster templates table and its actions (Magnum policy rule names)."""

from urllib import parse

from django.template import defaultfilters
from django.urls import NoReverseMatch
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from horizon import tables
from horizon.utils import filters

from magnum_ui.api import magnum
from magnum_ui.content.common import errors
from magnum_ui.content.common import many_rows
from magnum_ui.content.common import policy
from magnum_ui.content.project.cluster_templates.import_export \
    import actions as import_export
from magnum_ui.content.project.clusters import data as cluster_data

POLICY = 'container-infra'
YES_NO = (defaultfilters.yesno, defaultfilters.capfirst)


def _on_admin_dashboard(request):
    dashboard = getattr(request, 'horizon', {}).get('dashboard')
    return getattr(dashboard, 'slug', None) == 'admin'


def visible_clusters(request):
    """The clusters a page may name; raises what Magnum does.

    Magnum lists every project's clusters to an admin: the Admin dashboard
    shows them all, any other page only the current project's.
    """
    if _on_admin_dashboard(request):
        return magnum.cluster_list(request)
    return cluster_data.project_clusters(request)


def clusters_using(request, template_id):
    """Names of the visible clusters that use the template."""
    try:
        clusters = visible_clusters(request)
    except Exception:
        return []
    return [cluster.name or cluster.id for cluster in clusters
            if cluster.cluster_template_id == template_id]


def delete_failure_message(request, template, exc):
    """What failed, and the clusters holding the template if any (Magnum's
    reason is added by ``errors.handle``).
    """
    display = template.name if template else ''
    message = _('Unable to delete cluster template "%s".') % display
    holders = clusters_using(request, template.id if template else None)
    if holders:
        message += ' ' + _('It is used by: %s.') % ', '.join(holders)
    elif 'referenced' in errors.reason(exc):
        message += ' ' + _('The clusters using it belong to other projects.')
    return message


class CreateClusterTemplate(policy.CheckedOncePerRequest,
                            tables.LinkAction):
    name = 'create'
    verbose_name = _('Create Cluster Template')
    url = 'horizon:project:cluster_templates:create'
    classes = ('ajax-modal',)
    icon = 'plus'
    policy_rules = ((POLICY, 'clustertemplate:create'),)


class UpdateClusterTemplate(policy.CheckedOncePerRequest,
                            tables.LinkAction):
    name = 'update'
    verbose_name = _('Update Cluster Template')
    url = 'horizon:project:cluster_templates:update'
    classes = ('ajax-modal',)
    icon = 'pencil'
    policy_rules = ((POLICY, 'clustertemplate:update'),)


class CloneClusterTemplate(policy.CheckedOncePerRequest,
                           tables.LinkAction):
    name = 'clone'
    verbose_name = _('Clone Cluster Template')
    url = 'horizon:project:cluster_templates:clone'
    classes = ('ajax-modal',)
    icon = 'copy'
    policy_rules = ((POLICY, 'clustertemplate:create'),)


class CreateClusterFromTemplate(policy.CheckedOncePerRequest,
                                tables.LinkAction):
    name = 'create_cluster'
    verbose_name = _('Create Cluster')
    classes = ('ajax-modal',)
    icon = 'plus'
    policy_rules = ((POLICY, 'cluster:create'),)

    def cluster_create_url(self):
        try:
            return reverse('horizon:project:clusters:create:index')
        except NoReverseMatch:
            return None

    def allowed(self, request, template=None):
        return self.cluster_create_url() is not None

    def get_link_url(self, template):
        return '%s?%s' % (self.cluster_create_url(), parse.urlencode(
            {'cluster_template_id': template.id}))


class DeleteClusterTemplate(policy.CheckedOncePerRequest,
                            tables.DeleteAction):
    policy_rules = ((POLICY, 'clustertemplate:delete'),)

    @staticmethod
    @many_rows.remembered
    def action_present(count):
        return ngettext_lazy('Delete Cluster Template',
                             'Delete Cluster Templates', count)

    @staticmethod
    @many_rows.remembered
    def action_past(count):
        return ngettext_lazy('Deleted Cluster Template',
                             'Deleted Cluster Templates', count)

    def delete(self, request, obj_id):
        try:
            magnum.cluster_template_delete(request, obj_id)
        except Exception as exc:
            template = self.table.get_object_by_id(obj_id)
            errors.handle(
                request, delete_failure_message(request, template, exc),
                exc, escalate=True)


class NameFilter(tables.FilterAction):
    def filter(self, table, templates, filter_string):
        query = filter_string.lower()
        return [template for template in templates
                if query in (template.name or '').lower()]


def image_display(template):
    return getattr(template, 'image_name', None) or template.image_id


class ClusterTemplatesTable(many_rows.ManyRowsTable,
                            tables.DataTable):
    name = tables.WrappingColumn(
        'name', verbose_name=_('Name'),
        link='horizon:project:cluster_templates:detail')
    coe = tables.Column('coe', verbose_name=_('COE'))
    public = tables.Column('public', verbose_name=_('Public'),
                           filters=YES_NO)
    hidden = tables.Column('hidden', verbose_name=_('Hidden'),
                           filters=YES_NO)
    network_driver = tables.Column('network_driver',
                                   verbose_name=_('Network Driver'))
    keypair_id = tables.Column('keypair_id', verbose_name=_('Key Pair'))
    image = tables.Column(image_display, verbose_name=_('Image'))
    created_at = tables.Column('created_at', verbose_name=_('Created'),
                               filters=(filters.parse_isotime,
                                        filters.timesince_sortable),
                               attrs={'data-type': 'timesince'})

    def get_object_display(self, template):
        return template.name or template.id

    class Meta(object):
        name = 'cluster_templates'
        verbose_name = _('Cluster Templates')
        table_actions = (NameFilter, CreateClusterTemplate,
                         import_export.ImportClusterTemplate,
                         DeleteClusterTemplate)
        row_actions = (CreateClusterFromTemplate, UpdateClusterTemplate,
                       CloneClusterTemplate,
                       import_export.ExportClusterTemplate,
                       DeleteClusterTemplate)
