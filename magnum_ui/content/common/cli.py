"""The `openstack coe ...` command equivalent to each action.

    template_create(values)    `openstack coe cluster template create`,
                               one option a line
    template_update(template, patches)
                               `... cluster template update <template>
                               add|replace|remove ...`, one line per op
                               of each request (patches as sent)
    cluster_create(values)     `openstack coe cluster create`, one line
    cluster_resize(cluster, node_count, nodegroup=None)
    cluster_upgrade(cluster, template, max_batch_size=1, nodegroup=None)
    cluster_delete(cluster)    `openstack coe cluster delete`
    ca_rotate(cluster)         `openstack coe ca rotate`
    cluster_config(cluster, use_keystone=False)
                               `openstack coe cluster config`
    nodegroup_create/update/delete
                               `openstack coe nodegroup ...`, one line
    (cli_views: the views that answer a form's preview with its command)

``values`` use Magnum attribute names (``labels`` a dict). Each command is
a table of options read in order, and every word is shell-quoted.
"""

import json
import shlex

TRUE_TEXTS = ('true', 'on', '1', 'yes')


def is_true(value):
    if isinstance(value, str):
        return value.strip().lower() in TRUE_TEXTS
    return bool(value)


def _present(value):
    return value not in (None, '')


# How an option turns a value into parts of the command (lists of words).

def _value(option, value):
    return [[option, str(value)]] if _present(value) else []


def _flag(option, value):
    return [[option]] if is_true(value) else []


def _switch(options, value):
    """True → the first option, false → the second, empty → neither."""
    if not _present(value):
        return []
    return [[options[0] if is_true(value) else options[1]]]


def _labels(option, labels):
    # One option per label: the client joins repeated options, while a
    # single option is split on commas.
    return [[option, '%s=%s' % item]
            for item in sorted((labels or {}).items())]


# (Magnum attribute, kind, option of python-magnumclient's OSC plugin), in
# the order the wizard asks for them.
TEMPLATE_OPTIONS = (
    ('coe', _value, '--coe'),
    ('image_id', _value, '--image'),
    ('keypair_id', _value, '--keypair'),
    ('flavor_id', _value, '--flavor'),
    ('master_flavor_id', _value, '--master-flavor'),
    ('volume_driver', _value, '--volume-driver'),
    ('docker_volume_size', _value, '--docker-volume-size'),
    ('docker_storage_driver', _value, '--docker-storage-driver'),
    ('server_type', _value, '--server-type'),
    ('network_driver', _value, '--network-driver'),
    ('external_network_id', _value, '--external-network'),
    ('fixed_network', _value, '--fixed-network'),
    ('fixed_subnet', _value, '--fixed-subnet'),
    ('dns_nameserver', _value, '--dns-nameserver'),
    ('http_proxy', _value, '--http-proxy'),
    ('https_proxy', _value, '--https-proxy'),
    ('no_proxy', _value, '--no-proxy'),
    ('tags', _value, '--tags'),
    ('public', _flag, '--public'),
    ('hidden', _flag, '--hidden'),
    ('registry_enabled', _flag, '--registry-enabled'),
    ('tls_disabled', _flag, '--tls-disabled'),
    ('master_lb_enabled', _flag, '--master-lb-enabled'),
    ('floating_ip_enabled', _switch,
     ('--floating-ip-enabled', '--floating-ip-disabled')),
    ('labels', _labels, '--labels'),
)
CLUSTER_OPTIONS = (
    ('cluster_template_id', _value, '--cluster-template'),
    ('keypair', _value, '--keypair'),
    ('master_count', _value, '--master-count'),
    ('node_count', _value, '--node-count'),
    ('master_flavor_id', _value, '--master-flavor'),
    ('flavor_id', _value, '--flavor'),
    ('docker_volume_size', _value, '--docker-volume-size'),
    ('create_timeout', _value, '--timeout'),
    ('fixed_network', _value, '--fixed-network'),
    ('fixed_subnet', _value, '--fixed-subnet'),
    ('floating_ip_enabled', _switch,
     ('--floating-ip-enabled', '--floating-ip-disabled')),
    ('master_lb_enabled', _switch,
     ('--master-lb-enabled', '--master-lb-disabled')),
    ('labels', _labels, '--labels'),
    # Only what create_values gives: merging is sent with labels only.
    ('merge_labels', _flag, '--merge-labels'),
)


def _taints(option, taints):
    return [[option, '%s=%s:%s' % (taint.get('key'), taint.get('value') or '',
                                   taint.get('effect'))]
            for taint in taints or ()]


