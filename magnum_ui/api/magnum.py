"""Magnum service layer: every call the panels make to Magnum goes here."""

import json
import logging

from keystoneauth1 import exceptions as ks_exceptions
from openstack_dashboard.contrib.developer.profiler import api as profiler

from magnum_ui.api import breaker
from magnum_ui.api.client import api_version  # noqa: F401
from magnum_ui.api.client import magnumclient
from magnum_ui.api.client import supports  # noqa: F401
from magnum_ui.api.client import supports_cached  # noqa: F401
from magnum_ui.api import patch as patch_builder
from magnum_ui.api import wrappers
from magnum_ui.api.wrappers import TEMPLATE_FIELDS

LOG = logging.getLogger(__name__)

CLUSTER_CREATE_FIELDS = (
    'name', 'cluster_template_id', 'keypair', 'master_count', 'node_count',
    'master_flavor_id', 'flavor_id', 'docker_volume_size', 'create_timeout',
    'discovery_url', 'labels', 'merge_labels', 'fixed_network',
    'fixed_subnet', 'floating_ip_enabled', 'master_lb_enabled')


def _only(fields, values):
    """The given fields, without empty ones: Magnum's defaults apply."""
    return {key: value for key, value in values.items()
            if key in fields and value not in (None, '')}


def error_message(exc):
    """Magnum's own words for a failure (its detail, else its title)."""
    if isinstance(exc, json.JSONDecodeError):
        # A parser's words ("Expecting value: line 1 column 1") say nothing.
        return 'The service returned an answer that could not be read.'
    if isinstance(exc, ks_exceptions.ConnectFailure) and \
            not isinstance(exc, breaker.BackendUnavailable):
        # "Unable to establish connection to <url>: <urllib3's internals>"
        where = str(getattr(exc, 'message', None) or exc).split(': ', 1)[0]
        return '%s: %s.' % (where, breaker.why(exc))
    details = getattr(exc, 'details', None)
    message = getattr(exc, 'message', None)
    if isinstance(details, str) and details.strip():
        return details.strip()
    return str(message or exc)


# Cluster templates

@profiler.trace
def cluster_template_list(request, limit=None, marker=None):
    templates = magnumclient(request).cluster_templates.list(
        limit=limit, marker=marker, detail=True)
    return [wrappers.ClusterTemplate(t) for t in templates]


@profiler.trace
def cluster_template_get(request, template_id):
    return wrappers.ClusterTemplate(
        magnumclient(request).cluster_templates.get(template_id))


@profiler.trace
def cluster_template_create(request, **values):
    return wrappers.ClusterTemplate(
        magnumclient(request).cluster_templates.create(
            **_only(TEMPLATE_FIELDS, values)))


@profiler.trace
def cluster_template_update(request, template_id, current, **wanted):
    """Send only what changed between ``current`` and ``wanted``."""
    operations = patch_builder.build_patch(
        current, {k: v for k, v in wanted.items() if k in TEMPLATE_FIELDS})
    if not operations:
        return None
    return wrappers.ClusterTemplate(
        magnumclient(request).cluster_templates.update(
            template_id, operations))


@profiler.trace
def cluster_template_delete(request, template_id):
    magnumclient(request).cluster_templates.delete(template_id)


# Clusters

# A limit above any page, for "every cluster": python-magnumclient then
# follows Magnum's "next" links, and Magnum answers at most its
# api.max_limit (1000 by default) per call. Without a limit the client
# makes one call and gets only the first max_limit clusters; a limit of 0
# is refused by Magnum.
EVERY = 2 ** 31 - 1


@profiler.trace
def cluster_list(request, limit=None, marker=None, sort_dir=None):
    """Clusters; ``limit`` caps the answer (one page), see ``EVERY``."""
    kwargs = {'sort_key': 'id', 'sort_dir': sort_dir} if sort_dir else {}
    clusters = magnumclient(request).clusters.list(
        limit=limit, marker=marker, detail=True, **kwargs)
    return [wrappers.Cluster(c) for c in clusters]


@profiler.trace
def cluster_get(request, cluster_id):
    return wrappers.Cluster(magnumclient(request).clusters.get(cluster_id))


@profiler.trace
def cluster_create(request, **values):
    return wrappers.Cluster(magnumclient(request).clusters.create(
        **_only(CLUSTER_CREATE_FIELDS, values)))


@profiler.trace
def cluster_delete(request, cluster_id):
    magnumclient(request).clusters.delete(cluster_id)


@profiler.trace
def cluster_resize(request, cluster_id, node_count, nodegroup=None,
                   nodes_to_remove=None):
    return magnumclient(request).clusters.resize(
        cluster_id, node_count, nodes_to_remove=nodes_to_remove or [],
        nodegroup=nodegroup)


@profiler.trace
def cluster_upgrade(request, cluster_id, cluster_template_id,
                    max_batch_size=1, nodegroup=None):
    return magnumclient(request).clusters.upgrade(
        cluster_id, cluster_template_id, max_batch_size=max_batch_size,
        nodegroup=nodegroup)


# Nodegroups

NODEGROUP_CREATE_FIELDS = (
    'name', 'role', 'flavor_id', 'image_id', 'node_count', 'min_node_count',
    'max_node_count', 'docker_volume_size', 'labels', 'merge_labels',
    'node_labels', 'node_taints')
