from django.utils.translation import gettext_lazy as _

from horizon import forms
from horizon import messages

from magnum_ui.api import magnum
from magnum_ui.content.common import errors


class QuotaForm(forms.SelfHandlingForm):
    """Sets a project's cluster limit through ``save``."""

    failure_message = None
    success_message = None

    def target_project(self, data):
        """The id of the project whose limit is set."""
        raise NotImplementedError

    def save(self, request, project_id, hard_limit):
        raise NotImplementedError

    def handle(self, request, data):
        try:
            self.save(request, self.target_project(data), data['hard_limit'])
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

    def target_project(self, data):
        return data['project_id']

    def save(self, request, project_id, hard_limit):
        magnum.quota_create(request, project_id, hard_limit)


class UpdateQuotaForm(QuotaForm):
    """The project is the one of the URL, given by the view: never a
    posted value, which a crafted request could point at another project.
    """

    hard_limit = forms.IntegerField(label=_('Clusters'), min_value=0)
    failure_message = _('Unable to update the quota.')
    success_message = _('Quota updated.')

    def __init__(self, request, *args, **kwargs):
        self.project_id = kwargs.pop('project_id')
        super().__init__(request, *args, **kwargs)

    def target_project(self, data):
        return self.project_id

    def save(self, request, project_id, hard_limit):
        magnum.quota_update(request, project_id, hard_limit)
