"""Editing, resizing and upgrading one nodegroup."""

from django.utils.translation import gettext_lazy as _

from horizon import forms
from horizon import messages

from magnum_ui.api import magnum
from magnum_ui.content.common import errors
from magnum_ui.content.project.clusters.nodegroups \
    import data as nodegroup_data
from magnum_ui.content.project.clusters.nodegroups import fields
from magnum_ui.content.project.clusters.operations \
    import forms as cluster_forms
from magnum_ui.content.project.clusters import upgrades


class NodegroupForm(forms.SelfHandlingForm):
    """A form about one nodegroup of a cluster."""

    def __init__(self, request, *args, **kwargs):
        self.cluster = kwargs.pop('cluster')
        self.nodegroup = kwargs.pop('nodegroup')
        super().__init__(request, *args, **kwargs)

    def requested(self, request, status, message):
        nodegroup_data.remember(request, self.cluster.id, self.nodegroup,
                                status)
        messages.success(request, message % self.nodegroup.name)
        return True


class UpdateNodegroupForm(NodegroupForm):
    """Autoscaling bounds (and node labels and taints from API 1.14),
    sent as a JSON-patch of what changed.
    """

    min_node_count = forms.IntegerField(label=_('Minimum Nodes'),
                                        min_value=0)
    max_node_count = forms.IntegerField(
        label=_('Maximum Nodes'), min_value=0, required=False,
        help_text=_('Empty: no maximum.'))

    def __init__(self, request, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        fields.add_node_attributes(self, request)
        for name in self.fields:
            self.initial.setdefault(name, getattr(self.nodegroup, name))

    def clean(self):
        cleaned = super().clean()
        fields.check_counts(self, cleaned, self.nodegroup.node_count)
        return cleaned

    def handle(self, request, data):
        current = {name: getattr(self.nodegroup, name)
                   for name in magnum.NODEGROUP_UPDATE_FIELDS}
        try:
            updated = magnum.nodegroup_update(
                request, self.cluster.id, self.nodegroup.id, current, **data)
        except Exception as exc:
            return errors.form_failed(
                self, _('Unable to update the nodegroup.'), exc)
        if updated is None:
            messages.info(request, _('Nodegroup "%s": nothing changed.')
                          % self.nodegroup.name)
            return True
        return self.requested(request, nodegroup_data.UPDATING,
                              _('Update of nodegroup "%s" requested.'))


class ResizeNodegroupForm(NodegroupForm):
    """Magnum's cluster resize, for this nodegroup."""

    node_count = forms.IntegerField(label=_('Node Count'))

    def __init__(self, request, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.initial.setdefault('node_count', self.nodegroup.node_count)
        low = cluster_forms.min_worker_nodes(request)
        if self.nodegroup.role == 'master':
            low = 1
        self.fields['node_count'].min_value = low
        self.fields['node_count'].widget.attrs['min'] = low

    def clean_node_count(self):
        count = self.cleaned_data['node_count']
        group = self.nodegroup
        low, high = group.min_node_count, group.max_node_count
        if count < self.fields['node_count'].min_value:
            raise forms.ValidationError(
                _('At least %d node.') % self.fields['node_count'].min_value)
        if low is not None and count < low:
            raise forms.ValidationError(_(
                'Nodegroup %(group)s has at least %(low)d nodes.')
                % {'group': group.name, 'low': low})
        if high is not None and count > high:
            raise forms.ValidationError(_(
                'Nodegroup %(group)s has at most %(high)d nodes.')
                % {'group': group.name, 'high': high})
        return count

    def handle(self, request, data):
        try:
            magnum.cluster_resize(request, self.cluster.id,
                                  data['node_count'],
                                  nodegroup=self.nodegroup.id)
        except Exception as exc:
            return errors.form_failed(
                self, _('Unable to resize the nodegroup.'), exc)
        return self.requested(request, nodegroup_data.UPDATING,
                              _('Resize of nodegroup "%s" requested.'))


class UpgradeNodegroupForm(NodegroupForm):
    """Magnum's cluster upgrade, for this nodegroup.

    Magnum moves a default group with the cluster to a new template, and
    any other group only to the cluster's own template (catching up).
    """

    cluster_template_id = forms.ThemableChoiceField(
        label=_('Cluster Template'))
    max_batch_size = forms.IntegerField(
        label=_('Maximum Batch Size'), min_value=1, initial=1,
        help_text=_('How many nodes are upgraded at a time.'))

    def __init__(self, request, *args, **kwargs):
        templates = kwargs.pop('templates')
        super().__init__(request, *args, **kwargs)
        current = next((t for t in templates
                        if t.uuid == self.cluster.cluster_template_id), None)
        if self.nodegroup.is_default:
            offered = upgrades.candidates(templates, current)
            none_text = _('No other template of this COE')
        else:
            offered = [current] if current else []
            none_text = _("The cluster's template is not available")
        self.offered = {t.uuid: t for t in offered}
        self.current_tag = upgrades.nodegroup_tag(self.nodegroup)
        self.fields['cluster_template_id'].choices = upgrades.choices(
            offered, _('Select a cluster template'), none_text)
        if len(offered) == 1:
            self.initial.setdefault('cluster_template_id', offered[0].uuid)

    def clean_cluster_template_id(self):
        return upgrades.checked_choice(
            self.offered, self.current_tag,
            self.cleaned_data['cluster_template_id'])

    def handle(self, request, data):
        try:
            magnum.cluster_upgrade(
                request, self.cluster.id, data['cluster_template_id'],
                max_batch_size=data['max_batch_size'],
                nodegroup=self.nodegroup.id)
        except Exception as exc:
            return errors.form_failed(
                self, _('Unable to upgrade the nodegroup.'), exc)
        return self.requested(request, nodegroup_data.UPDATING,
                              _('Upgrade of nodegroup "%s" requested.'))
