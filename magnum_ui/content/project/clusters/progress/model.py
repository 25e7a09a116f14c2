"""A cluster's progress computed from its Heat stack's own dicts.

Pure functions over what Heat returns (its field names), so they are tested
on recorded responses; ``loader`` fetches those from Heat.
"""

import dataclasses
import re
import typing


from magnum_ui.content.project.clusters.progress \
    import topology as topology_module

NESTED_DEPTH = 3   # cluster stack > node group > node > server
EVENT_LIMIT = 100

# Why there is (or is not) a progress to show.
AVAILABLE = 'available'
NO_STACK = 'no_stack'        # the cluster has no stack/driver id (yet)
NOT_HEAT = 'not_heat'        # the id is not a Heat stack (e.g. Cluster API)
FORBIDDEN = 'forbidden'      # Heat refused this user the stack
ERROR = 'error'              # Heat answered something else

_CANCELLED = re.compile(r'cancel|abort|interrupt', re.IGNORECASE)


def status_class(status):
    """CSS-friendly outcome of a Heat status."""
    status = status or ''
    if status == 'INIT_COMPLETE' or not status:
        return 'pending'
    if status.endswith('_IN_PROGRESS'):
        return 'in-progress'
    if status.endswith('_FAILED'):
        return 'failed'
    if status == 'DELETE_COMPLETE':
        return 'deleted'
    return 'complete'


@dataclasses.dataclass
class StackItem:
    """One resource of the stack or of a nested stack."""
    name: str
    path: tuple
    type: str
    status: str
    reason: str
    updated: str
    stack_id: str
    nested_id: typing.Optional[str] = None
    is_leaf: bool = True

    @property
    def depth(self):
        return len(self.path) - 1

    @property
    def display_path(self):
        return ' / '.join(self.path)

    @property
    def status_class(self):
        return status_class(self.status)


@dataclasses.dataclass
class EventItem:
    time: str
    resource: str
    type: str
    status: str
    reason: str

    @property
    def status_class(self):
        return status_class(self.status)

    @property
    def is_failure(self):
        return self.status_class == 'failed'


@dataclasses.dataclass
class Progress:
    state: str
    busy: bool
    cluster_status: typing.Optional[str] = None
    cluster_status_reason: typing.Optional[str] = None
    stack_id: typing.Optional[str] = None
    stack_name: typing.Optional[str] = None
    stack_status: typing.Optional[str] = None
    stack_status_reason: typing.Optional[str] = None
    done: int = 0
    total: int = 0
    failed_resource: typing.Optional[StackItem] = None
    failure_reason: typing.Optional[str] = None
    resources: list = dataclasses.field(default_factory=list)
    events: list = dataclasses.field(default_factory=list)
    topology: typing.Optional[topology_module.Topology] = None
    message: typing.Optional[str] = None

    @property
    def available(self):
        return self.state == AVAILABLE

    @property
    def percent(self):
        if not self.total:
            return 0
        return min(100, int(100 * self.done / self.total))

    @property
    def stack_status_class(self):
        return status_class(self.stack_status)


def _link_id(links, rel):
    """The last path segment of the link with this rel (a stack id)."""
    for link in links or ():
        if link.get('rel') == rel and link.get('href'):
            return link['href'].rstrip('/').rsplit('/', 1)[-1]
    return None


def _natural(name):
    return [int(part) if topology_module.is_index(part) else part
            for part in re.split(r'([0-9]+)', name or '')]


def _name(raw):
    """Heat may leave a resource unnamed: its id then, or ''."""
    return str(raw.get('resource_name') or raw.get('logical_resource_id') or
               raw.get('physical_resource_id') or '')


