PANEL = 'container_infra_services'
PANEL_DASHBOARD = 'admin'
PANEL_GROUP = 'container_infra'
ADD_PANEL = 'magnum_ui.content.admin.services.panel.MagnumServices'
