"""Clusters list, its usage picture, batched row refresh, detail page."""

from urllib import parse

from django import http
from django import shortcuts
from django.template.loader import render_to_string
from django.urls import reverse
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from django import views as django_views

from horizon import tables
from horizon import tabs
from horizon.utils import memoized

from openstack_dashboard.utils import settings as dashboard_settings

from magnum_ui.api import magnum
from magnum_ui.content.common import background
from magnum_ui.content.common import errors
from magnum_ui.content.project.clusters import data
from magnum_ui.content.project.clusters import pending
from magnum_ui.content.project.clusters import polling
from magnum_ui.content.project.clusters import tables as cluster_tables
from magnum_ui.content.project.clusters import tabs as cluster_tabs
from magnum_ui.content.project.clusters import usage


class IndexView(tables.DataTableView):
    table_class = cluster_tables.ClustersTable
    template_name = 'magnum_ui/clusters/index.html'
    page_title = _('Clusters')

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._more = False
        self._prev = False
        self._listing = None
        self._sidebar = None

    def has_more_data(self, table):
        return self._more

    def has_prev_data(self, table):
        return self._prev

    def get(self, request, *args, **kwargs):
        if request.method == 'GET':
            # The Magnum call runs while the sidebar, which asks services
            # of its own for Horizon's panels, is drawn.
            self.update_server_filter_action(request)
            self._listing = self._start_listing()
            self._sidebar = render_to_string('horizon/common/_sidebar.html',
                                             request=request)
        return super().get(request, *args, **kwargs)

    def _start_listing(self):
        """The page's one Magnum call, started (background.Call).

        One page of clusters, or every cluster of the project when the
        name filter is set: Magnum cannot filter by name, so the filter
        lists them all and filters here, without pages.
        """
        if self.get_table().get_filter_string().strip():
            return background.Call(data.every_project_cluster, self.request)
        meta = self.table_class._meta
        return background.Call(
            data.clusters_page, self.request,
            dashboard_settings.get_page_size(self.request),
            self.request.GET.get(meta.pagination_param) or None,
            self.request.GET.get(meta.prev_pagination_param) or None)

    def _clusters(self):
        listed = (self._listing or self._start_listing()).result()
        name = self.get_table().get_filter_string().strip()
        if name:
            clusters = pending.apply(self.request, listed)
            return data.filter_by_name(clusters, name)
        clusters, self._more, self._prev = listed
        # New clusters (placeholders) show on the first page.
        meta = self.table_class._meta
        first = not (self.request.GET.get(meta.pagination_param) or
                     self.request.GET.get(meta.prev_pagination_param))
        return pending.apply(self.request, clusters, partial=True,
                             wanted_ids=None if first else ())

    def get_data(self):
        try:
            clusters = self._clusters()
        except Exception as exc:
            errors.handle(self.request, _('Unable to retrieve clusters.'),
                          exc)
            return []
        template_ids = [c.cluster_template_id for c in clusters]
        try:
            names = data.template_names(self.request, template_ids)
        except Exception as exc:
            errors.handle(self.request,
                          _('Unable to retrieve cluster templates.'), exc)
            names = data.known_template_names(self.request)
        return data.name_templates(clusters, names)

    def _rows_url(self):
        """The row refresh of this page: it lists the page shown."""
        meta = self.table_class._meta
        params = {name: self.request.GET[name]
                  for name in (meta.pagination_param,
                               meta.prev_pagination_param)
                  if self.request.GET.get(name)}
        url = reverse('horizon:project:clusters:rows')
        return '%s?%s' % (url, parse.urlencode(params)) if params else url

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # The picture costs two Magnum calls: cached, it shows at once;
        # otherwise the page loads it (UsageView) after it is shown.
        context['usage'] = usage.cached_usage(self.request)
        if context['usage'] is None and usage.offered(self.request):
            context['usage_url'] = reverse('horizon:project:clusters:usage')
        context.update(polling.context(self._rows_url()))
        context['sidebar'] = self._sidebar
        return context


class UsageView(django_views.View):
    """The usage picture (_usage.html), loaded by the index page after it
    is shown. A Magnum failure shows inside the picture, never as a 500;
    without Magnum stats the answer is empty.
    """

    def get(self, request, *args, **kwargs):
        picture = usage.project_usage(request)
        if picture is None:
            return http.HttpResponse('')
        return shortcuts.render(request, 'magnum_ui/clusters/_usage.html',
                                {'usage': picture})


class RowsView(django_views.View):
    """Rendered rows of the given clusters, usually from one list call.

    GET ?ids=a,b,c[&marker=…|&prev_marker=…] → {"rows": {id: "<tr …>"},
    "gone": [ids Magnum no longer has]}. Rows are rendered by the table's
    own Row class, exactly as on the full page. On a Magnum failure: 503
    with its message, so the page backs off and tries again. The markers
    are the index page's: that page is listed (one call), and every
    cluster of the project only when a row is not on it
    (data.clusters_for_rows).
    """

    table_class = cluster_tables.ClustersTable

    def get(self, request, *args, **kwargs):
        ids = polling.requested_ids(request)
        if not ids:
            return http.JsonResponse({'rows': {}, 'gone': []})
        meta = self.table_class._meta
        try:
            clusters, complete = data.clusters_for_rows(
                request, ids,
                marker=request.GET.get(meta.pagination_param) or None,
                prev_marker=request.GET.get(meta.prev_pagination_param)
                or None)
        except Exception as exc:
            return http.JsonResponse({'error': errors.reason(exc)},
                                     status=503)
        # One page of several keeps the pending entries of other pages.
        clusters = pending.apply(request, clusters, wanted_ids=ids,
                                 partial=not complete)
        found = {c.id: c for c in clusters if c.id in ids}
        data.name_templates(found.values(), data.cached_template_names(
            request, [c.cluster_template_id for c in found.values()]))
        table = self.table_class(request, data=list(found.values()))
        rows = {cluster_id: table._meta.row_class(table, cluster).render()
                for cluster_id, cluster in found.items()}
        gone = [cluster_id for cluster_id in ids if cluster_id not in found]
        return http.JsonResponse({'rows': rows, 'gone': gone})


class DetailView(tabs.TabbedTableView):
    tab_group_class = cluster_tabs.ClusterDetailTabs
    template_name = 'magnum_ui/clusters/detail.html'
    page_title = '{{ cluster.name|default:cluster.id }}'
    redirect_url = reverse_lazy('horizon:project:clusters:index')
    # The table whose row actions the page offers.
    table_class = cluster_tables.ClusterPageActions

    @memoized.memoized_method
    def get_data(self):
        cluster_id = self.kwargs['cluster_id']
        cluster = data.get_cluster_or_redirect(self.request, cluster_id,
                                               self.redirect_url)
        cluster.template_name = None
        try:
            template = magnum.cluster_template_get(
                self.request, cluster.cluster_template_id)
        except Exception as exc:
            errors.handle(self.request, _('Unable to retrieve the cluster '
                                          'template of cluster %s.')
                          % cluster_id, exc)
        else:
            cluster.template_name = template.name
        return cluster

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        cluster = self.get_data()
        table = self.table_class(self.request)
        context['cluster'] = cluster
        context['url'] = self.redirect_url
        context['actions'] = table.render_row_actions(cluster)
        return context

    def get_tabs(self, request, *args, **kwargs):
        return self.tab_group_class(request, cluster=self.get_data(),
                                    **kwargs)