NODEGROUP_UPDATE_FIELDS = ('min_node_count', 'max_node_count',
                           'node_labels', 'node_taints')
NODE_ATTRIBUTES = ('node_labels', 'node_taints')  # API 1.14 and later


def _without_node_attributes(request, values):
    """``values`` without node labels and taints where Magnum predates
    them: an older Magnum would refuse the whole request.
    """
    if supports(request, 'node_labels_taints'):
        return values
    return {k: v for k, v in values.items() if k not in NODE_ATTRIBUTES}


def nodegroup_patch(current, wanted):
    """JSON-patch of the changed nodegroup attributes.

    Node labels and taints are always sent as ``replace`` of their Python
    text: Magnum's patch values are text or integers, and it reads these
    two back with ``ast.literal_eval`` on ``replace`` only (as
    python-magnumclient sends them).
    """
    plain = {k: v for k, v in wanted.items()
             if k in NODEGROUP_UPDATE_FIELDS and k not in NODE_ATTRIBUTES}
    operations = patch_builder.build_patch(current, plain)
    for key in NODE_ATTRIBUTES:
        if key not in wanted:
            continue
        empty = {} if key == 'node_labels' else []
        new, old = wanted[key] or empty, current.get(key) or empty
        if new != old:
            operations.append({'op': 'replace', 'path': '/%s' % key,
                               'value': repr(new)})
    return operations


@profiler.trace
def nodegroup_list_brief(request, cluster_id):
    """One call: no min/max counts, labels or version (see below)."""
    return [wrappers.Nodegroup(group) for group in
            magnumclient(request).nodegroups.list(cluster_id)]


@profiler.trace
def nodegroup_get(request, cluster_id, nodegroup_id):
    return wrappers.Nodegroup(
        magnumclient(request).nodegroups.get(cluster_id, nodegroup_id))


@profiler.trace
def nodegroup_create(request, cluster_id, **values):
    values = _without_node_attributes(
        request, _only(NODEGROUP_CREATE_FIELDS, values))
    return wrappers.Nodegroup(
        magnumclient(request).nodegroups.create(cluster_id, **values))


@profiler.trace
def nodegroup_update(request, cluster_id, nodegroup_id, current, **wanted):
    """Send only what changed between ``current`` and ``wanted``."""
    operations = nodegroup_patch(
        current, _without_node_attributes(request, wanted))
    if not operations:
        return None
    return wrappers.Nodegroup(magnumclient(request).nodegroups.update(
        cluster_id, nodegroup_id, operations))


@profiler.trace
def nodegroup_delete(request, cluster_id, nodegroup_id):
    magnumclient(request).nodegroups.delete(cluster_id, nodegroup_id)


@profiler.trace
def nodegroup_list(request, cluster_id):
    """Every nodegroup of the cluster with all its attributes.

    Magnum has no detailed nodegroup list (``/nodegroups/detail`` is read as
    a nodegroup named "detail") and its plain list leaves out min/max node
    counts and labels, so each group is fetched; a cluster has only a few.
    """
    client = magnumclient(request)
    return [wrappers.Nodegroup(client.nodegroups.get(cluster_id, group.uuid))
            for group in client.nodegroups.list(cluster_id)]


# Certificates and credentials

@profiler.trace
def certificate_get(request, cluster_id):
    return wrappers.Certificate(
        magnumclient(request).certificates.get(cluster_uuid=cluster_id))


@profiler.trace
def certificate_sign(request, cluster_id, csr_pem):
    return wrappers.Certificate(magnumclient(request).certificates.create(
        cluster_uuid=cluster_id, csr=csr_pem))


@profiler.trace
def certificate_rotate_ca(request, cluster_id):
    magnumclient(request).certificates.rotate_ca(cluster_uuid=cluster_id)


@profiler.trace
def credential_rotate(request, cluster_id):
    magnumclient(request).credentials.update(cluster_id)


# Quotas, stats, services

@profiler.trace
def quota_list(request, limit=None, marker=None, all_tenants=False):
    quotas = magnumclient(request).quotas.list(
        limit=limit, marker=marker, all_tenants=all_tenants)
    return [wrappers.Quota(q) for q in quotas]


@profiler.trace
def quota_get(request, project_id, resource='Cluster'):
    return wrappers.Quota(magnumclient(request).quotas.get(project_id,
                                                           resource))


@profiler.trace
def quota_create(request, project_id, hard_limit, resource='Cluster'):
    return wrappers.Quota(magnumclient(request).quotas.create(
        project_id=project_id, resource=resource, hard_limit=hard_limit))


@profiler.trace
def quota_update(request, project_id, hard_limit, resource='Cluster'):
    # Magnum's quota PATCH takes a quota document, not a JSON-patch.
    document = {'project_id': project_id, 'resource': resource,
                'hard_limit': hard_limit}
    return wrappers.Quota(magnumclient(request).quotas.update(
        project_id, resource, document))


@profiler.trace
def quota_delete(request, project_id, resource='Cluster'):
    magnumclient(request).quotas.delete(project_id, resource)


@profiler.trace
def stats_get(request, project_id=None):
    return wrappers.Stats(magnumclient(request).stats.list(
        project_id=project_id))


@profiler.trace
def service_list(request):
    return [wrappers.MagnumService(s)
            for s in magnumclient(request).mservices.list()]
