"""Labels whose values Magnum's drivers read as booleans or integers.

Magnum reads a boolean label with oslo's ``strutils.bool_from_string``,
which takes any other text silently as false (``auto_healing_enabled=ture``
would turn auto-healing off without a word), and an integer label with
``int()`` or a Heat ``number`` parameter, which fails the stack late.
Checking them in the form says so at once, naming the label.

Where the names come from:
- Magnum 23 itself: ``auto_healing_enabled`` and
  ``master_lb_floating_ip_enabled`` (magnum/drivers/common/k8s_monitor.py),
  ``cinder_csi_enabled`` and ``boot_volume_size``
  (magnum/api/controllers/v1/cluster.py), ``min_node_count``
  (magnum/conductor/utils.py);
- the Kubernetes driver's Heat template (k8s_fedora_coreos_v1
  kubecluster.yaml): its ``boolean`` and ``number`` parameters fed from
  labels.

    value_error(key, value) -> message or None
"""

from django.utils.translation import gettext_lazy as _

# What oslo's strutils.bool_from_string understands (lower case).
TRUE_WORDS = ('1', 't', 'true', 'on', 'y', 'yes')
FALSE_WORDS = ('0', 'f', 'false', 'off', 'n', 'no')

BOOLEAN_LABELS = frozenset((
    'auto_healing_enabled', 'auto_scaling_enabled', 'cinder_csi_enabled',
    'master_lb_floating_ip_enabled', 'keystone_auth_enabled',
    'kube_dashboard_enabled', 'influx_grafana_dashboard_enabled',
    'prometheus_monitoring', 'monitoring_enabled',
    'prometheus_adapter_enabled', 'metrics_server_enabled',
    'heapster_enabled', 'cert_manager_api', 'tiller_enabled', 'npd_enabled',
    'cloud_provider_enabled',
))

# Label → the smallest value that makes sense.
INTEGER_LABELS = {
    'min_node_count': 0,
    'max_node_count': 1,
    'boot_volume_size': 0,
    'etcd_volume_size': 0,
    'flannel_network_subnetlen': 1,
    'system_pods_initial_delay': 0,
    'system_pods_timeout': 0,
    'update_max_batch_size': 1,
}


def parse_bool(value):
    """True/False for a boolean word, None for anything else."""
    word = (value or '').strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    return None


def parse_int(value):
    """The integer a label holds, None when it is not one."""
    text = (value or '').strip()
    if not text.lstrip('-').isdigit() or not text.isascii():
        return None
    return int(text)


def value_error(key, value):
    """Why ``value`` is wrong for the label ``key``; None when it is fine
    or Magnum does not define the label's type.
    """
    if key in BOOLEAN_LABELS and parse_bool(value) is None:
        return _('The label %(key)s is a boolean: write true or false, not '
                 '"%(value)s".') % {'key': key, 'value': value}
    if key in INTEGER_LABELS:
        number = parse_int(value)
        low = INTEGER_LABELS[key]
        if number is None:
            return _('The label %(key)s is a whole number, not '
                     '"%(value)s".') % {'key': key, 'value': value}
        if number < low:
            return _('The label %(key)s must be at least %(low)d.') % {
                'key': key, 'low': low}
    return None
