PANEL = 'container_infra_quotas'
PANEL_DASHBOARD = 'admin'
PANEL_GROUP = 'container_infra'
ADD_PANEL = 'magnum_ui.content.admin.quotas.panel.Quotas'
