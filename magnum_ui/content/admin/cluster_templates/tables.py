"""All projects' cluster templates, with publish and hide toggles."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from horizon import tables

from magnum_ui.api import magnum
from magnum_ui.content.common import errors
from magnum_ui.content.common import many_rows
from magnum_ui.content.project.cluster_templates \
    import tables as project_tables

POLICY = 'container-infra'


class ToggleFlag(tables.BatchAction):
    """Set one boolean attribute (``flag``) of a template to ``value``."""
    flag = None
    value = None
    policy_rules = ((POLICY, 'clustertemplate:publish'),)

    def allowed(self, request, template=None):
        return template is None or bool(
            getattr(template, self.flag)) != self.value

    def action(self, request, obj_id):
        template = self.table.get_object_by_id(obj_id)
        try:
            magnum.cluster_template_update(
                request, obj_id, {self.flag: getattr(template, self.flag)},
                **{self.flag: self.value})
        except Exception as exc:
            # escalate: Horizon then skips its own reason-less summary.
            errors.handle(request, _('Unable to change cluster template '
                                     '"%s".') % template.name, exc,
                          escalate=True)


class Publish(ToggleFlag):
    name = 'publish'
    flag, value = 'public', True

    @staticmethod
    @many_rows.remembered
    def action_present(count):
        return ngettext_lazy('Publish Cluster Template',
                             'Publish Cluster Templates', count)

    @staticmethod
    @many_rows.remembered
    def action_past(count):
        return ngettext_lazy('Published Cluster Template',
                             'Published Cluster Templates', count)


class Unpublish(ToggleFlag):
    name = 'unpublish'
    flag, value = 'public', False

    @staticmethod
    @many_rows.remembered
    def action_present(count):
        return ngettext_lazy('Unpublish Cluster Template',
                             'Unpublish Cluster Templates', count)

    @staticmethod
    @many_rows.remembered
    def action_past(count):
        return ngettext_lazy('Unpublished Cluster Template',
                             'Unpublished Cluster Templates', count)


class Hide(ToggleFlag):
    name = 'hide'
    flag, value = 'hidden', True

    @staticmethod
    @many_rows.remembered
    def action_present(count):
        return ngettext_lazy('Hide Cluster Template',
                             'Hide Cluster Templates', count)

    @staticmethod
    @many_rows.remembered
    def action_past(count):
        return ngettext_lazy('Hid Cluster Template',
                             'Hid Cluster Templates', count)


class Unhide(ToggleFlag):
    name = 'unhide'
    flag, value = 'hidden', False

    @staticmethod
    @many_rows.remembered
    def action_present(count):
        return ngettext_lazy('Unhide Cluster Template',
                             'Unhide Cluster Templates', count)

    @staticmethod
    @many_rows.remembered
    def action_past(count):
        return ngettext_lazy('Unhid Cluster Template',
                             'Unhid Cluster Templates', count)


class AdminClusterTemplatesTable(project_tables.ClusterTemplatesTable):
    name = tables.WrappingColumn(
        'name', verbose_name=_('Name'),
        link='horizon:admin:cluster_templates:detail')
    project = tables.Column('project_name', verbose_name=_('Project'))

    class Meta(object):
        name = 'cluster_templates'
        verbose_name = _('Cluster Templates')
        columns = ('name', 'project', 'coe', 'public', 'hidden',
                   'network_driver', 'keypair_id', 'image', 'created_at')
        table_actions = (project_tables.NameFilter,
                         project_tables.DeleteClusterTemplate)
        row_actions = (Publish, Unpublish, Hide, Unhide,
                       project_tables.DeleteClusterTemplate)
