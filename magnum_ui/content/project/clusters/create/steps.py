"""Steps of the create-cluster wizard: Details, Size, Network, Management.

The Labels step (and the command preview) is in labels.py; the workflow
that submits everything is in workflows.py.
"""

from django.core import validators
from django.utils.translation import gettext_lazy as _

from horizon import forms
from horizon import workflows

from magnum_ui.content.common import choices
from magnum_ui.content.project.clusters.create import projection
from magnum_ui.content.project.clusters.operations import forms as op_forms
from magnum_ui.content.project.clusters import quota_projection

NAME_VALIDATOR = validators.RegexValidator(
    r'^[a-zA-Z][a-zA-Z0-9_.-]*$',
    _('Start with a letter; then use letters, digits, "_", "-" or "."'))

# Tri-state switches: empty means "as the template says".
SWITCH_CHOICES = (('', _('As the cluster template')),
                  ('true', _('Enabled')), ('false', _('Disabled')))


def switch_value(text):
    return {'true': True, 'false': False}.get(text)


def as_int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


class DetailsAction(workflows.Action):
    name = forms.CharField(label=_('Cluster Name'), max_length=242,
                           validators=[NAME_VALIDATOR])
    cluster_template_id = forms.ThemableChoiceField(
        label=_('Cluster Template'))
    keypair = forms.ThemableChoiceField(label=_('Key Pair'), required=False)
    availability_zone = forms.ThemableChoiceField(
        label=_('Availability Zone'), required=False,
        help_text=_('Sent to Magnum as the label availability_zone.'))

    class Meta(object):
        name = _('Details')
        slug = 'details'
        help_text_template = 'magnum_ui/clusters/create/_details_help.html'

    def populate_cluster_template_id_choices(self, request, context):
        return choices.templates(request)

    def populate_keypair_choices(self, request, context):
        return choices.keypairs(request, _('Key pair from the template'))

    def populate_availability_zone_choices(self, request, context):
        return choices.availability_zones(request)

    def get_help_text(self, extra_context=None):
        quota = quota_projection.inputs(self.request).magnum_usage
        extra = dict(extra_context or {},
                     usage=quota,
                     quota_exceeded=quota is not None and
                     quota.would_exceed(),
                     templates=choices.templates_by_id(self.request))
        return super().get_help_text(extra)


class Details(workflows.Step):
    action_class = DetailsAction
    contributes = ('name', 'cluster_template_id', 'keypair',
                   'availability_zone')


class SizeAction(workflows.Action):
    master_count = forms.IntegerField(label=_('Number of Masters'),
                                      min_value=1, initial=1)
    master_lb_enabled = forms.ThemableChoiceField(
        label=_('Master Load Balancer'), required=False,
        choices=SWITCH_CHOICES,
        help_text=_('Needed for more than one master.'))
    node_count = forms.IntegerField(label=_('Number of Worker Nodes'),
                                    initial=1)
    master_flavor_id = forms.ThemableChoiceField(
        label=_('Master Flavor'), required=False)
    flavor_id = forms.ThemableChoiceField(label=_('Worker Flavor'),
                                          required=False)
    docker_volume_size = forms.IntegerField(
        label=_('Docker Volume Size (GB)'), min_value=1, required=False)

    class Meta(object):
        name = _('Size')
        slug = 'size'
        help_text_template = 'magnum_ui/clusters/create/_size_help.html'

    def __init__(self, request, context, *args, **kwargs):
        super().__init__(request, context, *args, **kwargs)
        self.min_nodes = op_forms.min_worker_nodes(request)
        self.fields['node_count'].min_value = self.min_nodes
        self.fields['node_count'].validators.append(
            validators.MinValueValidator(self.min_nodes))
        self.fields['node_count'].widget.attrs['min'] = self.min_nodes

    def populate_master_flavor_id_choices(self, request, context):
        return choices.flavors(request, _('Master flavor from the template'))

    def populate_flavor_id_choices(self, request, context):
        return choices.flavors(request, _('Flavor from the template'))

    def get_help_text(self, extra_context=None):
        values = dict(self.initial)
        if self.is_bound:  # the whole wizard's POST: every step's fields
            values.update((name, self.data.get(name))
                          for name in projection.FIELDS
                          if name in self.data)
        extra = dict(extra_context or {},
                     projection=projection.wizard_projection(
                         self.request, values))
        return super().get_help_text(extra)

    def clean_master_lb_enabled(self):
        return switch_value(self.cleaned_data.get('master_lb_enabled'))

    def clean(self):
        cleaned = super().clean()
        masters = cleaned.get('master_count')
        if masters is None:
            return cleaned
        if masters % 2 == 0:
            self.add_error('master_count', _(
                'Use an odd number of masters (1, 3, 5…) so that etcd '
                'keeps a quorum.'))
            return cleaned
        lb = cleaned.get('master_lb_enabled')
        if lb is None:
            template = choices.template(
                self.request, self.initial.get('cluster_template_id'))
            lb = bool(template and template.master_lb_enabled)
        if masters > 1 and not lb:
            self.add_error('master_count', _(
                'Without a master load balancer the cluster has exactly '
                'one master.'))
        return cleaned


