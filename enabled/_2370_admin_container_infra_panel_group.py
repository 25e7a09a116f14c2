from django.utils.translation import gettext_lazy as _

PANEL_GROUP = 'container_infra'
PANEL_GROUP_NAME = _('Container Infra')
PANEL_GROUP_DASHBOARD = 'admin'

ADD_INSTALLED_APPS = ['magnum_ui']
