"""Resize and upgrade views."""

from urllib import parse

from django.urls import reverse
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from horizon import forms
from horizon.utils import memoized

from magnum_ui.api import magnum
from magnum_ui.content.common import errors
from magnum_ui.content.project.clusters import data
from magnum_ui.content.project.clusters.nodegroups import commands
from magnum_ui.content.project.clusters.operations \
    import forms as cluster_forms
from magnum_ui.content.project.clusters import upgrades

INDEX_URL = reverse_lazy('horizon:project:clusters:index')


class ClusterFormView(forms.ModalFormView):
    """A modal form about one cluster, fetched once per request."""

    success_url = INDEX_URL

    @memoized.memoized_method
    def get_cluster(self):
        return data.get_cluster_or_redirect(
            self.request, self.kwargs['cluster_id'], INDEX_URL)

    @memoized.memoized_method
    def get_nodegroups(self):
        if not magnum.supports(self.request, 'nodegroups'):
            return []
        try:
            return magnum.nodegroup_list(self.request,
                                         self.get_cluster().id)
        except Exception as exc:
            errors.handle(self.request, _('Unable to retrieve nodegroups.'),
                          exc)
            return []

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context['cluster'] = self.get_cluster()
        context['submit_url'] = reverse(self.submit_url_name,
                                        args=[self.kwargs['cluster_id']])
        return context

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs['cluster'] = self.get_cluster()
        kwargs['nodegroups'] = self.get_nodegroups()
        return kwargs


class ResizeView(ClusterFormView):
    form_class = cluster_forms.ResizeForm
    template_name = 'magnum_ui/clusters/resize.html'
    modal_id = 'resize_cluster_modal'
    modal_header = _('Resize Cluster')
    submit_label = _('Resize')
    submit_url_name = 'horizon:project:clusters:operations:resize'
    page_title = _('Resize Cluster')

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context['worker_nodegroups'] = cluster_forms.worker_nodegroups(
            self.get_nodegroups())
        return context


class UpgradeTemplates(object):
    """Mixin of an upgrade form's view: the templates it chooses from."""

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        try:
            kwargs['templates'] = magnum.cluster_template_list(self.request)
        except Exception as exc:
            errors.handle(self.request,
                          _('Unable to retrieve cluster templates.'), exc)
            kwargs['templates'] = []
        return kwargs


class UpgradeView(UpgradeTemplates, ClusterFormView):
    form_class = cluster_forms.UpgradeForm
    template_name = 'magnum_ui/clusters/upgrade.html'
    modal_id = 'upgrade_cluster_modal'
    modal_header = _('Upgrade Cluster')
    submit_label = _('Upgrade')
    submit_url_name = 'horizon:project:clusters:operations:upgrade'
    page_title = _('Upgrade Cluster')

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = context['form']
        cluster = self.get_cluster()
        name = cluster.name or cluster.id
        context['command'] = commands.upgrade_command(
            name, None, form.data if form.is_bound else {
                'max_batch_size': form.fields['max_batch_size'].initial})
        context['cli_url'] = '%s?%s' % (reverse(
            'horizon:project:clusters:nodegroups:cli',
            args=[cluster.id, 'upgrade']), parse.urlencode({'cluster': name}))
        context['current_tag'] = form.current_tag
        context['drifted'] = [
            (group, upgrades.nodegroup_tag(group), reverse(
                'horizon:project:clusters:nodegroups:upgrade',
                args=[cluster.id, group.id]))
            for group in form.drifted]
        return context
