"""Steps of the cluster template wizard: Info, Node Spec, Network, Labels.

Field names are Magnum attribute names. On update of a template clusters
use, the context carries ``in_use_by`` (cluster names) and every field
Magnum refuses to change on such a template is disabled with the reason.
"""

from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from horizon import forms
from horizon import workflows
from openstack_dashboard import policy

from magnum_ui.content.common import choices
from magnum_ui.content.common import cli
from magnum_ui.content.common import labels as labels_util

PUBLISH_RULE = (('container-infra', 'clustertemplate:publish'),)
# What Magnum's update_cluster_template accepts on a template clusters use
# (one of them per request; public only from false to true).
EDITABLE_IN_USE = ('name', 'public', 'hidden', 'tags')


def locked_in_use(name, current):
    """Whether Magnum refuses to change ``name`` on a template in use."""
    if name == 'public' and current.get('public'):
        return True  # Magnum refuses to unpublish it
    return name not in EDITABLE_IN_USE


def may_publish(request):
    """Whether public and hidden are offered (clustertemplate:publish)."""
    return policy.check(PUBLISH_RULE, request)


def _keep_current(field, value):
    """Make sure a select still offers the value the template has."""
    if value in (None, '') or not hasattr(field, 'choices'):
        return
    known = [str(choice[0]) for choice in field.choices]
    if str(value) not in known:
        field.choices = list(field.choices) + [(value, value)]


class TemplateAction(workflows.Action):
    def __init__(self, request, context, *args, **kwargs):
        super().__init__(request, context, *args, **kwargs)
        for name in self.fields:
            _keep_current(self.fields[name], context.get(name))
        in_use_by = context.get('in_use_by')
        if in_use_by:
            self.lock_for_clusters(context, in_use_by)

    def lock_for_clusters(self, context, in_use_by):
        # Horizon renders help_text with |safe: the names must be escaped.
        reason = format_html(
            _('Not editable: clusters use this template ({names}).'),
            names=', '.join(in_use_by))
        for name, field in self.fields.items():
            if locked_in_use(name, context):
                field.disabled = True
                field.required = False
                field.help_text = reason


class InfoAction(TemplateAction):
    name = forms.CharField(label=_('Cluster Template Name'), max_length=255)
    coe = forms.ThemableChoiceField(
        label=_('Container Orchestration Engine'))
    tags = forms.CharField(label=_('Tags'), required=False, max_length=255,
                           help_text=_('Comma separated tags.'))
    public = forms.BooleanField(label=_('Public'), required=False)
    hidden = forms.BooleanField(label=_('Hidden'), required=False)
    registry_enabled = forms.BooleanField(label=_('Enable Registry'),
                                          required=False)
    tls_disabled = forms.BooleanField(label=_('Disable TLS'), required=False)
    master_lb_enabled = forms.BooleanField(
        label=_('Master Load Balancer'), required=False)
    floating_ip_enabled = forms.BooleanField(
        label=_('Floating IP'), required=False, initial=True)

    class Meta(object):
        name = _('Info')
        slug = 'info'
        help_text = _('Name the template and choose the container '
                      'orchestration engine. Public and hidden are only '
                      'offered to those allowed to publish templates.')

    def __init__(self, request, context, *args, **kwargs):
        super().__init__(request, context, *args, **kwargs)
        if not may_publish(request):
            del self.fields['public']
            del self.fields['hidden']

    def populate_coe_choices(self, request, context):
        return choices.coe_choices()


class InfoStep(workflows.Step):
    action_class = InfoAction
    contributes = ('name', 'coe', 'tags', 'public', 'hidden',
                   'registry_enabled', 'tls_disabled', 'master_lb_enabled',
                   'floating_ip_enabled')


def _offered_drivers(table):
    seen = {}
    for coe, _label in choices.coe_choices():
        for value, label in table.get(coe, ()):
            seen.setdefault(value, label)
    return [('', _('Default'))] + list(seen.items())


