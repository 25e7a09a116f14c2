from django.utils.translation import gettext_lazy as _

from horizon import forms
from horizon import messages

from magnum_ui.api import magnum
from magnum_ui.content.common import errors


class QuotaForm(forms.SelfHandlingForm):
    """Sets a project's cluster limit through ``save``."""

    failure_message = None
    success_message = None

    def save(self, request, project_id, hard_limit):
        raise NotImplementedError

    def handle(self, request, data):
        try:
            self.save(request, data['project_id'], data['hard_limit'])
        except Exception as exc:
            return errors.form_failed(self, self.failure_message, exc)
        messages.success(request, self.success_message)
        return True


class CreateQuotaForm(QuotaForm):
    project_id = forms.ThemableChoiceField(label=_('Project'))
    hard_limit = forms.IntegerField(
        label=_('Clusters'), min_value=0,
        help_text=_('How many clusters the project may have.'))
    failure_message = _('Unable to set the quota.')
    success_message = _('Quota set.')

    def __init__(self, request, *args, **kwargs):
        projects = kwargs.pop('projects')
        super().__init__(request, *args, **kwargs)
        self.fields['project_id'].choices = (
            [('', _('Select a project'))] + list(projects))

    def save(self, request, project_id, hard_limit):
        magnum.quota_create(request, project_id, hard_limit)


class UpdateQuotaForm(QuotaForm):
    project_id = forms.CharField(widget=forms.HiddenInput())
    hard_limit = forms.IntegerField(label=_('Clusters'), min_value=0)
    failure_message = _('Unable to update the quota.')
    success_message = _('Quota updated.')

    def save(self, request, project_id, hard_limit):
        magnum.quota_update(request, project_id, hard_limit)
