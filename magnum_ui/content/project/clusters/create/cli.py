"""The `openstack coe cluster create` command for the wizard's values."""

import shlex

VALUE_OPTIONS = (
    ('cluster_template_id', '--cluster-template'),
    ('keypair', '--keypair'),
    ('master_count', '--master-count'),
    ('node_count', '--node-count'),
    ('master_flavor_id', '--master-flavor'),
    ('flavor_id', '--flavor'),
    ('docker_volume_size', '--docker-volume-size'),
    ('create_timeout', '--timeout'),
    ('fixed_network', '--fixed-network'),
    ('fixed_subnet', '--fixed-subnet'),
)
# Tri-state options: True → first flag, False → second, None → omitted.
SWITCH_OPTIONS = (
    ('floating_ip_enabled', '--floating-ip-enabled', '--floating-ip-disabled'),
    ('master_lb_enabled', '--master-lb-enabled', '--master-lb-disabled'),
)


def _present(value):
    return value not in (None, '')


def build_command(values):
    """Return the shell command creating a cluster with ``values``.

    ``values`` uses Magnum attribute names, as ``cluster_create`` takes them
    (``labels`` a dict, ``merge_labels`` a bool). Every word is shell-quoted.
    """
    words = ['openstack', 'coe', 'cluster', 'create']
    for attribute, option in VALUE_OPTIONS:
        value = values.get(attribute)
        if _present(value):
            words += [option, str(value)]
    for attribute, when_true, when_false in SWITCH_OPTIONS:
        value = values.get(attribute)
        if value is True:
            words.append(when_true)
        elif value is False:
            words.append(when_false)
    for key, value in sorted((values.get('labels') or {}).items()):
        words += ['--labels', '%s=%s' % (key, value)]
    if values.get('labels') and values.get('merge_labels'):
        words.append('--merge-labels')
    words.append(str(values.get('name') or '<name>'))
    return ' '.join(shlex.quote(word) for word in words)
