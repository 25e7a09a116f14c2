"""Table actions: Export (a row) and Import (the table)."""

from django.utils.translation import gettext_lazy as _

from horizon import tables

from magnum_ui.content.common import policy

POLICY = 'container-infra'
CREATE_RULE = ((POLICY, 'clustertemplate:create'),)


class ExportClusterTemplate(policy.CheckedOncePerRequest, tables.LinkAction):
    name = 'export'
    verbose_name = _('Export as YAML')
    url = 'horizon:project:cluster_templates:import_export:export'
    icon = 'download'
    policy_rules = ((POLICY, 'clustertemplate:get'),)


class ImportClusterTemplate(policy.CheckedOncePerRequest, tables.LinkAction):
    name = 'import'
    verbose_name = _('Import Cluster Template')
    url = 'horizon:project:cluster_templates:import_export:import'
    classes = ('ajax-modal',)
    icon = 'upload'
    policy_rules = CREATE_RULE