def index_resources(raw_resources, root_stack_id=None):
    """StackItems in tree order (depth first), each with its path and leafness.

    Heat's ``parent_resource`` is only the parent's name ("0" is ambiguous),
    so the tree is rebuilt from the links: a resource's ``nested`` link is
    the stack its children's ``stack`` link points at.
    """
    items = []
    for raw in raw_resources:
        links = raw.get('links')
        items.append(StackItem(
            name=_name(raw),
            path=(), type=raw.get('resource_type') or '',
            status=raw.get('resource_status') or '',
            reason=raw.get('resource_status_reason') or '',
            updated=raw.get('updated_time') or raw.get('creation_time') or '',
            stack_id=_link_id(links, 'stack'),
            nested_id=_link_id(links, 'nested')))
    by_stack = {}
    for item in items:
        by_stack.setdefault(item.stack_id, []).append(item)
    owner = {item.nested_id: item for item in items if item.nested_id}
    roots = [item for item in items
             if item.stack_id == root_stack_id or item.stack_id not in owner]

    ordered = []

    def visit(item, parent_path):
        item.path = parent_path + (item.name,)
        children = by_stack.get(item.nested_id, []) if item.nested_id else []
        item.is_leaf = not children
        ordered.append(item)
        for child in sorted(children, key=lambda c: _natural(c.name)):
            visit(child, item.path)

    for item in sorted(roots, key=lambda c: _natural(c.name)):
        visit(item, ())
    return ordered


def count_progress(items, deleting=False):
    """(done, total) over leaf resources.

    Deleting, a leaf is done once deleted; otherwise once complete (not
    INIT_COMPLETE, which Heat uses for "not started"). Leaves already deleted
    during an update are on their way out and not counted.
    """
    leaves = [item for item in items if item.is_leaf]
    if deleting:
        done = sum(1 for item in leaves if item.status == 'DELETE_COMPLETE')
        return done, len(leaves)
    leaves = [item for item in leaves if item.status != 'DELETE_COMPLETE']
    done = sum(1 for item in leaves if item.status_class == 'complete')
    return done, len(leaves)


def find_failure(items, events, stack_status_reason=None):
    """(failing StackItem or None, reason) — the root cause, not the echoes.

    Heat marks every ancestor of a failed resource FAILED with a re-worded
    reason and may cancel siblings; the first-failed leaf whose reason is
    not a cancellation is the one to show.
    """
    failed = [item for item in items if item.status_class == 'failed']
    leaves = [item for item in failed if item.is_leaf] or sorted(
        failed, key=lambda item: -item.depth)
    if leaves:
        chosen = min(leaves, key=lambda item: (
            bool(_CANCELLED.search(item.reason)), item.updated))
        return chosen, chosen.reason or stack_status_reason
    failures = [event for event in events
                if event.is_failure and event.type != 'OS::Heat::Stack']
    if failures:
        # the first failure; at the same second the deepest resource
        event = min(failures, key=lambda event: (
            event.time, -event.resource.count(' / ')))
        item = StackItem(name=event.resource, path=(event.resource,),
                         type=event.type, status=event.status,
                         reason=event.reason, updated=event.time,
                         stack_id=None)
        return item, event.reason or stack_status_reason
    return None, stack_status_reason or None


def index_events(raw_events, items):
    """EventItems newest first; a nested resource is named by its path."""
    path_of_stack = {item.nested_id: item.path for item in items
                     if item.nested_id}
    events = []
    for raw in raw_events:
        name = _name(raw)
        parent = path_of_stack.get(_link_id(raw.get('links'), 'stack'), ())
        events.append(EventItem(
            time=raw.get('event_time') or '',
            resource=' / '.join(parent + (name,)),
            type=raw.get('resource_type') or '',
            status=raw.get('resource_status') or '',
            reason=raw.get('resource_status_reason') or ''))
    events.sort(key=lambda event: event.time, reverse=True)
    return events


def build_progress(stack, raw_resources, raw_events, cluster=None):
    """A Progress from Heat's stack, resources and events dicts."""
    stack_status = stack.get('stack_status') or ''
    items = index_resources(raw_resources, stack.get('id'))
    done, total = count_progress(items, stack_status.startswith('DELETE'))
    if status_class(stack_status) == 'complete':
        done = total
    events = index_events(raw_events, items)
    failed_item, reason = find_failure(
        items, events, stack.get('stack_status_reason'))
    if failed_item is None and status_class(stack_status) != 'failed':
        reason = None
    return Progress(
        state=AVAILABLE,
        busy=status_class(stack_status) == 'in-progress',
        cluster_status=getattr(cluster, 'status', None),
        cluster_status_reason=getattr(cluster, 'status_reason', None),
        stack_id=stack.get('id'), stack_name=stack.get('stack_name'),
        stack_status=stack_status,
        stack_status_reason=stack.get('stack_status_reason'),
        done=done, total=total,
        failed_resource=failed_item, failure_reason=reason,
        resources=items, events=events,
        topology=topology_module.build(items))
