from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from horizon import exceptions
from horizon import forms
from horizon import messages

from magnum_ui.api import magnum


def _fail(request, message, exc):
    exceptions.handle(request, '%s %s' % (message, magnum.error_message(exc)),
                      redirect=reverse('horizon:admin:container_infra_quotas:'
                                       'index'))


class CreateQuotaForm(forms.SelfHandlingForm):
    project_id = forms.ThemableChoiceField(label=_('Project'))
    hard_limit = forms.IntegerField(
        label=_('Clusters'), min_value=0,
        help_text=_('How many clusters the project may have.'))

    def __init__(self, request, *args, **kwargs):
        projects = kwargs.pop('projects')
        super().__init__(request, *args, **kwargs)
        self.fields['project_id'].choices = (
            [('', _('Select a project'))] +
            [(project.id, project.name) for project in projects])

    def handle(self, request, data):
        try:
            magnum.quota_create(request, data['project_id'],
                                data['hard_limit'])
        except Exception as exc:
            _fail(request, _('Unable to set the quota.'), exc)
            return False
        messages.success(request, _('Quota set.'))
        return True


class UpdateQuotaForm(forms.SelfHandlingForm):
    project_id = forms.CharField(widget=forms.HiddenInput())
    hard_limit = forms.IntegerField(label=_('Clusters'), min_value=0)

    def handle(self, request, data):
        try:
            magnum.quota_update(request, data['project_id'],
                                data['hard_limit'])
        except Exception as exc:
            _fail(request, _('Unable to update the quota.'), exc)
            return False
        messages.success(request, _('Quota updated.'))
        return True
