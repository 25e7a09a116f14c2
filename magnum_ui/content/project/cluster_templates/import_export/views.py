"""Export a cluster template as YAML; import YAML into the create wizard."""

import copy

from django import http
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views import generic
from openstack_dashboard import policy

from horizon import exceptions
from horizon import forms
from horizon import messages

from magnum_ui.content.common import names
from magnum_ui.content.project.cluster_templates.import_export import actions
from magnum_ui.content.project.cluster_templates.import_export import document
from magnum_ui.content.project.cluster_templates.import_export \
    import forms as import_forms
from magnum_ui.content.project.cluster_templates import steps
from magnum_ui.content.project.cluster_templates import views as panel_views
from magnum_ui.content.project.cluster_templates import workflows as wizards

INDEX_URL = panel_views.INDEX_URL
CREATE_URL = 'horizon:project:cluster_templates:create'
PUBLISHING = ('public', 'hidden')


class ExportView(generic.View):
    def get(self, request, template_id):
        template = panel_views.get_template_or_redirect(
            request, template_id, reverse(INDEX_URL))
        response = http.HttpResponse(document.export_text(template),
                                     content_type='application/yaml')
        response['Content-Disposition'] = (
            'attachment; filename="%s"' % document.filename(template))
        return response


class ImportedClusterTemplate(wizards.CreateClusterTemplate):
    """The create wizard whose form posts to the create view."""

    def get_absolute_url(self):
        return reverse(CREATE_URL)


class ImportedWizardView(panel_views.CreateView):
    """The create wizard bound to imported attributes and validated as if
    the user had typed them and pressed Submit; nothing is created here.
    """
    workflow_class = ImportedClusterTemplate

    def post(self, request, *args, **kwargs):
        context = self.get_context_data(**kwargs)
        context['workflow'].is_valid()
        return self.render_to_response(context)


def wizard_request(request, attributes):
    """A copy of ``request`` posting the attributes as the wizard's form
    (resources named by name as by id); missing attributes take the create
    wizard's defaults.
    """
    posted = panel_views.CreateView().get_initial()
    posted.update(names.resource_ids(request, attributes))
    imported = copy.copy(request)
    imported.POST = document.form_data(posted)
    return imported


class ImportView(forms.ModalFormView):
    form_class = import_forms.ImportForm
    template_name = 'magnum_ui/cluster_templates/import.html'
    modal_id = 'import_cluster_template_modal'
    form_id = 'import_cluster_template_form'
    modal_header = _('Import Cluster Template')
    page_title = _('Import Cluster Template')
    submit_label = _('Open in Wizard')
    submit_url = 'horizon:project:cluster_templates:import_export:import'
    success_url = INDEX_URL

    def dispatch(self, request, *args, **kwargs):
        if not policy.check(actions.CREATE_RULE, request):
            messages.error(request, _('You are not allowed to create '
                                      'cluster templates.'))
            raise exceptions.Http302(reverse(INDEX_URL))
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context['submit_url'] = reverse(self.submit_url)
        context['cancel_url'] = reverse(INDEX_URL)
        return context

    def form_valid(self, form):
        attributes = dict(form.cleaned_data['attributes'])
        if not steps.may_publish(self.request):
            dropped = [key for key in PUBLISHING if attributes.pop(key, None)]
            if dropped:
                messages.warning(self.request, _(
                    'Not imported: %s. Only those allowed to publish '
                    'cluster templates may set them.') % ', '.join(dropped))
        wizard = ImportedWizardView()
        request = wizard_request(self.request, attributes)
        wizard.setup(request)
        return wizard.post(request)
