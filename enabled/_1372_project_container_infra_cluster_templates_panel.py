PANEL = 'cluster_templates'
PANEL_DASHBOARD = 'project'
PANEL_GROUP = 'container_infra'
ADD_PANEL = 'magnum_ui.content.cluster_templates.panel.ClusterTemplates'
