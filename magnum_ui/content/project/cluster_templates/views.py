"""Views of the cluster templates panel."""

from django import http
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views import generic

from horizon import exceptions
from horizon import tables
from horizon import tabs
from horizon import views
from horizon import workflows
from horizon.utils import memoized

from magnum_ui.api import magnum
from magnum_ui.api.wrappers import TEMPLATE_FIELDS
from magnum_ui.content.project.cluster_templates import cli
from magnum_ui.content.project.cluster_templates import names
from magnum_ui.content.project.cluster_templates import tables as template_tables
from magnum_ui.content.project.cluster_templates import tabs as template_tabs
from magnum_ui.content.project.cluster_templates import workflows as template_flows
from magnum_ui.content.common import labels as labels_util

INDEX_URL = 'horizon:project:cluster_templates:index'


class IndexView(tables.DataTableView):
    table_class = template_tables.ClusterTemplatesTable
    template_name = 'horizon/common/_data_table_view.html'
    page_title = _('Cluster Templates')

    def get_data(self):
        try:
            templates = magnum.cluster_template_list(self.request)
        except Exception:
            exceptions.handle(self.request,
                              _('Unable to retrieve cluster templates.'))
            return []
        image_names = names.image_names(self.request) if templates else {}
        for template in templates:
            template.image_name = image_names.get(template.image_id)
        return templates


def get_template_or_redirect(request, template_id, redirect_url):
    try:
        return magnum.cluster_template_get(request, template_id)
    except Exception:
        exceptions.handle(
            request, _('Unable to retrieve cluster template "%s".')
            % template_id, redirect=redirect_url)


class DetailView(tabs.TabView):
    tab_group_class = template_tabs.TemplateDetailTabs
    template_name = 'horizon/common/_detail.html'
    page_title = '{{ template.name|default:template.id }}'
    index_url = INDEX_URL
    table_class = template_tables.ClusterTemplatesTable

    @memoized.memoized_method
    def get_data(self):
        return get_template_or_redirect(
            self.request, self.kwargs['template_id'],
            reverse(self.index_url))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        template = self.get_data()
        table = self.table_class(self.request)
        context['template'] = template
        context['url'] = reverse(self.index_url)
        context['actions'] = table.render_row_actions(template)
        return context

    def get_tabs(self, request, *args, **kwargs):
        return self.tab_group_class(request, template=self.get_data(),
                                    **kwargs)


class CreateView(views.PageTitleMixin, workflows.WorkflowView):
    workflow_class = template_flows.CreateClusterTemplate
    page_title = _('Create Cluster Template')

    def get_initial(self):
        return {'dns_nameserver': '8.8.8.8', 'floating_ip_enabled': True,
                'server_type': 'vm'}


def template_values(template):
    return {field: getattr(template, field) for field in TEMPLATE_FIELDS}


class CloneView(CreateView):
    """The create wizard prefilled from an existing template."""

    def get_initial(self):
        if self.request.method == 'POST':
            return {}  # the posted values are the user's
        template = get_template_or_redirect(
            self.request, self.kwargs['template_id'], reverse(INDEX_URL))
        initial = {key: value for key, value in
                   template_values(template).items()
                   if value not in (None, '')}
        initial['name'] = '%s-copy' % (template.name or template.id)
        return initial


class UpdateView(views.PageTitleMixin, workflows.WorkflowView):
    workflow_class = template_flows.UpdateClusterTemplate
    page_title = _('Update Cluster Template')

    @memoized.memoized_method
    def get_object(self):
        return get_template_or_redirect(
            self.request, self.kwargs['template_id'], reverse(INDEX_URL))

    def get_initial(self):
        template = self.get_object()
        initial = template_values(template)
        initial['cluster_template_id'] = template.id
        initial['in_use_by'] = template_tables.clusters_using(
            self.request, template.id)
        return initial

    def get_workflow(self):
        return self.workflow_class(
            self.request, context_seed=self.get_initial(),
            entry_point=self.request.GET.get('step'),
            current=template_values(self.get_object()))


BOOLEAN_FIELDS = ('public', 'hidden', 'registry_enabled', 'tls_disabled',
                  'master_lb_enabled', 'floating_ip_enabled')


class CliPreviewView(generic.View):
    """The CLI command for the wizard's current (posted) values, as text.

    Reads the raw form fields only: no calls to any service.
    """

    def post(self, request, *args, **kwargs):
        values = {name: request.POST.get(name, '').strip()
                  for name in TEMPLATE_FIELDS if name not in BOOLEAN_FIELDS}
        for name in BOOLEAN_FIELDS:
            values[name] = name in request.POST
        values['labels'] = labels_util.valid_labels(
            request.POST.get('labels', ''))
        return http.HttpResponse(cli.build_command(values),
                                 content_type='text/plain; charset=utf-8')

