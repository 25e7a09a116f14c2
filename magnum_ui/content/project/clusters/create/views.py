"""The create-cluster wizard page and its command preview."""

from django import shortcuts
from django.utils.translation import gettext_lazy as _
from django.views import generic

from horizon import views
from horizon import workflows

from magnum_ui.content.common import choices
from magnum_ui.content.common import cli
from magnum_ui.content.common import cli_views
from magnum_ui.content.project.clusters.create import labels
from magnum_ui.content.project.clusters.create import prefill
from magnum_ui.content.project.clusters.create import projection
from magnum_ui.content.project.clusters.create import workflows as create_flows


class CreateView(views.PageTitleMixin, workflows.WorkflowView):
    workflow_class = create_flows.CreateCluster
    template_name = 'magnum_ui/clusters/create.html'
    page_title = _('Create Cluster')

    def get_initial(self):
        initial = super().get_initial()
        # ?cluster_template_id=…, or every field (recreating a cluster)
        initial.update(prefill.initial(self.request.GET))
        return initial

    def get_context_data(self, **kwargs):
        # Horizon builds a step's form while the page renders, after the
        # page's messages: the template list is read first, so that its
        # failure is among them (memoized: the Details step reuses it).
        choices.templates_by_id(self.request)
        return super().get_context_data(**kwargs)


class CliView(cli_views.CommandView):
    """The command for the wizard's posted fields, as the wizard sends it."""
    workflow_class = create_flows.CreateCluster

    def command(self, values):
        return cli.cluster_create(labels.create_values(values))


class QuotaPreviewView(generic.View):
    """POST: the wizard's raw fields; answer: the quota table for them,
    from the inputs the page was rendered with (no service asked).
    """

    def post(self, request, *args, **kwargs):
        values = {name: request.POST.get(name, '')
                  for name in projection.FIELDS}
        return shortcuts.render(
            request, 'magnum_ui/clusters/_quota_table.html',
            {'projection': projection.wizard_projection(request, values,
                                                        cached=True)})
