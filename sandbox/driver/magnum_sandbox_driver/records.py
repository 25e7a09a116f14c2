"""Magnum records as the plain dicts template.py and status.py work on."""
from magnum_sandbox_driver import heat
from magnum_sandbox_driver import labels as sblabels
from magnum_sandbox_driver import template


def cluster_dict(cluster):
    return {'uuid': cluster.uuid, 'name': cluster.name,
            'labels': cluster.labels or {},
            'master_lb_enabled': cluster.master_lb_enabled,
            'floating_ip_enabled': cluster.floating_ip_enabled,
            'ca_cert_ref': cluster.ca_cert_ref}


def ng_dict(ng):
    return {'uuid': ng.uuid, 'name': ng.name, 'role': ng.role,
            'status': ng.status, 'is_default': ng.is_default,
            'node_count': ng.node_count, 'labels': ng.labels or {},
            'flavor_id': ng.flavor_id, 'image_id': ng.image_id,
            'docker_volume_size': ng.docker_volume_size}


def stack_ref(cluster):
    return heat.stack_ref(template.stack_name(cluster_dict(cluster)),
                          cluster.stack_id)


def settings_or_default(labels_dict):
    try:
        return sblabels.parse(labels_dict)
    except sblabels.InvalidLabel:
        return sblabels.Settings()
