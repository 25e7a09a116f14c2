"""Project names for the admin panels, from one Keystone call per request."""

from django.utils.translation import gettext_lazy as _

from horizon.utils import memoized
from openstack_dashboard import api

from magnum_ui.content.common import errors


@memoized.memoized
def project_names(request):
    """{project id: name} of every project; {} (and a message) on failure."""
    try:
        projects, _more = api.keystone.tenant_list(request)
    except Exception as exc:
        errors.handle(request, _('Unable to retrieve projects.'), exc)
        return {}
    return {project.id: project.name for project in projects}


def name_projects(request, items):
    """Set ``project_name`` on each item: its project's name, else its id."""
    names = project_names(request) if items else {}
    for item in items:
        item.project_name = names.get(item.project_id, item.project_id)
    return items
