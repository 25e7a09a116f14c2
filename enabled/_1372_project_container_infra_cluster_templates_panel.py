PANEL = 'cluster_templates'
PANEL_DASHBOARD = 'project'
PANEL_GROUP = 'container_infra'
ADD_PANEL = ('magnum_ui.content.project.cluster_templates.panel.'
             'ClusterTemplates')