NODE_COUNT_BOUNDS = (
    ('min_node_count', _value, '--min-nodes'),
    ('max_node_count', _value, '--max-nodes'),
)
NODE_ATTRIBUTE_OPTIONS = (
    ('node_labels', _labels, '--node-labels'),
    ('node_taints', _taints, '--node-taints'),
)
NODEGROUP_OPTIONS = (
    ('role', _value, '--role'),
    ('flavor_id', _value, '--flavor'),
    ('image_id', _value, '--image'),
    ('node_count', _value, '--node-count'),
) + NODE_COUNT_BOUNDS + (
    ('docker_volume_size', _value, '--docker-volume-size'),
    ('labels', _labels, '--labels'),
    ('merge_labels', _flag, '--merge-labels'),
) + NODE_ATTRIBUTE_OPTIONS
# `nodegroup update` can set, not clear, min and max.
NODEGROUP_UPDATE_OPTIONS = NODE_COUNT_BOUNDS + NODE_ATTRIBUTE_OPTIONS


def _command(words, options, values, separator, positionals=None):
    parts = [list(words)]
    for attribute, kind, option in options:
        parts += kind(option, values.get(attribute))
    if positionals is None:
        positionals = [values.get('name') or '<name>']
    parts.append([str(word) for word in positionals])
    return separator.join(' '.join(shlex.quote(word) for word in part)
                          for part in parts)


def _name(value, placeholder):
    return value if _present(value) else placeholder


def nodegroup_create(cluster, values):
    return _command(('openstack', 'coe', 'nodegroup', 'create'),
                    NODEGROUP_OPTIONS, values, ' ',
                    [cluster, _name(values.get('name'), '<name>')])


def nodegroup_update(cluster, nodegroup, changes):
    """Updating what ``changes`` holds (only the changed attributes)."""
    return _command(('openstack', 'coe', 'nodegroup', 'update'),
                    NODEGROUP_UPDATE_OPTIONS, changes, ' ',
                    [cluster, nodegroup])


def nodegroup_delete(cluster, nodegroup):
    return _command(('openstack', 'coe', 'nodegroup', 'delete'), (), {},
                    ' ', [cluster, nodegroup])


def template_create(values):
    """Creating a template; each option on its own continued line."""
    return _command(('openstack', 'coe', 'cluster', 'template', 'create'),
                    TEMPLATE_OPTIONS, values, ' \\\n    ')


def cluster_create(values):
    """Creating a cluster, on one line (``labels.create_values`` output)."""
    return _command(('openstack', 'coe', 'cluster', 'create'),
                    CLUSTER_OPTIONS, values, ' ')


def _words(*parts):
    return ' '.join(shlex.quote(str(word)) for word in parts
                    if word not in (None, ''))


def _patch_value(path, value):
    if path == 'labels' and isinstance(value, dict):
        # The client splits one labels= on commas into key=value pairs.
        return ','.join('%s=%s' % item for item in sorted(value.items()))
    if isinstance(value, str):
        return value
    return json.dumps(value)  # the client reads JSON: true, 5


def template_update(template, patches):
    """One command per operation kind of each request in ``patches``
    (lists of JSON-patch operations, as ``patch.build_patch`` gives).
    """
    lines = []
    for operations in patches:
        for kind in ('add', 'replace', 'remove'):
            words = []
            for operation in operations:
                if operation['op'] != kind:
                    continue
                path = operation['path'].lstrip('/')
                words.append(path if kind == 'remove' else '%s=%s' % (
                    path, _patch_value(path, operation.get('value'))))
            if words:
                lines.append(_words('openstack', 'coe', 'cluster',
                                    'template', 'update', template, kind,
                                    *words))
    return '\n'.join(lines)


def cluster_resize(cluster, node_count, nodegroup=None):
    return _words('openstack', 'coe', 'cluster', 'resize',
                  *(('--nodegroup', nodegroup) if nodegroup else ()),
                  cluster, node_count)


def cluster_upgrade(cluster, template, max_batch_size=1, nodegroup=None):
    """For the upgrade form: ``template`` the new template's id."""
    options = ()
    if max_batch_size not in (None, '') and str(max_batch_size) != '1':
        # 1 is the client's default
        options += ('--max-batch-size', max_batch_size)
    if nodegroup:
        options += ('--nodegroup', nodegroup)
    return _words('openstack', 'coe', 'cluster', 'upgrade', *options,
                  cluster, template or '<cluster-template>')


def cluster_delete(cluster):
    return _words('openstack', 'coe', 'cluster', 'delete', cluster)


def ca_rotate(cluster):
    return _words('openstack', 'coe', 'ca', 'rotate', cluster)


def cluster_config(cluster, use_keystone=False):
    return _words('openstack', 'coe', 'cluster', 'config',
                  '--use-keystone' if use_keystone else None, cluster)
