# The magnum_ui app itself is added by _1370 (an app listed twice breaks
# Django's app registry).
from magnum_ui import content

PANEL_GROUP = 'container_infra'
PANEL_GROUP_NAME = content.PANEL_GROUP_NAME
PANEL_GROUP_DASHBOARD = 'admin'
