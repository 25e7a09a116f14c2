from django.utils.translation import gettext_lazy as _

import horizon


class Quotas(horizon.Panel):
    name = _('Cluster Quotas')
    slug = 'container_infra_quotas'
    permissions = ('openstack.services.container-infra',)
    policy_rules = (('container-infra', 'quota:get_all'),)

    def allowed(self, context):
        # Horizon asks every panel on every page: never wait on Magnum here.
        from magnum_ui.api import client
        try:
            if not client.supports_cached(context['request'], 'quotas'):
                return False
        except Exception:
            return False
        return super().allowed(context)
