"""Client exceptions Horizon should turn into messages (ADD_EXCEPTIONS).

Horizon's ``exceptions.handle`` only shows a message for exception classes it
was told about; anything else is re-raised and becomes an HTTP 500.
"""

from keystoneauth1 import exceptions as ks_exceptions
from magnumclient import exceptions as magnum_exceptions
from openstack import exceptions as sdk_exceptions

from magnum_ui.api import breaker
from magnum_ui.api import versions

UNAUTHORIZED = (
    magnum_exceptions.Unauthorized,
)

NOT_FOUND = (
    magnum_exceptions.NotFound,
    sdk_exceptions.NotFoundException,
)

RECOVERABLE = (
    magnum_exceptions.ClientException,
    magnum_exceptions.HttpError,
    sdk_exceptions.SDKException,
    ks_exceptions.ClientException,
    breaker.BackendUnavailable,
    versions.VersionNegotiationError,
)
