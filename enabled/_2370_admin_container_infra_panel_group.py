# The magnum_ui app itself is added by _1370 (an app listed twice breaks
# Django's app registry).
from django.utils.translation import gettext_lazy as _

PANEL_GROUP = 'container_infra'
PANEL_GROUP_NAME = _('Container Infra')
PANEL_GROUP_DASHBOARD = 'admin'
