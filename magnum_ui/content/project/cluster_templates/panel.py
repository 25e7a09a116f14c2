from django.utils.translation import gettext_lazy as _

import horizon


class ClusterTemplates(horizon.Panel):
    name = _('Cluster Templates')
    slug = 'cluster_templates'
    permissions = ('openstack.services.container-infra',)
    policy_rules = (('container-infra', 'clustertemplate:get_all'),)
