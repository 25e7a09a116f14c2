"""Wrappers with explicit attributes around python-magnumclient resources."""

from openstack_dashboard.api import base

from magnum_ui import statuses

TEMPLATE_FIELDS = (
    'name', 'coe', 'image_id', 'keypair_id', 'flavor_id', 'master_flavor_id',
    'external_network_id', 'fixed_network', 'fixed_subnet', 'dns_nameserver',
    'docker_volume_size', 'docker_storage_driver', 'volume_driver',
    'network_driver', 'server_type', 'labels', 'http_proxy', 'https_proxy',
    'no_proxy', 'tls_disabled', 'public', 'hidden', 'registry_enabled',
    'master_lb_enabled', 'floating_ip_enabled', 'tags')


class MagnumResource(base.APIResourceWrapper):
    """Known attributes the server did not return read as None.

    Attributes are looked up the plain way (Horizon's wrapper runs Python
    code and raises an exception for every read of a field, and a page of
    clusters reads thousands); only a field not set on the wrapper itself
    is asked of the resource.
    """

    __getattribute__ = object.__getattribute__
    _known = frozenset()

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls._known = frozenset(cls._attrs)

    def __getattr__(self, attr):
        if attr in type(self)._known:
            return getattr(self._apiresource, attr, None)
        raise AttributeError(attr)

    @property
    def id(self):
        return self.uuid


class ClusterTemplate(MagnumResource):
    _attrs = TEMPLATE_FIELDS + (
        'uuid', 'project_id', 'user_id', 'cluster_distro', 'apiserver_port',
        'insecure_registry', 'created_at', 'updated_at')


class Cluster(MagnumResource):
    _attrs = (
        'uuid', 'name', 'status', 'status_reason', 'health_status',
        'health_status_reason', 'cluster_template_id', 'keypair',
        'master_count', 'node_count', 'master_flavor_id', 'flavor_id',
        'docker_volume_size', 'create_timeout', 'discovery_url',
        'api_address', 'master_addresses', 'node_addresses', 'coe_version',
        'container_version', 'labels', 'labels_overridden', 'labels_added',
        'labels_skipped', 'fixed_network', 'fixed_subnet',
        'floating_ip_enabled', 'master_lb_enabled', 'faults', 'stack_id',
        'cluster_id', 'project_id', 'user_id', 'created_at', 'updated_at')

    @property
    def is_busy(self):
        return statuses.is_in_progress(self.status)

    @property
    def stack_or_cluster_id(self):
        """Driver's id of the cluster (cluster_id from 1.13, else stack_id)."""
        return self.cluster_id or self.stack_id


class Nodegroup(MagnumResource):
    _attrs = (
        'uuid', 'name', 'cluster_id', 'project_id', 'role', 'is_default',
        'flavor_id', 'image_id', 'docker_volume_size', 'labels',
        'labels_overridden', 'labels_added', 'labels_skipped',
        'node_addresses', 'node_count', 'min_node_count', 'max_node_count',
        'status', 'status_reason', 'stack_id', 'version', 'merge_labels',
        'node_labels', 'node_taints', 'created_at', 'updated_at')


class Quota(MagnumResource):
    _attrs = ('id', 'project_id', 'resource', 'hard_limit',
              'created_at', 'updated_at')

    @property
    def id(self):
        return self._apiresource.id


class Certificate(MagnumResource):
    _attrs = ('cluster_uuid', 'pem', 'csr')

    @property
    def id(self):
        return self.cluster_uuid


class Stats(MagnumResource):
    _attrs = ('clusters', 'nodes')

    @property
    def id(self):
        return 'stats'


class MagnumService(MagnumResource):
    _attrs = ('id', 'host', 'binary', 'state', 'disabled', 'disabled_reason',
              'report_count', 'created_at', 'updated_at')

    @property
    def id(self):
        return self._apiresource.id
