"""The Progress tab of a cluster: Heat stack status, bar, topology, events.

Lazy (``preload = False``); while the stack is busy progress.js reloads the
tab's own content from ``?tab=<group>__progress`` every few seconds.
"""

from django.utils.translation import gettext_lazy as _

from horizon import tabs

from magnum_ui.api import magnum
from magnum_ui.content.common import errors
from magnum_ui.content.project.clusters.progress import loader as progress

REFRESH_SECONDS = 5

# Topology picture geometry (SVG user units).
WIDTH = 760
MARGIN = 10
NODE_W, NODE_H, NODE_GAP = 110, 34, 10
BAND_H = 30
LB_W = 150
FRAME_TITLE_H = 22
ROW_GAP = 28
OTHER_W, OTHER_H = 140, 24


def _box(x, y, w, h, label, status_class, title='', kind='node', name=''):
    return {'x': x, 'y': y, 'w': w, 'h': h, 'cx': x + w / 2,
            'cy': y + h / 2, 'label': label, 'status_class': status_class,
            'title': title or label, 'kind': kind, 'name': name or label}


def _row(items, y, width, box_w, box_h, x0=MARGIN, centred=False):
    """Place items left to right, wrapping; returns (boxes, bottom y)."""
    per_row = max(1, (width + NODE_GAP) // (box_w + NODE_GAP))
    boxes = []
    for index, item in enumerate(items):
        row, column = divmod(index, per_row)
        in_row = min(per_row, len(items) - row * per_row)
        start = x0
        if centred:
            start = x0 + (width - in_row * (box_w + NODE_GAP) + NODE_GAP) / 2
        boxes.append(dict(item, x=start + column * (box_w + NODE_GAP),
                          y=y + row * (box_h + NODE_GAP)))
    rows = (len(items) + per_row - 1) // per_row
    return boxes, y + rows * (box_h + NODE_GAP) - (NODE_GAP if rows else 0)


def _finish(boxes, w, h, kind):
    return [_box(b['x'], b['y'], w, h, b['label'], b['status_class'],
                 b.get('title', ''), kind, b.get('name', ''))
            for b in boxes]


def _items(boxes):
    """What ``_row`` places for topology boxes named by their resource."""
    return [{'label': box.name, 'status_class': box.status_class,
             'name': box.name, 'title': '%s: %s' % (box.name, box.status)}
            for box in boxes]


def _group(group, role_title, y):
    inner = WIDTH - 4 * MARGIN
    nodes = [{'label': node.label, 'status_class': node.status_class,
              'name': node.name, 'title': '%s: %s %s' % (
                  node.label, node.status, node.reason)}
             for node in group.nodes]
    if not nodes:
        waiting = group.status_class in ('pending', 'in-progress')
        nodes = [{'label': _('waiting') if waiting else _('no nodes'),
                  'status_class': 'pending', 'name': '',
                  'title': group.status}]
    boxes, bottom = _row(nodes, y + FRAME_TITLE_H, inner, NODE_W, NODE_H,
                         x0=2 * MARGIN)
    return {'x': MARGIN, 'y': y, 'w': WIDTH - 2 * MARGIN,
            'h': bottom - y + MARGIN, 'title': '%s: %s' % (
                role_title, group.label),
            'name': group.name, 'role': group.role,
            'status_class': group.status_class,
            'nodes': _finish(boxes, NODE_W, NODE_H, 'node')}


def topology_layout(topo):
    """Coordinates for the topology template, top to bottom."""
    if topo is None or topo.is_empty:
        return None
    y = MARGIN
    names = ', '.join(box.name for box in topo.network)
    network = None
    if topo.network:
        network = _box(MARGIN, y, WIDTH - 2 * MARGIN, BAND_H,
                       _('Network'), topo.network_status_class,
                       names, 'network', 'network')
        y += BAND_H + ROW_GAP
    lbs = []
    if topo.loadbalancers:
        boxes, bottom = _row(_items(topo.loadbalancers), y,
                             WIDTH - 2 * MARGIN, LB_W, NODE_H, centred=True)
        lbs = _finish(boxes, LB_W, NODE_H, 'loadbalancer')
        y = bottom + ROW_GAP
    groups = []
    for role_title, role_groups in ((_('Control plane'), topo.control_plane),
                                    (_('Workers'), topo.workers)):
        for group in role_groups:
            frame = _group(group, role_title, y)
            groups.append(frame)
            y += frame['h'] + ROW_GAP
    other = []
    if topo.other:
        boxes, bottom = _row(_items(topo.other), y + FRAME_TITLE_H - 6,
                             WIDTH - 2 * MARGIN, OTHER_W, OTHER_H)
        other = _finish(boxes, OTHER_W, OTHER_H, 'other')
        other_title_y = y + 8
        y = bottom + ROW_GAP
    spine_end = groups[-1]['y'] if groups else (
        lbs[-1]['y'] if lbs else MARGIN)
    return {'width': WIDTH, 'height': y - ROW_GAP + MARGIN,
            'network': network, 'loadbalancers': lbs, 'groups': groups,
            'other': other, 'other_title_y': other_title_y if other else 0,
            'spine': {'x': WIDTH / 2, 'y1': MARGIN + BAND_H / 2,
                      'y2': spine_end}}


class ProgressTab(tabs.Tab):
    name = _('Progress')
    slug = 'progress'
    template_name = 'magnum_ui/clusters/progress/_tab.html'
    preload = False

    def _cluster(self, request):
        """The detail view hands the cluster in; else fetch it by id."""
        kwargs = self.tab_group.kwargs
        cluster = kwargs.get('cluster')
        if cluster is None:
            cluster = magnum.cluster_get(request, kwargs['cluster_id'])
        return cluster

    def get_context_data(self, request, **kwargs):
        try:
            cluster = self._cluster(request)
        except Exception as exc:
            errors.handle(request, _('Unable to retrieve the cluster.'), exc)
            return {'progress': None, 'refresh_url': '',
                    'refresh_seconds': REFRESH_SECONDS}
        prog = progress.request_progress(request, cluster)
        return {
            'cluster': cluster,
            'progress': prog,
            'topology': topology_layout(prog.topology),
            'refresh_url': '%s?%s' % (request.path, self.get_query_string()),
            'refresh_seconds': REFRESH_SECONDS,
        }
