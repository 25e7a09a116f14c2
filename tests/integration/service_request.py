"""A stand-in for a Horizon request with a real user's token and catalogue."""


class _Token:
    def __init__(self, token_id, project=None):
        self.id = token_id
        # Horizon's nova/neutron helpers read the project's domain here.
        self.project = project or {}


class _User:
    def __init__(self, access, region, login):
        self.token = _Token(access.auth_token,
                            {'id': access.project_id,
                             'domain_id': access.project_domain_id})
        self.service_catalog = access.service_catalog.catalog
        self.services_region = region
        self.username = access.username
        self.user_domain_name = access.user_domain_name
        self.project_name = access.project_name
        self.project_id = access.project_id
        self.tenant_id = access.project_id
        self.id = access.user_id
        self.login = login


class ServiceRequest:
    """What the service layer reads from a Horizon request, and no more."""

    def __init__(self, session, region, login='demo'):
        access = session.auth.get_access(session)
        self.user = _User(access, region, login)
        self.META = {'REMOTE_ADDR': '127.0.0.1'}
        self.session = {}
