"""Settings of the Horizon the fault suite runs (tests/integration/faults).

The demo settings, plus:

* ``OPENSTACK_ENDPOINT_TYPE = 'internalURL'``: the suite points the
  internal catalogue endpoints of Magnum and Heat at sandbox.faultproxy;
  no service of the sandbox uses that interface, so only this Horizon
  goes through the proxies (see sandbox/faultproxy/).
* the plugin's timeouts from the environment (short ones for the suite):
  MAGNUM_UI_API_TIMEOUT, MAGNUM_UI_VERSION_TIMEOUT,
  MAGNUM_UI_VERSION_FAILURE_TTL, MAGNUM_UI_BACKEND_FAILURE_TTL.
"""

import os

from demo.settings import *  # noqa: F401,F403,H303

OPENSTACK_ENDPOINT_TYPE = 'internalURL'

for _name in ('MAGNUM_UI_API_TIMEOUT', 'MAGNUM_UI_VERSION_TIMEOUT',
              'MAGNUM_UI_VERSION_FAILURE_TTL',
              'MAGNUM_UI_BACKEND_FAILURE_TTL'):
    if os.environ.get(_name):
        globals()[_name] = float(os.environ[_name])
