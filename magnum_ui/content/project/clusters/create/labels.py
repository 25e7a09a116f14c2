"""The Labels step of the create wizard and the values sent to Magnum."""

from django.utils.translation import gettext_lazy as _

from horizon import forms
from horizon import workflows

from magnum_ui.content.common import choices
from magnum_ui.content.common import cli
from magnum_ui.content.common import labels as labels_text

# Labels other steps set, and the step; typing them here would contradict it.
MANAGED_LABELS = {'auto_healing_enabled': _('Management'),
                  'auto_scaling_enabled': _('Management'),
                  'min_node_count': _('Management'),
                  'max_node_count': _('Management'),
                  'availability_zone': _('Details')}


class LabelsAction(workflows.Action):
    labels = labels_text.LabelsField(label=_('Additional Labels'))
    merge_labels = forms.BooleanField(
        label=_("Merge with the template's labels"), required=False,
        initial=True,
        help_text=_("Magnum keeps the template's labels and adds or "
                    "overrides these. Unchecked, these replace them."))

    class Meta(object):
        name = _('Labels')
        slug = 'labels'
        help_text_template = 'magnum_ui/clusters/create/_labels_help.html'

    def clean_labels(self):
        found = self.cleaned_data.get('labels') or {}
        managed = sorted(set(found) & set(MANAGED_LABELS))
        if managed:
            raise forms.ValidationError([
                _('Set %(label)s in the %(step)s step.') % {
                    'label': label, 'step': MANAGED_LABELS[label]}
                for label in managed])
        return found

    def get_help_text(self, extra_context=None):
        template = choices.template(
            self.request, self.initial.get('cluster_template_id'))
        extra = dict(extra_context or {},
                     template=template,
                     template_labels=sorted(
                         ((template and template.labels) or {}).items()),
                     command=cli.cluster_create(
                         create_values(dict(self.initial))))
        return super().get_help_text(extra)


class Labels(workflows.Step):
    action_class = LabelsAction
    contributes = ('labels', 'merge_labels')


def _label_text(value):
    if isinstance(value, bool):
        return 'true' if value else 'false'
    return str(value)


def create_values(context):
    """The wizard's context as ``magnum.cluster_create`` arguments."""
    values = {key: context.get(key) for key in (
        'name', 'cluster_template_id', 'keypair', 'master_count',
        'node_count', 'master_flavor_id', 'flavor_id', 'docker_volume_size',
        'create_timeout', 'fixed_network', 'fixed_subnet',
        'floating_ip_enabled', 'master_lb_enabled')}
    given = context.get('labels')
    labels = dict(given) if isinstance(given, dict) else {}
    if context.get('auto_healing_enabled'):
        labels['auto_healing_enabled'] = 'true'
    if context.get('auto_scaling_enabled'):
        labels['auto_scaling_enabled'] = 'true'
    for key in ('min_node_count', 'max_node_count', 'availability_zone'):
        if context.get(key) not in (None, ''):
            labels[key] = _label_text(context[key])
    if labels:
        values['labels'] = labels
        # Magnum merges the template's labels itself; nothing is copied.
        values['merge_labels'] = bool(context.get('merge_labels', True))
    return {key: value for key, value in values.items()
            if value not in (None, '')}
