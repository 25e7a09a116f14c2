"""The create-cluster wizard page."""

from django.utils.translation import gettext_lazy as _

from horizon import views
from horizon import workflows

from magnum_ui.content.project.clusters.create import workflows as create_workflows


class CreateView(views.PageTitleMixin, workflows.WorkflowView):
    workflow_class = create_workflows.CreateCluster
    template_name = 'magnum_ui/clusters/create.html'
    page_title = _('Create Cluster')

    def get_initial(self):
        initial = super().get_initial()
        template_id = self.request.GET.get('cluster_template_id')
        if template_id:
            initial['cluster_template_id'] = template_id
        return initial
