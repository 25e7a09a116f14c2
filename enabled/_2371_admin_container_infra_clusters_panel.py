PANEL = 'clusters'
PANEL_DASHBOARD = 'admin'
PANEL_GROUP = 'container_infra'
ADD_PANEL = 'magnum_ui.content.admin.clusters.panel.AdminClusters'
