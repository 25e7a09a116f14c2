from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from horizon import forms
from horizon import tables
from horizon.utils import memoized

from magnum_ui.api import magnum
from magnum_ui.content.admin.quotas import forms as quota_forms
from magnum_ui.content.admin.quotas import tables as quota_tables
from magnum_ui.content.common import errors
from magnum_ui.content.common import projects

INDEX_URL = reverse_lazy('horizon:admin:container_infra_quotas:index')


class IndexView(tables.DataTableView):
    table_class = quota_tables.QuotasTable
    template_name = 'horizon/common/_data_table_view.html'
    page_title = _('Cluster Quotas')

    def get_data(self):
        try:
            quotas = magnum.quota_list(self.request, all_tenants=True)
        except Exception as exc:
            errors.handle(self.request, _('Unable to retrieve quotas.'), exc)
            return []
        return projects.name_projects(self.request, quotas)


class CreateView(forms.ModalFormView):
    form_class = quota_forms.CreateQuotaForm
    template_name = 'horizon/common/_modal_form.html'
    # The table opens these as modals: the same partial, not "_" + it.
    ajax_template_name = template_name
    form_id = 'create_quota_form'
    modal_header = page_title = _('Set Cluster Quota')
    submit_label = _('Set Quota')
    submit_url = reverse_lazy('horizon:admin:container_infra_quotas:create')
    success_url = INDEX_URL

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        try:
            with_quota = {q.project_id for q in
                          magnum.quota_list(self.request, all_tenants=True)}
        except Exception as exc:
            errors.handle(self.request, _('Unable to retrieve quotas.'), exc)
            with_quota = set()
        kwargs['projects'] = [
            (project_id, name) for project_id, name
            in projects.project_names(self.request).items()
            if project_id not in with_quota]
        return kwargs


class UpdateView(forms.ModalFormView):
    form_class = quota_forms.UpdateQuotaForm
    template_name = 'horizon/common/_modal_form.html'
    # The table opens these as modals: the same partial, not "_" + it.
    ajax_template_name = template_name
    form_id = 'update_quota_form'
    modal_header = page_title = _('Edit Cluster Quota')
    submit_label = _('Save')
    success_url = INDEX_URL

    @property
    def submit_url(self):
        return reverse_lazy('horizon:admin:container_infra_quotas:update',
                            args=[self.kwargs['project_id']])

    @memoized.memoized_method
    def get_object(self):
        try:
            return magnum.quota_get(self.request, self.kwargs['project_id'])
        except Exception as exc:
            errors.handle(self.request, _('Unable to retrieve the quota.'),
                          exc, redirect=INDEX_URL)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs['project_id'] = self.kwargs['project_id']
        return kwargs

    def get_initial(self):
        return {'hard_limit': self.get_object().hard_limit}