class NodeSpecAction(TemplateAction):
    image_id = forms.ThemableChoiceField(label=_('Image'))
    keypair_id = forms.ThemableChoiceField(label=_('Key Pair'),
                                           required=False)
    flavor_id = forms.ThemableChoiceField(label=_('Worker Flavor'),
                                          required=False)
    master_flavor_id = forms.ThemableChoiceField(label=_('Master Flavor'),
                                                 required=False)
    volume_driver = forms.ThemableChoiceField(label=_('Volume Driver'),
                                              required=False)
    docker_volume_size = forms.IntegerField(
        label=_('Docker Volume Size (GB)'), min_value=1, required=False)
    docker_storage_driver = forms.ThemableChoiceField(
        label=_('Docker Storage Driver'), required=False)
    server_type = forms.ThemableChoiceField(label=_('Server Type'),
                                            required=False)

    class Meta(object):
        name = _('Node Spec')
        slug = 'node_spec'
        help_text = _('Images with an os_distro property are listed first: '
                      'Magnum picks its driver from it.')

    def populate_image_id_choices(self, request, context):
        return choices.images(request)

    def populate_keypair_id_choices(self, request, context):
        return choices.keypairs(request, _('Select a key pair'))

    def populate_flavor_id_choices(self, request, context):
        return choices.flavors(request, _('Select a flavor'))

    def populate_master_flavor_id_choices(self, request, context):
        return choices.flavors(request, _('Select a flavor'))

    def populate_volume_driver_choices(self, request, context):
        return _offered_drivers(choices.VOLUME_DRIVERS)

    def populate_docker_storage_driver_choices(self, request, context):
        return [('', _('Default'))] + list(choices.DOCKER_STORAGE_DRIVERS)

    def populate_server_type_choices(self, request, context):
        return list(choices.SERVER_TYPES)


class NodeSpecStep(workflows.Step):
    action_class = NodeSpecAction
    contributes = ('image_id', 'keypair_id', 'flavor_id', 'master_flavor_id',
                   'volume_driver', 'docker_volume_size',
                   'docker_storage_driver', 'server_type')


class NetworkAction(choices.FixedNetworkChoices, TemplateAction):
    network_driver = forms.ThemableChoiceField(label=_('Network Driver'),
                                               required=False)
    external_network_id = forms.ThemableChoiceField(
        label=_('External Network'), required=False)
    fixed_network = choices.fixed_network_field()
    fixed_subnet = choices.fixed_subnet_field()
    dns_nameserver = forms.GenericIPAddressField(
        label=_('DNS Nameserver'), required=False, initial='8.8.8.8')
    http_proxy = forms.CharField(label=_('HTTP Proxy'), required=False,
                                 max_length=255)
    https_proxy = forms.CharField(label=_('HTTPS Proxy'), required=False,
                                  max_length=255)
    no_proxy = forms.CharField(label=_('No Proxy'), required=False,
                               max_length=255)
    new_network_text = _('Create a new network')
    new_subnet_text = _('Create a new subnet')

    class Meta(object):
        name = _('Network')
        slug = 'network'
        help_text = _('Without a fixed network Magnum creates a private '
                      'network for each cluster.')

    def populate_network_driver_choices(self, request, context):
        return _offered_drivers(choices.NETWORK_DRIVERS)

    def populate_external_network_id_choices(self, request, context):
        return choices.external_networks(request)


class NetworkStep(workflows.Step):
    action_class = NetworkAction
    contributes = ('network_driver', 'external_network_id', 'fixed_network',
                   'fixed_subnet', 'dns_nameserver', 'http_proxy',
                   'https_proxy', 'no_proxy')


class LabelsAction(TemplateAction):
    labels = labels_util.LabelsField(label=_('Labels'))

    class Meta(object):
        name = _('Labels')
        slug = 'labels'


class LabelsStep(workflows.Step):
    action_class = LabelsAction
    contributes = ('labels',)
    template_name = 'magnum_ui/cluster_templates/_labels_step.html'

    def cli_command(self):
        """The CLI equivalent of what the wizard holds now (server-side)."""
        values = {}
        for step in self.workflow.steps:
            action = step.action
            if action.is_bound and action.is_valid():
                values.update(action.cleaned_data)
            else:
                for name, field in action.fields.items():
                    values[name] = action[name].value()
        if not isinstance(values.get('labels'), dict):
            # Keep the well-formed lines, as the live preview in the page does.
            values['labels'] = labels_util.valid_labels(
                values.get('labels') or '')
        # A checkbox: unset is unchecked.
        values['floating_ip_enabled'] = cli.is_true(
            values.get('floating_ip_enabled'))
        update = getattr(self.workflow, 'update_command', None)
        if update:
            return update(values)
        return cli.template_create(values)

    def cli_url(self):
        template_id = self.workflow.context.get('cluster_template_id')
        if getattr(self.workflow, 'update_command', None) and template_id:
            return reverse('horizon:project:cluster_templates:'
                           'cli_update_preview', args=[template_id])
        return reverse('horizon:project:cluster_templates:cli_preview')
