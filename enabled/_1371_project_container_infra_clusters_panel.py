PANEL = 'clusters'
PANEL_DASHBOARD = 'project'
PANEL_GROUP = 'container_infra'
ADD_PANEL = 'magnum_ui.content.project.clusters.panel.Clusters'
