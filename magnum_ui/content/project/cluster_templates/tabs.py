"""Detail tabs: every attribute grouped, and the clusters using it."""

from django.urls import NoReverseMatch
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from horizon import tabs

from magnum_ui.content.common import errors
from magnum_ui.content.common import labels as labels_util
from magnum_ui.content.common import names
from magnum_ui.content.project.cluster_templates import tables


def _cluster_url(cluster_id):
    try:
        return reverse('horizon:project:clusters:detail', args=[cluster_id])
    except NoReverseMatch:
        return None


class OverviewTab(tabs.Tab):
    name = _('Overview')
    slug = 'overview'
    template_name = 'magnum_ui/cluster_templates/_detail_overview.html'

    def get_context_data(self, request):
        template = self.tab_group.kwargs['template']
        return {'template': template,
                'names': names.resource_names(request, template),
                'labels': sorted((template.labels or {}).items()),
                'labels_text': labels_util.format_labels(template.labels)}


class ClustersTab(tabs.Tab):
    name = _('Clusters')
    slug = 'clusters'
    template_name = 'magnum_ui/cluster_templates/_detail_clusters.html'

    def get_context_data(self, request):
        template = self.tab_group.kwargs['template']
        try:
            clusters = [cluster for cluster in
                        tables.visible_clusters(request)
                        if cluster.cluster_template_id == template.id]
        except Exception as exc:
            errors.handle(request, _('Unable to retrieve clusters.'), exc)
            clusters = None
        rows = [{'cluster': cluster, 'url': _cluster_url(cluster.id)}
                for cluster in clusters or ()]
        return {'template': template, 'rows': rows,
                'failed': clusters is None}


class TemplateDetailTabs(tabs.DetailTabsGroup):
    slug = 'cluster_template_details'
    tabs = (OverviewTab, ClustersTab)
