from django.utils.translation import gettext_lazy as _

import horizon


class Quotas(horizon.Panel):
    name = _('Cluster Quotas')
    slug = 'container_infra_quotas'
    permissions = ('openstack.services.container-infra',)
    policy_rules = (('container-infra', 'quota:get_all'),)

    def allowed(self, context):
        from magnum_ui.api import magnum
        request = context['request']
        try:
            if not magnum.supports(request, 'quotas'):
                return False
        except Exception:
            return False
        return super().allowed(context)
