"""The `openstack coe cluster template create` command for entered values."""

import shlex

# (Magnum attribute, option of python-magnumclient's OSC plugin), in the
# order the wizard asks for them.
VALUE_OPTIONS = (
    ('coe', '--coe'),
    ('image_id', '--image'),
    ('keypair_id', '--keypair'),
    ('flavor_id', '--flavor'),
    ('master_flavor_id', '--master-flavor'),
    ('volume_driver', '--volume-driver'),
    ('docker_volume_size', '--docker-volume-size'),
    ('docker_storage_driver', '--docker-storage-driver'),
    ('server_type', '--server-type'),
    ('network_driver', '--network-driver'),
    ('external_network_id', '--external-network'),
    ('fixed_network', '--fixed-network'),
    ('fixed_subnet', '--fixed-subnet'),
    ('dns_nameserver', '--dns-nameserver'),
    ('http_proxy', '--http-proxy'),
    ('https_proxy', '--https-proxy'),
    ('no_proxy', '--no-proxy'),
    ('tags', '--tags'),
)
FLAG_OPTIONS = (
    ('public', '--public'),
    ('hidden', '--hidden'),
    ('registry_enabled', '--registry-enabled'),
    ('tls_disabled', '--tls-disabled'),
    ('master_lb_enabled', '--master-lb-enabled'),
)
TRUE_TEXTS = ('true', 'on', '1', 'yes')


def _is_true(value):
    if isinstance(value, str):
        return value.strip().lower() in TRUE_TEXTS
    return bool(value)


def _present(value):
    return value not in (None, '')


def build_command(values):
    """Return the shell command creating a template with ``values``.

    ``values`` are Magnum attribute names (cleaned data or raw form text);
    ``labels`` is a dict. Every word is shell-quoted; each option goes on
    its own line with a backslash continuation.
    """
    parts = [['openstack', 'coe', 'cluster', 'template', 'create']]
    for attribute, option in VALUE_OPTIONS:
        value = values.get(attribute)
        if _present(value):
            parts.append([option, str(value)])
    for attribute, option in FLAG_OPTIONS:
        if _is_true(values.get(attribute)):
            parts.append([option])
    if 'floating_ip_enabled' in values:
        parts.append(['--floating-ip-enabled'
                      if _is_true(values['floating_ip_enabled'])
                      else '--floating-ip-disabled'])
    # One --labels per label: the client joins repeated options, while a
    # single option is split on commas.
    for key, value in sorted((values.get('labels') or {}).items()):
        parts.append(['--labels', '%s=%s' % (key, value)])
    parts.append([values.get('name') or '<name>'])
    return ' \\\n    '.join(
        ' '.join(shlex.quote(word) for word in part) for part in parts)
