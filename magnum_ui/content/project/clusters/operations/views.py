"""Resize and upgrade views."""

from urllib import parse

from django import http
from django import shortcuts
from django.urls import reverse
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views import generic

from horizon import forms
from horizon.utils import memoized

from magnum_ui.api import magnum
from magnum_ui.content.common import cli
from magnum_ui.content.common import errors
from magnum_ui.content.project.clusters import data
from magnum_ui.content.project.clusters.nodegroups import commands
from magnum_ui.content.project.clusters.operations \
    import forms as cluster_forms
from magnum_ui.content.project.clusters.operations import resize_quota
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
        form = context['form']
        cluster_id = self.kwargs['cluster_id']
        context['worker_nodegroups'] = cluster_forms.worker_nodegroups(
            self.get_nodegroups())
        context['projection'] = form.projection()
        context['preview_url'] = reverse(
            'horizon:project:clusters:operations:resize_quota',
            args=[cluster_id])
        context['cli_url'] = reverse(
            'horizon:project:clusters:operations:resize_cli',
            args=[cluster_id])
        context['command'] = cli.cluster_resize(
            cluster_id, form['node_count'].value(),
            form['nodegroup'].value() if 'nodegroup' in form.fields
            else None)
        return context


def _posted_count(request):
    try:
        return int(request.POST.get('node_count', ''))
    except ValueError:
        return None


class ResizeQuotaView(generic.View):
    """POST node_count (and nodegroup): the quota table of that resize,
    from what the form was shown with (no service asked).
    """

    def post(self, request, cluster_id):
        basis = resize_quota.recall(request, cluster_id)
        count = _posted_count(request)
        if basis is None or count is None:
            # Expired, or no number yet: the table shown stays.
            return http.HttpResponse(status=204)
        found = basis.projection(resize_quota.inputs(request, cached=True),
                                 count, request.POST.get('nodegroup'))
        return shortcuts.render(request,
                                'magnum_ui/clusters/_quota_table.html',
                                {'projection': found})


class ResizeCliView(generic.View):
    def post(self, request, cluster_id):
        count = _posted_count(request)
        return http.HttpResponse(
            cli.cluster_resize(cluster_id,
                               '<node-count>' if count is None else count,
                               request.POST.get('nodegroup') or None),
            content_type='text/plain; charset=utf-8')


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
