from django.utils.translation import gettext_lazy as _

import horizon


class MagnumServices(horizon.Panel):
    name = _('Magnum Services')
    slug = 'container_infra_services'
    permissions = ('openstack.services.container-infra',)
    policy_rules = (('container-infra', 'magnum-service:get_all'),)
