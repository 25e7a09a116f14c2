PANEL = 'cluster_templates'
PANEL_DASHBOARD = 'admin'
PANEL_GROUP = 'container_infra'
ADD_PANEL = ('magnum_ui.content.admin.cluster_templates.panel.'
             'AdminClusterTemplates')
