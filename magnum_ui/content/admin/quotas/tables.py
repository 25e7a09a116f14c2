from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from horizon import tables

from magnum_ui.api import magnum
from magnum_ui.content.common import errors
from magnum_ui.content.common import many_rows


class CreateQuota(tables.LinkAction):
    name = 'create'
    verbose_name = _('Set Quota')
    url = 'horizon:admin:container_infra_quotas:create'
    classes = ('ajax-modal',)
    icon = 'plus'
    policy_rules = (('container-infra', 'quota:create'),)


class UpdateQuota(tables.LinkAction):
    name = 'update'
    verbose_name = _('Edit Quota')
    classes = ('ajax-modal',)
    icon = 'pencil'
    policy_rules = (('container-infra', 'quota:update'),)

    def get_link_url(self, quota):
        return reverse('horizon:admin:container_infra_quotas:update',
                       args=[quota.project_id])


class DeleteQuota(tables.DeleteAction):
    policy_rules = (('container-infra', 'quota:delete'),)

    @staticmethod
    @many_rows.remembered
    def action_present(count):
        return ngettext_lazy('Delete Quota', 'Delete Quotas', count)

    @staticmethod
    @many_rows.remembered
    def action_past(count):
        return ngettext_lazy('Deleted Quota', 'Deleted Quotas', count)

    def delete(self, request, project_id):
        try:
            magnum.quota_delete(request, project_id)
        except Exception as exc:
            quota = self.table.get_object_by_id(project_id)
            # escalate: Horizon then skips its own reason-less summary.
            errors.handle(request, _(
                'Unable to delete the quota of project "%s".')
                % getattr(quota, 'project_name', project_id), exc,
                escalate=True)


class QuotasTable(tables.DataTable):
    project = tables.Column('project_name', verbose_name=_('Project'))
    resource = tables.Column('resource', verbose_name=_('Resource'))
    hard_limit = tables.Column('hard_limit', verbose_name=_('Limit'))

    def get_object_id(self, quota):
        return quota.project_id

    def get_object_display(self, quota):
        return quota.project_name

    class Meta(object):
        name = 'quotas'
        verbose_name = _('Cluster Quotas')
        table_actions = (CreateQuota, DeleteQuota)
        row_actions = (UpdateQuota, DeleteQuota)
