"""Resize and upgrade actions of a cluster row."""

from django.utils.translation import gettext_lazy as _

from horizon import tables

from magnum_ui.api import magnum
from magnum_ui.content.common import policy
from magnum_ui.content.project.clusters.operations import allowed


class ResizeCluster(policy.CheckedOncePerRequest, tables.LinkAction):
    name = 'resize'
    verbose_name = _('Resize Cluster')
    url = 'horizon:project:clusters:operations:resize'
    classes = ('ajax-modal',)
    icon = 'arrows-h'
    policy_rules = (('container-infra', 'cluster:resize'),)

    def allowed(self, request, datum=None):
        return (allowed.can_resize(datum)
                and magnum.supports(request, 'resize'))


class UpgradeCluster(policy.CheckedOncePerRequest, tables.LinkAction):
    name = 'upgrade'
    verbose_name = _('Upgrade Cluster')
    url = 'horizon:project:clusters:operations:upgrade'
    classes = ('ajax-modal',)
    icon = 'level-up'
    policy_rules = (('container-infra', 'cluster:upgrade'),)

    def allowed(self, request, datum=None):
        return (allowed.can_upgrade(datum)
                and magnum.supports(request, 'upgrade'))
