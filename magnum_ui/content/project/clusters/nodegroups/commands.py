"""The `openstack coe ...` command of each nodegroup form, from its raw
values (the posted fields, or the form's initial values), as the modal
shows it and its preview (views.CommandView) refreshes it."""

from magnum_ui.content.common import cli
from magnum_ui.content.common import labels as labels_text
from magnum_ui.content.project.clusters.nodegroups import create
from magnum_ui.content.project.clusters.nodegroups import fields


def _labels(value):
    return value if isinstance(value, dict) else \
        labels_text.valid_labels(value or '')


def _taints(value):
    return value if isinstance(value, list) else \
        fields.valid_taints(value or '')


def create_command(cluster, nodegroup, values):
    return cli.nodegroup_create(cluster, create.preview_values(values))


def update_command(cluster, nodegroup, values):
    changes = {key: values.get(key)
               for key in ('min_node_count', 'max_node_count')}
    if 'node_labels' in values:
        changes['node_labels'] = _labels(values['node_labels'])
    if 'node_taints' in values:
        changes['node_taints'] = _taints(values['node_taints'])
    return cli.nodegroup_update(cluster, nodegroup, changes)


def resize_command(cluster, nodegroup, values):
    return cli.cluster_resize(cluster, values.get('node_count'),
                              nodegroup=nodegroup)


def upgrade_command(cluster, nodegroup, values):
    return cli.cluster_upgrade(cluster, values.get('cluster_template_id'),
                               values.get('max_batch_size'),
                               nodegroup=nodegroup or values.get('nodegroup'))


COMMANDS = {'create': create_command, 'update': update_command,
            'resize': resize_command, 'upgrade': upgrade_command}


def command(kind, cluster, nodegroup, values):
    return COMMANDS[kind](cluster, nodegroup, values)
