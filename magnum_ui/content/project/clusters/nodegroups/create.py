"""Adding a nodegroup to a cluster (Magnum's nodegroup create)."""

from django.utils.translation import gettext_lazy as _

from horizon import forms
from horizon import messages

from magnum_ui.api import magnum
from magnum_ui.content.common import choices
from magnum_ui.content.common import cli
from magnum_ui.content.common import errors
from magnum_ui.content.common import labels as labels_text
from magnum_ui.content.project.clusters.nodegroups \
    import data as nodegroup_data
from magnum_ui.content.project.clusters.nodegroups import fields
from magnum_ui.content.project.clusters.operations \
    import forms as cluster_forms
from magnum_ui.content.project.clusters import quota_projection

AVAILABILITY_ZONE_LABEL = 'availability_zone'


def create_values(cleaned):
    """What Magnum is sent (and the command shows) for a valid form."""
    values = {key: value for key, value in cleaned.items()
              if key not in ('availability_zone', 'merge_labels')}
    labels = dict(cleaned.get('labels') or {})
    if cleaned.get('availability_zone'):
        labels[AVAILABILITY_ZONE_LABEL] = cleaned['availability_zone']
    values['labels'] = labels or None
    # Without labels Magnum copies the cluster's: merging is moot then.
    values['merge_labels'] = bool(labels) and bool(cleaned.get('merge_labels'))
    return values


def preview_values(posted):
    """The raw posted fields as create_values gives them (for the
    command preview): well-formed lines only.
    """
    values = dict(posted)
    values['labels'] = labels_text.valid_labels(posted.get('labels', ''))
    values['merge_labels'] = 'merge_labels' in posted
    values['node_labels'] = labels_text.valid_labels(
        posted.get('node_labels', ''))
    values['node_taints'] = fields.valid_taints(posted.get('node_taints'))
    return create_values(values)


class CreateNodegroupForm(forms.SelfHandlingForm):
    name = forms.CharField(label=_('Nodegroup Name'), max_length=255)
    role = forms.CharField(
        label=_('Role'), max_length=255, initial='worker',
        help_text=_('Any role but "master": Magnum adds worker nodegroups '
                    'only.'))
    flavor_id = forms.ThemableChoiceField(label=_('Flavor'), required=False)
    image_id = forms.ThemableChoiceField(label=_('Image'), required=False)
    node_count = forms.IntegerField(label=_('Node Count'), initial=1)
    min_node_count = forms.IntegerField(label=_('Minimum Nodes'),
                                        min_value=0, required=False)
    max_node_count = forms.IntegerField(label=_('Maximum Nodes'),
                                        min_value=0, required=False)
    docker_volume_size = forms.IntegerField(
        label=_('Docker Volume Size (GB)'), min_value=1, required=False)
    availability_zone = forms.ThemableChoiceField(
        label=_('Availability Zone'), required=False,
        help_text=_('Sent as the availability_zone label.'))
    labels = labels_text.LabelsField(label=_('Labels'))
    merge_labels = forms.BooleanField(
        label=_('Merge with the cluster labels'), required=False,
        initial=True,
        help_text=_("Keep the cluster's labels and add or override these; "
                    'unchecked, the nodegroup has only these labels.'))

    def __init__(self, request, *args, **kwargs):
        self.cluster = kwargs.pop('cluster')
        kwargs.pop('nodegroup', None)
        super().__init__(request, *args, **kwargs)
        f = self.fields
        f['flavor_id'].choices = choices.flavors(
            request, _("The cluster's flavor"))
        images = choices.images(request)
        if len(images) > 1:  # else the one choice says Glance failed
            images[0] = ('', _("The cluster template's image"))
        f['image_id'].choices = images
        f['availability_zone'].choices = choices.availability_zones(request)
        low = cluster_forms.min_worker_nodes(request)
        f['node_count'].min_value = low
        f['node_count'].widget.attrs['min'] = low
        fields.add_node_attributes(self, request)

    def clean_role(self):
        role = self.cleaned_data['role'].strip()
        if role == 'master':
            raise forms.ValidationError(_(
                'Magnum does not add master nodegroups; choose another '
                'role (e.g. worker).'))
        return role

    def clean(self):
        cleaned = super().clean()
        count = cleaned.get('node_count')
        if count is not None and count < self.fields['node_count'].min_value:
            self.add_error('node_count', _('At least %d node.')
                           % self.fields['node_count'].min_value)
        fields.check_counts(self, cleaned, count)
        if count is not None and 'node_count' not in self.errors:
            self.asked = (cleaned.get('flavor_id'), count)
            found = self.projection()
            if found.blocking:
                self.add_error('node_count', found.message())
        return cleaned

    def projection(self):
        """Quota current / after / limit of the nodes asked for (posted,
        else the initial count of the cluster's flavor); one read of the
        limits and usage per request, cached briefly.
        """
        if self.is_bound and not hasattr(self, 'cleaned_data'):
            # Horizon renders a refused form's page with a new instance
            self.is_valid()
        flavor, count = getattr(self, 'asked', (None, None))
        if count is None:
            count = self.fields['node_count'].initial
        found = quota_projection.inputs(self.request, clusters=False)
        return quota_projection.project(found, quota_projection.nodes_demand(
            found, flavor or self.cluster.flavor_id, count,
            floating_ips=bool(self.cluster.floating_ip_enabled)))

    def command(self):
        return cli.nodegroup_create(self.cluster.name or self.cluster.id,
                                    create_values(self.cleaned_data))

    def handle(self, request, data):
        values = create_values(data)
        try:
            group = magnum.nodegroup_create(request, self.cluster.id,
                                            **values)
        except Exception as exc:
            return errors.form_failed(
                self, _('Unable to add the nodegroup.'), exc)
        nodegroup_data.remember(request, self.cluster.id, group.id,
                                nodegroup_data.CREATING, **values)
        messages.success(request, _('Nodegroup "%s" requested.')
                         % values['name'])
        return True