class Size(workflows.Step):
    action_class = SizeAction
    depends_on = ('cluster_template_id',)
    contributes = ('master_count', 'master_lb_enabled', 'node_count',
                   'master_flavor_id', 'flavor_id', 'docker_volume_size')


class NetworkAction(choices.FixedNetworkChoices, workflows.Action):
    floating_ip_enabled = forms.ThemableChoiceField(
        label=_('Floating IPs'), required=False, choices=SWITCH_CHOICES)
    fixed_network = choices.fixed_network_field()
    fixed_subnet = choices.fixed_subnet_field()
    new_network_text = _('A new network for the cluster')
    new_subnet_text = _('A new subnet for the cluster')

    class Meta(object):
        name = _('Network')
        slug = 'network'
        help_text = _('Leave the network empty and Magnum creates one for '
                      'the cluster.')

    def clean_floating_ip_enabled(self):
        return switch_value(self.cleaned_data.get('floating_ip_enabled'))


class Network(workflows.Step):
    action_class = NetworkAction
    contributes = ('floating_ip_enabled', 'fixed_network', 'fixed_subnet')


class ManagementAction(workflows.Action):
    create_timeout = forms.IntegerField(
        label=_('Creation Timeout (minutes)'), min_value=0, initial=60,
        required=False)
    auto_healing_enabled = forms.BooleanField(
        label=_('Automatically repair unhealthy nodes'), required=False)
    auto_scaling_enabled = forms.BooleanField(
        label=_('Automatically resize the cluster'), required=False)
    min_node_count = forms.IntegerField(
        label=_('Minimum Number of Workers'), min_value=0, required=False)
    max_node_count = forms.IntegerField(
        label=_('Maximum Number of Workers'), min_value=1, required=False)

    class Meta(object):
        name = _('Management')
        slug = 'management'
        help_text = _('Auto-healing and auto-scaling are set as the '
                      'labels auto_healing_enabled, auto_scaling_enabled, '
                      'min_node_count and max_node_count.')

    def clean(self):
        cleaned = super().clean()
        low = cleaned.get('min_node_count')
        high = cleaned.get('max_node_count')
        nodes = as_int(self.initial.get('node_count'))
        if cleaned.get('auto_scaling_enabled') and high is None:
            self.add_error('max_node_count', _(
                'Auto-scaling needs a maximum number of workers.'))
        if low is not None and high is not None and low > high:
            self.add_error('max_node_count', _(
                'The maximum must not be below the minimum (%d).') % low)
            return cleaned
        if nodes is not None and low is not None and nodes < low:
            self.add_error('min_node_count', _(
                'The cluster starts with %d workers: the minimum must not '
                'be above that.') % nodes)
        if nodes is not None and high is not None and nodes > high:
            self.add_error('max_node_count', _(
                'The cluster starts with %d workers: the maximum must not '
                'be below that.') % nodes)
        return cleaned


class Management(workflows.Step):
    action_class = ManagementAction
    depends_on = ('node_count',)
    contributes = ('create_timeout', 'auto_healing_enabled',
                   'auto_scaling_enabled', 'min_node_count',
                   'max_node_count')
