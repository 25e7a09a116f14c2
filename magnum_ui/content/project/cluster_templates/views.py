"""Views of the cluster templates panel."""

from django.core.cache import cache
from django import http
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from horizon import tables
from horizon import tabs
from horizon.utils import memoized
from horizon import views
from horizon import workflows
from openstack_dashboard import policy

from magnum_ui.api import magnum
from magnum_ui.api.wrappers import TEMPLATE_FIELDS
from magnum_ui.content.common import cli
from magnum_ui.content.common import cli_views
from magnum_ui.content.common import errors
from magnum_ui.content.common import names
from magnum_ui.content.project.cluster_templates import steps
from magnum_ui.content.project.cluster_templates import tables as panel_tables
from magnum_ui.content.project.cluster_templates import tabs as panel_tabs
from magnum_ui.content.project.cluster_templates import workflows as wizards

INDEX_URL = 'horizon:project:cluster_templates:index'
UPDATE_PREVIEW_SECONDS = 600


def _update_key(request, template_id):
    return 'magnum_ui:template-update:%s:%s:%s' % (
        request.user.services_region, request.user.project_id, template_id)


class IndexView(tables.DataTableView):
    table_class = panel_tables.ClusterTemplatesTable
    template_name = 'horizon/common/_data_table_view.html'
    page_title = _('Cluster Templates')

    def get_data(self):
        try:
            templates = magnum.cluster_template_list(self.request)
        except Exception as exc:
            errors.handle(self.request,
                          _('Unable to retrieve cluster templates.'), exc)
            return []
        image_names = names.image_names(self.request) if templates else {}
        for template in templates:
            template.image_name = image_names.get(template.image_id)
        return templates


def get_template_or_redirect(request, template_id, redirect_url):
    try:
        return magnum.cluster_template_get(request, template_id)
    except Exception as exc:
        errors.handle(
            request, _('Unable to retrieve cluster template "%s".')
            % template_id, exc, redirect=redirect_url)


class DetailView(tabs.TabView):
    tab_group_class = panel_tabs.TemplateDetailTabs
    template_name = 'horizon/common/_detail.html'
    page_title = '{{ template.name|default:template.id }}'
    index_url = INDEX_URL
    table_class = panel_tables.ClusterTemplatesTable

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
    workflow_class = wizards.CreateClusterTemplate
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
        # Names the template holds (as Magnum keeps them) become the ids
        # the selects list, so the posted wizard is valid.
        initial = {key: value for key, value in names.resource_ids(
            self.request, template_values(template)).items()
            if value not in (None, '')}
        initial['name'] = '%s-copy' % (template.name or template.id)
        return initial


class UpdateView(views.PageTitleMixin, workflows.WorkflowView):
    workflow_class = wizards.UpdateClusterTemplate
    page_title = _('Update Cluster Template')

    @memoized.memoized_method
    def get_object(self):
        return get_template_or_redirect(
            self.request, self.kwargs['template_id'], reverse(INDEX_URL))

    @memoized.memoized_method
    def get_initial(self):
        template = self.get_object()
        initial = template_values(template)
        initial['cluster_template_id'] = template.id
        initial['in_use_by'] = panel_tables.clusters_using(
            self.request, template.id)
        # The command preview compares with these, asking no service.
        cache.set(_update_key(self.request, template.id),
                  (template_values(template), initial['in_use_by']),
                  UPDATE_PREVIEW_SECONDS)
        return initial

    def get_workflow(self):
        return self.workflow_class(
            self.request, context_seed=self.get_initial(),
            entry_point=self.request.GET.get('step'),
            current=template_values(self.get_object()))


class CliPreviewView(cli_views.CommandView):
    """The CLI command for the wizard's current (posted) values, as text."""
    workflow_class = wizards.CreateClusterTemplate

    def command(self, values):
        return cli.template_create(values)


class UpdateCliPreviewView(cli_views.CommandView):
    """The update command for the wizard's posted fields: what saving them
    would send, against the template as the page was rendered.
    """
    workflow_class = wizards.UpdateClusterTemplate

    def post(self, request, *args, **kwargs):
        template_id = self.kwargs['template_id']
        kept = cache.get(_update_key(request, template_id))
        if kept is None:  # expired: as the page would read them
            try:
                template = magnum.cluster_template_get(request, template_id)
            except Exception as exc:  # the preview keeps its last text
                return http.HttpResponse(errors.reason(exc), status=503)
            kept = (template_values(template),
                    panel_tables.clusters_using(request, template_id))
        self.current, self.in_use_by = kept
        return super().post(request, *args, **kwargs)

    def editable(self, name):
        if name not in TEMPLATE_FIELDS:
            return False
        if name in ('public', 'hidden') and not policy.check(
                steps.PUBLISH_RULE, self.request):
            return False
        return not (self.in_use_by and
                    steps.locked_in_use(name, self.current))

    def command(self, values):
        wanted = {name: value for name, value in values.items()
                  if self.editable(name)}
        return cli.template_update(
            self.kwargs['template_id'],
            wizards.update_patches(self.current, wanted, self.in_use_by)
        ) or str(wizards.NO_CHANGE)
