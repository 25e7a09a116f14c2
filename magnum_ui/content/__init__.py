"""The Container Infra panels."""

from django.utils.translation import gettext_lazy as _

# The panel group of both dashboards (enabled/_1370 and _2370), here so
# that makemessages finds it in the package.
PANEL_GROUP_NAME = _('Container Infra')
