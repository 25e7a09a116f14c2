"""Set a project's Nova quota as the sandbox admin, and put it back."""

import contextlib

ENDPOINT = {'service_type': 'compute', 'interface': 'public'}


def _quota_url(project_id):
    return '/os-quota-sets/%s' % project_id


def get(admin_session, project_id):
    return admin_session.get(_quota_url(project_id),
                             endpoint_filter=ENDPOINT).json()['quota_set']


def put(admin_session, project_id, **values):
    admin_session.put(_quota_url(project_id), endpoint_filter=ENDPOINT,
                      json={'quota_set': values})


@contextlib.contextmanager
def lowered(admin_session, project_id, **values):
    """The quota set to ``values`` inside the block; restored after it,
    also when the block fails.
    """
    before = get(admin_session, project_id)
    put(admin_session, project_id, **values)
    try:
        yield
    finally:
        put(admin_session, project_id,
            **{name: before[name] for name in values})
