"""Nodegroup forms, their command preview, and the batched row refresh."""

from urllib import parse

from django import http
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django import views as django_views

from horizon import forms
from horizon.utils import memoized

from magnum_ui.api import magnum
from magnum_ui.content.common import cli_views
from magnum_ui.content.common import errors
from magnum_ui.content.project.clusters import data
from magnum_ui.content.project.clusters.nodegroups import commands
from magnum_ui.content.project.clusters.nodegroups import create
from magnum_ui.content.project.clusters.nodegroups \
    import data as nodegroup_data
from magnum_ui.content.project.clusters.nodegroups \
    import forms as nodegroup_forms
from magnum_ui.content.project.clusters.nodegroups import tables
from magnum_ui.content.project.clusters.operations \
    import views as operation_views
from magnum_ui.content.project.clusters import polling

TAB = 'cluster_details__nodegroups'


def detail_url(cluster_id):
    return '%s?tab=%s' % (reverse('horizon:project:clusters:detail',
                                  args=[cluster_id]), TAB)


class NodegroupFormView(forms.ModalFormView):
    """A modal form about a cluster (and one of its nodegroups)."""

    template_name = 'magnum_ui/clusters/nodegroups/form.html'
    kind = None  # commands.COMMANDS key

    def get_success_url(self):
        return detail_url(self.kwargs['cluster_id'])

    @memoized.memoized_method
    def get_cluster(self):
        return data.get_cluster_or_redirect(
            self.request, self.kwargs['cluster_id'],
            reverse('horizon:project:clusters:index'))

    @memoized.memoized_method
    def get_nodegroup(self):
        if 'nodegroup_id' not in self.kwargs:
            return None
        try:
            return magnum.nodegroup_get(self.request, self.kwargs[
                'cluster_id'], self.kwargs['nodegroup_id'])
        except Exception as exc:
            errors.handle(self.request, _('Unable to retrieve nodegroup %s.')
                          % self.kwargs['nodegroup_id'], exc,
                          redirect=self.get_success_url())

    def names(self):
        group = self.get_nodegroup()
        return (self.get_cluster().name or self.get_cluster().id,
                group.name if group else None)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = context['form']
        cluster, group = self.names()
        args = [self.kwargs[key] for key in ('cluster_id', 'nodegroup_id')
                if key in self.kwargs]
        context.update(cluster=self.get_cluster(),
                       nodegroup=self.get_nodegroup(),
                       submit_url=reverse(self.submit_url_name, args=args))
        # (a posted QueryDict as one value per field, as the preview has it)
        values = form.data.dict() if form.is_bound else dict(
            form.initial, **{name: field.initial for name, field
                             in form.fields.items()
                             if name not in form.initial})
        context['command'] = commands.command(self.kind, cluster, group,
                                              values)
        query = {'cluster': cluster}
        if group:
            query['nodegroup'] = group
        context['cli_url'] = '%s?%s' % (reverse(
            'horizon:project:clusters:nodegroups:cli',
            args=[self.kwargs['cluster_id'], self.kind]),
            parse.urlencode(query))
        return context

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs['cluster'] = self.get_cluster()
        kwargs['nodegroup'] = self.get_nodegroup()
        return kwargs


class CreateView(NodegroupFormView):
    form_class = create.CreateNodegroupForm
    kind = 'create'
    modal_id = 'create_nodegroup_modal'
    modal_header = page_title = _('Add Nodegroup')
    submit_label = _('Add Nodegroup')
    submit_url_name = 'horizon:project:clusters:nodegroups:create'

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context['projection'] = context['form'].projection()
        return context


class UpdateView(NodegroupFormView):
    form_class = nodegroup_forms.UpdateNodegroupForm
    kind = 'update'
    modal_id = 'update_nodegroup_modal'
    modal_header = page_title = _('Edit Nodegroup')
    submit_label = _('Save')
    submit_url_name = 'horizon:project:clusters:nodegroups:update'


class ResizeView(NodegroupFormView):
    form_class = nodegroup_forms.ResizeNodegroupForm
    kind = 'resize'
    modal_id = 'resize_nodegroup_modal'
    modal_header = page_title = _('Resize Nodegroup')
    submit_label = _('Resize')
    submit_url_name = 'horizon:project:clusters:nodegroups:resize'


class UpgradeView(operation_views.UpgradeTemplates, NodegroupFormView):
    form_class = nodegroup_forms.UpgradeNodegroupForm
    kind = 'upgrade'
    modal_id = 'upgrade_nodegroup_modal'
    modal_header = page_title = _('Upgrade Nodegroup')
    submit_label = _('Upgrade')
    submit_url_name = 'horizon:project:clusters:nodegroups:upgrade'


class CommandView(cli_views.FormCommandView):
    """The command of a nodegroup form for its posted fields; the names of
    the cluster and nodegroup come in the query (no service is asked).
    """

    def command(self, values):
        if self.kwargs['kind'] not in commands.COMMANDS:
            raise http.Http404()
        return commands.command(self.kwargs['kind'],
                                self.request.GET.get('cluster', ''),
                                self.request.GET.get('nodegroup') or None,
                                values)


class RowsView(django_views.View):
    """Rendered rows of the given nodegroups from one nodegroup list call
    (see clusters.views.RowsView for the answer's shape).
    """

    table_class = tables.NodegroupsTable

    def get(self, request, cluster_id):
        ids = polling.requested_ids(request)
        if not ids:
            return http.JsonResponse({'rows': {}, 'gone': []})
        try:
            groups = nodegroup_data.row_nodegroups(request, cluster_id, ids)
        except Exception as exc:
            return http.JsonResponse({'error': errors.reason(exc)},
                                     status=503)
        table = self.table_class(request, data=groups, cluster_id=cluster_id,
                                 cluster_name=request.GET.get('cluster'))
        rows = {group.id: table._meta.row_class(table, group).render()
                for group in groups}
        gone = [group_id for group_id in ids if group_id not in rows]
        return http.JsonResponse({'rows': rows, 'gone': gone})
