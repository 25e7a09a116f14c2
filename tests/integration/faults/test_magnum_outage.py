"""Magnum hung or failing in ways the other modules do not cover: other
pages stay fast while requests wait on a hung Magnum; a fault met by
version discovery (a cold version cache)."""

import threading
import time
import urllib.parse
import uuid

import pytest

from sandbox import faultproxy
from tests.integration.faults import client
from tests.integration.faults import horizon as fault_horizon
from tests.integration.faults import matrix
from tests.integration.faults import run
from tests.integration.faults import views

pytestmark = pytest.mark.integration
MAGNUM = views.MAGNUM


def test_other_pages_stay_fast_while_magnum_hangs(proxies, users, world,
                                                  horizon, sandbox):
    """Six requests wait on a hung Magnum; /settings/ and
    /project/api_access/ still answer at once.
    """
    proxy = proxies[MAGNUM]
    own = client.login(horizon.url, sandbox, 'demo')
    # Warm both workers up (templates compiled): what is measured below is
    # waiting, not a first rendering.
    warm = [own.get(path) for path in ('/settings/', '/project/api_access/')
            for _ in range(4)]
    waiting, fast = [], []
    hung_before = proxy.counts.get('hang', 0)
    proxy.set('hang')
    try:
        threads = [threading.Thread(target=lambda: waiting.append(
            users['demo'].get('/project/clusters/',
                              label='clusters index (waiting)')))
                   for _ in range(6)]
        for thread in threads:
            thread.start()
        # All six in Horizon, waiting on Magnum (which holds them).
        deadline = time.monotonic() + 10
        while proxy.counts.get('hang', 0) - hung_before < 6 and \
                time.monotonic() < deadline:
            time.sleep(0.1)
        in_flight = proxy.counts.get('hang', 0) - hung_before
        fast = [own.get(path) for path in
                ('/settings/', '/project/api_access/', '/settings/')]
        for thread in threads:
            thread.join(60)
    finally:
        proxy.set('pass')
    matrix.write('magnum hang: other pages while %d requests wait on Magnum '
                 '(first: the same pages before, Magnum answering)'
                 % in_flight,
                 [a.summary() for a in [warm[3], warm[-1]] + fast + waiting])
    run.recovered(users, world, 'hang')
    assert in_flight >= 6, 'only %d requests reached the hung Magnum' % (
        in_flight)
    for answer in fast:
        assert answer.status == 200, answer.summary()
        assert answer.elapsed < fault_horizon.FAST_LIMIT, answer.summary()
    assert len(waiting) == 6
    for answer in waiting:
        assert answer.status == 200 and answer.messages, answer.summary()
        assert answer.elapsed <= fault_horizon.ANSWER_LIMIT, answer.summary()


# Version discovery tells apart: refused, hung, a 4xx (not remembered),
# a 5xx (remembered for the failure window), an unreadable body.
COLD_FAULTS = ('refuse', 'hang', 'status:404', 'status:503', 'malformed')


@pytest.mark.parametrize('fault', COLD_FAULTS)
def test_magnum_fault_on_a_cold_version_cache(fault, sandbox, proxies,
                                              horizon, world):
    """The same fault when the dashboard has not read Magnum's versions yet
    (a fresh endpoint URL, a fresh login): version discovery meets the
    fault, the page says so, and the list is back after the fault.
    """
    proxy = proxies[MAGNUM]
    admin, auth_url = sandbox['sessions']['admin'], sandbox['auth_url']
    prefix = '/_fp-%s-%s' % (fault.replace(':', ''), uuid.uuid4().hex[:4])
    path = urllib.parse.urlsplit(sandbox['services'][MAGNUM]).path
    faultproxy.set_urls(admin, auth_url, {MAGNUM: proxy.url + prefix + path})
    try:
        cold = {'demo': client.Pool([
            client.login(horizon.url, sandbox, 'demo')])}
    finally:
        faultproxy.set_urls(admin, auth_url, {MAGNUM: proxy.url + path})
    judge = matrix.Judge(fault, MAGNUM)
    try:
        proxy.set(fault)
        # the list, the detail page
        for view in (views.VIEWS[0], views.VIEWS[2]):
            judge(view, views.request(cold, world, {}, view, 'cold ' + fault))
    finally:
        proxy.set('pass')
    took, problem = run.recovered(cold, world, fault)
    if problem:
        judge.problem(problem)
    matrix.write('magnum cold version cache %s (list back in %s s)' % (
        fault, '%.1f' % took if took is not None else '-'), judge.lines)
    judge.verdict()
