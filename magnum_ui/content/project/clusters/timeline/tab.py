"""The Timeline tab of a cluster: Magnum's records and Heat's events."""

from django.utils.translation import gettext_lazy as _

from horizon import tabs

from magnum_ui.content.project.clusters.diagnosis import report
from magnum_ui.content.project.clusters.progress import loader
from magnum_ui.content.project.clusters.progress import model as progress
from magnum_ui.content.project.clusters.timeline import model


class TimelineTab(tabs.Tab):
    name = _('Timeline')
    slug = 'timeline'
    template_name = 'magnum_ui/clusters/timeline/_tab.html'
    preload = False

    def get_context_data(self, request, **kwargs):
        cluster = self.tab_group.kwargs['cluster']
        prog = loader.request_progress(request, cluster)
        groups, groups_error = report.request_nodegroups(request, cluster)
        events = prog.events if prog.available else []
        return {
            'cluster': cluster,
            'progress': prog,
            'entries': model.build(cluster, groups, events),
            'nodegroups_error': groups_error,
            'events_capped': len(events) >= progress.EVENT_LIMIT,
            'event_limit': progress.EVENT_LIMIT,
        }
