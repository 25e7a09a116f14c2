from django.utils.translation import gettext_lazy as _

import horizon


class Clusters(horizon.Panel):
    name = _('Clusters')
    slug = 'clusters'
    permissions = ('openstack.services.container-infra',)
    policy_rules = (('container-infra', 'cluster:get_all'),)
