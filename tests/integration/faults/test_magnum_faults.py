"""Every Magnum-backed view and form under Magnum faults: every call
faulty, then the writes only (the forms); and pass mode first."""

import pytest

from tests.integration.faults import matrix
from tests.integration.faults import run
from tests.integration.faults import views

pytestmark = pytest.mark.integration
MAGNUM, HEAT = views.MAGNUM, views.HEAT


def test_every_view_answers_through_the_proxies(baseline, proxies):
    """Pass mode: every view is a working page without an error message,
    and the dashboard does reach Magnum and Heat through the proxies.
    """
    assert sum(c[MAGNUM] for c in baseline['calls'].values()), \
        'the dashboard did not go through the Magnum proxy'
    assert sum(c[HEAT] for c in baseline['calls'].values()), \
        'the dashboard did not go through the Heat proxy'
    judge = matrix.Judge('pass', MAGNUM, 'pass', baseline)
    for view in views.GETS:
        answer = baseline['answers'][view.key]
        judge(view, answer)
        if answer.messages:
            judge.problem('%s: an error in pass mode -- %s' % (
                view.key, answer.summary()))
    judge.verdict()


@pytest.mark.parametrize('fault', views.FAULTS)
def test_magnum_fault(fault, proxies, users, world, forms, horizon, baseline):
    """Every view and form under a Magnum fault (every call fails), then
    the list works again without a restart.
    """
    judge = run.run_fault(MAGNUM, fault, views.ALL_FAULTS, proxies, users,
                          world, forms, horizon, baseline)
    judge.verdict()


@pytest.mark.parametrize('fault', views.FAULTS)
def test_magnum_fails_the_submission(fault, proxies, users, world, forms,
                                     horizon, baseline, magnum):
    """Reads pass, writes fail: each form comes back with the failure and
    nothing is created, resized, upgraded or deleted.
    """
    judge = run.run_fault(MAGNUM, fault, views.POSTS, proxies, users, world,
                          forms, horizon, baseline, writes_only=True)
    assert world['tag'] + '-new' not in [c.name for c in
                                         magnum.clusters.list()]
    ready = magnum.clusters.get(world['ready'])
    assert (ready.node_count, ready.status, ready.cluster_template_id) == (
        1, 'CREATE_COMPLETE', world['template'])
    judge.verdict()
