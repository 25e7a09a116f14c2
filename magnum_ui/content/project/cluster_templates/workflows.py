"""Create and update workflows for cluster templates."""

from django.utils.translation import gettext_lazy as _

from horizon import workflows

from magnum_ui.api import magnum
from magnum_ui.api import patch as patch_builder
from magnum_ui.api.wrappers import TEMPLATE_FIELDS
from magnum_ui.content.common import choices
from magnum_ui.content.common import cli
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


# What the update command preview shows before anything is changed.
NO_CHANGE = _('# Nothing changed yet.')


def update_requests(current, wanted, in_use):
    """[(current, changes)] of each update request, in order.

    On a template in use Magnum takes one change per request, so each
    editable attribute goes in its own request.
    """
    if not in_use:
        return [(dict(current), dict(wanted))]
    requests = []
    current = dict(current)
    for key in steps.EDITABLE_IN_USE:
        if key in wanted:
            requests.append((dict(current), {key: wanted[key]}))
            current[key] = wanted[key]
    return requests


def update_patches(current, wanted, in_use):
    """The JSON-patches the update sends (empty ones left out)."""
    patches = [patch_builder.build_patch(before, {
        k: v for k, v in changes.items() if k in TEMPLATE_FIELDS})
        for before, changes in update_requests(current, wanted, in_use)]
    return [patch for patch in patches if patch]


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

    def update_command(self, values):
        """The CLI of what saving ``values`` (every field's) would send."""
        return cli.template_update(
            self.context.get('cluster_template_id'),
            update_patches(self.current, self.values(values),
                           self.context.get('in_use_by'))) or NO_CHANGE

    def handle(self, request, context):
        template_id = context['cluster_template_id']
        try:
            for before, changes in update_requests(
                    self.current, self.values(context),
                    context.get('in_use_by')):
                magnum.cluster_template_update(request, template_id, before,
                                               **changes)
        except Exception as exc:
            errors.workflow_failed(
                self, _('Unable to update cluster template.'), exc, 'info')
        return True
