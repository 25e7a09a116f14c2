from django.utils.translation import gettext_lazy as _

import horizon


class AdminClusterTemplates(horizon.Panel):
    name = _('Cluster Templates')
    slug = 'cluster_templates'
    permissions = ('openstack.services.container-infra',)
    # Magnum lists every project's templates to an admin context.
    policy_rules = (('container-infra',
                     'clustertemplate:get_all_all_projects'),)
