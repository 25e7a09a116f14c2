"""Resize and upgrade forms (Magnum's resize and upgrade actions)."""

import logging

from django.utils.translation import gettext_lazy as _

from horizon import forms
from horizon import messages

from magnum_ui.api import magnum
from magnum_ui.content.common import errors
from magnum_ui.content.project.clusters.operations import resize_quota
from magnum_ui.content.project.clusters import pending

LOG = logging.getLogger(__name__)


def min_worker_nodes(request):
    """0 where Magnum accepts empty nodegroups, else 1.

    1 as well when Magnum's version cannot be read (down, hanging): the
    form still renders, and Magnum itself judges what is sent.
    """
    try:
        zero = magnum.supports(request, 'zero_node_nodegroups')
    except Exception:
        LOG.info('Magnum version unknown; at least one worker node',
                 exc_info=True)
        return 1
    return 0 if zero else 1


def worker_nodegroups(nodegroups):
    return [ng for ng in nodegroups if ng.role != 'master']


class ResizeForm(forms.SelfHandlingForm):
    """Worker count of one nodegroup (the default one unless chosen)."""

    nodegroup = forms.ThemableChoiceField(label=_('Nodegroup'),
                                          required=False)
    node_count = forms.IntegerField(label=_('Number of Worker Nodes'))

    def __init__(self, request, *args, **kwargs):
        self.cluster = kwargs.pop('cluster')
        self.nodegroups = worker_nodegroups(kwargs.pop('nodegroups', []))
        super().__init__(request, *args, **kwargs)
        self.min_nodes = min_worker_nodes(request)
        field = self.fields['node_count']
        field.min_value = self.min_nodes
        field.widget.attrs['min'] = self.min_nodes
        if len(self.nodegroups) > 1:
            self.fields['nodegroup'].choices = [
                (ng.name, '%s (%s)' % (ng.name, ng.node_count))
                for ng in self.nodegroups]
            default = next((ng for ng in self.nodegroups if ng.is_default),
                           self.nodegroups[0])
            self.fields['nodegroup'].initial = default.name
        else:
            del self.fields['nodegroup']
        if 'node_count' not in self.initial:
            self.initial['node_count'] = self.cluster.node_count
        self.basis = resize_quota.Basis(self.cluster, self.nodegroups)
        resize_quota.remember(request, self.cluster.id, self.basis)

    def projection(self):
        """The quota table for the count shown (posted, else current)."""
        count, group = self.initial['node_count'], None
        if self.is_bound:
            cleaned = getattr(self, 'cleaned_data', {})
            if cleaned.get('node_count') is not None:
                count = cleaned['node_count']
            group = self.data.get('nodegroup') or None
        return self.basis.projection(
            resize_quota.inputs(self.request), count or 0, group)

    def chosen_nodegroup(self, name):
        if not self.nodegroups:
            return None
        if name:
            return next((ng for ng in self.nodegroups if ng.name == name),
                        None)
        return next((ng for ng in self.nodegroups if ng.is_default),
                    self.nodegroups[0])

    def clean(self):
        cleaned = super().clean()
        count = cleaned.get('node_count')
        if count is None:
            return cleaned
        if count < self.min_nodes:
            self.add_error('node_count', _(
                'At least %d worker node.') % self.min_nodes)
            return cleaned
        group = self.chosen_nodegroup(cleaned.get('nodegroup'))
        if group is None:
            self._refuse_beyond_quota(count, None)
            return cleaned
        low, high = group.min_node_count, group.max_node_count
        if low is not None and count < low:
            self.add_error('node_count', _(
                'Nodegroup %(group)s has at least %(low)d nodes.')
                % {'group': group.name, 'low': low})
        elif high is not None and count > high:
            self.add_error('node_count', _(
                'Nodegroup %(group)s has at most %(high)d nodes.')
                % {'group': group.name, 'high': high})
        cleaned['nodegroup'] = group.name if len(self.nodegroups) > 1 \
            else None
        self._refuse_beyond_quota(count, cleaned['nodegroup'])
        return cleaned

    def _refuse_beyond_quota(self, count, nodegroup):
        if 'node_count' in self.errors:
            return
        found = self.basis.projection(resize_quota.inputs(self.request),
                                      count, nodegroup)
        if found.blocking:
            self.add_error('node_count', found.message())

    def handle(self, request, data):
        try:
            magnum.cluster_resize(request, self.cluster.id,
                                  data['node_count'],
                                  nodegroup=data.get('nodegroup'))
        except Exception as exc:
            return errors.form_failed(self, _('Unable to resize the cluster.'),
                                      exc)
        pending.remember(request, self.cluster.id, pending.UPDATING,
                         cluster=self.cluster)
        messages.success(request, _('Resize of cluster "%s" requested.')
                         % (self.cluster.name or self.cluster.id))
        return True


class UpgradeForm(forms.SelfHandlingForm):
    """Another template of the same COE, rolled out in batches."""

    cluster_template_id = forms.ThemableChoiceField(
        label=_('New Cluster Template'))
    max_batch_size = forms.IntegerField(
        label=_('Maximum Batch Size'), min_value=1, initial=1,
        help_text=_('How many nodes are upgraded at a time.'))
    nodegroup = forms.ThemableChoiceField(label=_('Nodegroup'),
                                          required=False)

    def __init__(self, request, *args, **kwargs):
        self.cluster = kwargs.pop('cluster')
        templates = kwargs.pop('templates')
        nodegroups = kwargs.pop('nodegroups', [])
        super().__init__(request, *args, **kwargs)
        current = next((t for t in templates
                        if t.uuid == self.cluster.cluster_template_id), None)
        coe = current.coe if current else None
        candidates = [t for t in templates
                      if t.uuid != self.cluster.cluster_template_id and
                      (coe is None or t.coe == coe) and not t.hidden]
        self.fields['cluster_template_id'].choices = (
            [('', _('Select a cluster template'))] +
            [(t.uuid, t.name or t.uuid) for t in candidates]
            if candidates else [('', _('No other template of this COE'))])
        if nodegroups:
            self.fields['nodegroup'].choices = (
                [('', _('The default worker nodegroup'))] +
                [(ng.name, ng.name) for ng in nodegroups])
        else:
            del self.fields['nodegroup']

    def handle(self, request, data):
        try:
            magnum.cluster_upgrade(
                request, self.cluster.id, data['cluster_template_id'],
                max_batch_size=data['max_batch_size'],
                nodegroup=data.get('nodegroup') or None)
        except Exception as exc:
            return errors.form_failed(
                self, _('Unable to upgrade the cluster.'), exc)
        pending.remember(request, self.cluster.id, pending.UPDATING,
                         cluster=self.cluster)
        messages.success(request, _('Upgrade of cluster "%s" requested.')
                         % (self.cluster.name or self.cluster.id))
        return True
