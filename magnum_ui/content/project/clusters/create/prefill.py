"""The create wizard filled in from its query string.

``url(values)`` links to the wizard holding ``values`` (wizard field names,
``labels`` a dict, switches and checkboxes booleans); the wizard reads them
back with ``initial(request.GET)``. Used to recreate a failed cluster with
the same settings.
"""

from urllib import parse

from django.urls import reverse

from magnum_ui.content.common import cli
from magnum_ui.content.common import labels as labels_text

FIELDS = (
    'name', 'cluster_template_id', 'keypair', 'master_count',
    'master_lb_enabled', 'node_count', 'master_flavor_id', 'flavor_id',
    'docker_volume_size', 'floating_ip_enabled', 'fixed_network',
    'fixed_subnet', 'create_timeout', 'auto_healing_enabled',
    'auto_scaling_enabled', 'min_node_count', 'max_node_count', 'labels',
    'merge_labels')
CHECKBOXES = ('auto_healing_enabled', 'auto_scaling_enabled',
              'merge_labels')


def _text(value):
    if isinstance(value, bool):
        return 'true' if value else 'false'
    if isinstance(value, dict):
        return labels_text.format_labels(value)
    return str(value)


def url(values):
    """The wizard's address holding ``values`` (empty ones left out)."""
    query = [(name, _text(values[name])) for name in FIELDS
             if values.get(name) not in (None, '', {})]
    return '%s?%s' % (reverse('horizon:project:clusters:create:index'),
                      parse.urlencode(query))


def initial(query):
    """The wizard's initial values from a query string (a QueryDict)."""
    values = {name: query[name] for name in FIELDS if query.get(name)}
    for name in CHECKBOXES:
        if name in values:
            values[name] = cli.is_true(values[name])
    if 'labels' in values:
        values['labels'] = labels_text.valid_labels(values['labels'])
    return values
