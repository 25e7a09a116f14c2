from magnum_ui import content
from magnum_ui import exceptions

PANEL_GROUP = 'container_infra'
PANEL_GROUP_NAME = content.PANEL_GROUP_NAME
PANEL_GROUP_DASHBOARD = 'project'

ADD_INSTALLED_APPS = ['magnum_ui']
ADD_EXCEPTIONS = {
    'recoverable': exceptions.RECOVERABLE,
    'not_found': exceptions.NOT_FOUND,
    'unauthorized': exceptions.UNAUTHORIZED,
}
ADD_SCSS_FILES = ['magnum_ui/scss/magnum_ui.scss']
ADD_JS_FILES = ['magnum_ui/js/cluster_rows.js',
                'magnum_ui/js/cluster_usage.js',
                'magnum_ui/js/cluster_create.js',
                'magnum_ui/js/cli_copy.js',
                'magnum_ui/js/progress.js']
