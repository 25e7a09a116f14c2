"""Create and update workflows for cluster templates."""

from django.utils.translation import gettext_lazy as _

from horizon import workflows

from magnum_ui.api import magnum
from magnum_ui.api.wrappers import TEMPLATE_FIELDS
from magnum_ui.content.common import choices
from magnum_ui.content.common import errors
from magnum_ui.content.project.cluster_templates import steps


class TemplateWorkflowBase(workflows.Workflow):
    wizard = True
    success_url = 'horizon:project:cluster_templates:index'
    default_steps = (steps.InfoStep, steps.NodeSpecStep, steps.NetworkStep,
                     steps.LabelsStep)

    def validate(self, context):
        """Checks across steps; errors go to the step holding the field."""
        coe = context.get('coe')
        valid = True
        for field, table, slug in (
                ('network_driver', choices.NETWORK_DRIVERS, 'network'),
                ('volume_driver', choices.VOLUME_DRIVERS, 'node_spec')):
            value = context.get(field)
            step = self.get_step(slug)
            if (value and not step.action.fields[field].disabled and
                    value not in dict(table.get(coe, ()))):
                step.action.add_error(field, _(
                    '"%(driver)s" is not available for %(coe)s.') % {
                        'driver': value, 'coe': coe})
                step.has_errors = True
                valid = False
        return valid

    def values(self, context):
        """The Magnum attributes the user could set, from the context."""
        result = {}
        for step in self.steps:
            for name, field in step.action.fields.items():
                if name in TEMPLATE_FIELDS and not field.disabled:
                    result[name] = context.get(name)
        return result


class CreateClusterTemplate(TemplateWorkflowBase):
    slug = 'create_cluster_template'
    name = _('Create Cluster Template')
    finalize_button_name = _('Submit')
    success_message = _('Cluster template "%s" created.')
    failure_message = _('Unable to create cluster template "%s".')

    def format_status_message(self, message):
        return message % self.context.get('name', '')

    def handle(self, request, context):
        try:
            self.object = magnum.cluster_template_create(
                request, **self.values(context))
        except Exception as exc:
            errors.workflow_failed(
                self, _('Unable to create cluster template.'), exc, 'info')
        return True


class UpdateInfoStep(steps.InfoStep):
    depends_on = ('cluster_template_id', 'in_use_by')


class UpdateClusterTemplate(TemplateWorkflowBase):
    slug = 'update_cluster_template'
    name = _('Update Cluster Template')
    finalize_button_name = _('Save')
    success_message = _('Cluster template "%s" updated.')
    failure_message = _('Unable to update cluster template "%s".')
    default_steps = (UpdateInfoStep, steps.NodeSpecStep, steps.NetworkStep,
                     steps.LabelsStep)

    def __init__(self, request=None, context_seed=None, entry_point=None,
                 current=None, *args, **kwargs):
        # current: the template as Magnum has it (normalized to the choice
        # values), the base of the JSON-patch.
        self.current = current or {}
        super().__init__(request, context_seed, entry_point, *args, **kwargs)

    def format_status_message(self, message):
        return message % self.context.get('name', '')

    def handle(self, request, context):
        template_id = context['cluster_template_id']
        wanted = self.values(context)
        try:
            if context.get('in_use_by'):
                # Magnum takes one of these changes per request on a
                # template in use, so each goes in its own patch.
                current = dict(self.current)
                for key in steps.EDITABLE_IN_USE:
                    if key in wanted:
                        magnum.cluster_template_update(
                            request, template_id, dict(current),
                            **{key: wanted[key]})
                        current[key] = wanted[key]
            else:
                magnum.cluster_template_update(
                    request, template_id, self.current, **wanted)
        except Exception as exc:
            errors.workflow_failed(
                self, _('Unable to update cluster template.'), exc, 'info')
        return True
