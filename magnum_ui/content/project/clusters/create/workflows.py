"""The create-cluster wizard (Details, Size, Network, Management, Labels)."""

from django.utils.translation import gettext_lazy as _

from horizon import workflows

from magnum_ui.api import magnum
from magnum_ui.content.common import errors
from magnum_ui.content.project.clusters.create import labels
from magnum_ui.content.project.clusters.create import projection
from magnum_ui.content.project.clusters.create import steps
from magnum_ui.content.project.clusters import pending
from magnum_ui.content.project.clusters import usage


class CreateCluster(workflows.Workflow):
    slug = 'create_cluster'
    name = _('Create Cluster')
    finalize_button_name = _('Create')
    success_message = _('Creation of cluster "%s" requested.')
    failure_message = _('Unable to create cluster "%s".')
    success_url = 'horizon:project:clusters:index'
    multipart = False
    default_steps = (steps.Details, steps.Size, steps.Network,
                     steps.Management, labels.Labels)

    def format_status_message(self, message):
        return message % self.context.get('name', '')

    def validate(self, context):
        """Refuse what the quotas cannot hold, before Magnum is asked; the
        Size step shows the table and names each blocking resource.
        """
        found = projection.wizard_projection(self.request, context)
        if not found.blocking:
            return True
        step = self.get_step('size')
        step.action.add_error(None, found.message())
        step.has_errors = True
        return False

    def handle(self, request, context):
        values = labels.create_values(context)
        try:
            self.object = magnum.cluster_create(request, **values)
        except Exception as exc:
            errors.workflow_failed(
                self, _('Unable to create the cluster.'), exc, 'details')
        # Magnum lists the cluster a moment later: shown at once meanwhile.
        pending.remember(request, self.object.id, pending.CREATING, **values)
        usage.forget(request)
        return True
