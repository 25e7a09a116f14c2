"""Heat-backed views under Heat faults (the Progress tab; the done/total
count of a busy row).

This module runs first (pytest takes the package's modules by name): the
"busy" cluster of the ``world`` fixture is still being built, so that its
row asks Heat for a count while Heat fails.
"""

import warnings

import pytest

from tests.integration.faults import matrix
from tests.integration.faults import run
from tests.integration.faults import views

pytestmark = pytest.mark.integration
HEAT = views.HEAT


@pytest.mark.parametrize('fault', views.FAULTS)
def test_heat_fault(fault, proxies, users, world, forms, horizon, baseline,
                    magnum):
    """Heat-backed views under a Heat fault: the Progress tab explains; the
    clusters list and the row refresh carry on without Heat's count (asked
    for the busy cluster); the tab works again after the fault.
    """
    status = magnum.clusters.get(world['busy']).status
    if status != 'CREATE_IN_PROGRESS':
        message = ('the busy cluster is %s already: the Heat count of a '
                   'busy row was not exercised under %s (a slow machine? '
                   'raise BUSY_SECONDS)' % (status, fault))
        matrix.write('heat %s: NOTE' % fault, [message])
        warnings.warn(message)
    judge = run.run_fault(HEAT, fault, views.HEAT_VIEWS, proxies, users,
                          world, forms, horizon, baseline)
    judge.verdict()
