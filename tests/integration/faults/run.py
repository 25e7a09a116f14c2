"""Running one fault: the proxy switched, the views requested, the answers
judged, the recovery checked, Horizon's log searched for HTTP 500s."""

import concurrent.futures
import re
import time

from sandbox import faultproxy
from tests.integration.faults import horizon
from tests.integration.faults import matrix
from tests.integration.faults import views

PARALLEL = 4        # requests at once (the Horizon has 2 workers x 8 threads)


def many(users, world, forms, chosen, label, parallel):
    with concurrent.futures.ThreadPoolExecutor(parallel) as pool:
        return list(pool.map(
            lambda v: (v, views.request(users, world, forms, v, label)),
            chosen))


def recovered(users, world, fault, service=views.MAGNUM):
    """After the fault: the clusters list (Heat: the Progress tab) must
    work without an error, three answers in a row (both Horizon workers).
    After an answered fault at once (5 s: a few page loads); refused or
    hung, the plugin's breaker does not call the service again for
    MAGNUM_UI_BACKEND_FAILURE_TTL, so within that window + 5 s.
    Returns (seconds to the first of the good answers, problem or None).
    """
    started = time.monotonic()
    limit = (horizon.FAILURE_TTL if fault in ('refuse', 'hang') else 0) + 5
    if service == views.HEAT:
        path, ajax, sign = views.TAB.format(**world) + 'progress', True, \
            'mui-cluster-topology'
    else:
        path, ajax, sign = '/project/clusters/', False, world['ready']
    good, first_good, answer = 0, None, None
    while time.monotonic() - started < limit + 10:
        answer = users['demo'].get(path, ajax=ajax)
        page = answer.response.text if answer.response is not None else ''
        if answer.status == 200 and sign in page and not answer.messages:
            good += 1
            first_good = first_good or time.monotonic() - started
        else:
            good, first_good = 0, None
        if good == 3:
            if first_good > limit:
                return first_good, 'back only after %.1fs (limit %.0fs)' % (
                    first_good, limit)
            return first_good, None
        time.sleep(0.3)
    return None, 'not back after the fault: %s' % (
        answer.summary() if answer else '-')


def errors_500(server, offset):
    """[(path, exception line, traceback)] of the HTTP 500s Django logged
    since ``offset``.
    """
    found, current = [], None
    for line in server.log_since(offset).splitlines():
        if line.startswith('Internal Server Error: '):
            current = [line.split(': ', 1)[1], []]
            continue
        if current is None:
            continue
        current[1].append(line)
        if line and not line[0].isspace() and not line.startswith(
                ('Traceback', 'During handling', 'The above')) and \
                len(current[1]) > 2:
            found.append((current[0], line, '\n'.join(current[1])))
            current = None
    return found


def reached(proxy, view, since):
    """Whether ``view``'s write reached the proxy, faulty, after ``since``
    (else the form did not validate and nothing was tested).
    """
    methods, pattern = view.write
    return any(when >= since and action != 'pass' and method in methods and
               re.search(pattern, path.split('?')[0])
               for when, method, path, _agent, action in list(proxy.log))


def wait_for_breakers(proxy):
    """Until the breaker windows a refused or hung call through ``proxy``
    opened (in either Horizon worker) are over: reads must pass again.
    """
    until = 0
    for when, _method, _path, _agent, action in list(proxy.log):
        if action in ('refuse', 'hang'):
            answered = when + (horizon.API_TIMEOUT if action == 'hang' else 0)
            until = max(until, answered + horizon.FAILURE_TTL + 0.5)
    if until > time.time():
        time.sleep(until - time.time())


def _writes(proxy, fault, chosen, judge, users, world, forms):
    """Reads pass, writes fail: each form's reads must reach Magnum before
    its write does.  Every form at once; a form whose write did not reach
    Magnum then (its reads met the breaker a refused or hung write of
    another form opened) again on its own, after the breaker's window.
    A refused write opens the breaker at once: one form at a time.
    """
    label = 'writes ' + fault
    answers = {}
    if fault != 'refuse':
        wait_for_breakers(proxy)
        proxy.set(fault, methods=faultproxy.WRITES)
        since = time.time()
        for view, answer in many(users, world, forms, chosen, label,
                                 len(chosen)):
            answers[view.key] = (view, answer, since)
    for view in chosen:
        if view.key in answers and reached(proxy, view, answers[view.key][2]):
            continue
        proxy.set('pass')
        wait_for_breakers(proxy)
        proxy.set(fault, methods=faultproxy.WRITES)
        since = time.time()
        answers[view.key] = (view, views.request(users, world, forms, view,
                                                 label), since)
    for view, answer, since in answers.values():
        judge(view, answer)
        if not reached(proxy, view, since):
            judge.problem('%s [writes %s]: the submission never reached '
                          'Magnum -- %s' % (view.key, fault, answer.summary()))


def run_fault(service, fault, chosen, proxies, users, world, forms, server,
              baseline, writes_only=False):
    """``chosen`` views under ``fault`` of ``service``; the Judge.

    ``server``: the FaultHorizon (its log is searched for HTTP 500s).
    """
    proxy = proxies[service]
    judge = matrix.Judge(fault, service, 'writes' if writes_only else 'all',
                         baseline)
    offset = server.log_size()
    try:
        if writes_only:
            _writes(proxy, fault, chosen, judge, users, world, forms)
        else:
            proxy.set(fault)
            parallel = 6 if fault == 'hang' else PARALLEL
            for view, answer in many(users, world, forms, chosen, fault,
                                     parallel):
                judge(view, answer,
                      quiet=service == views.HEAT and view.quiet_on_heat)
    finally:
        proxy.set('pass')
    took, problem = recovered(users, world, fault, service)
    if problem:
        judge.problem(problem)
    for path, error, trace in errors_500(server, offset):
        judge.problem('HTTP 500 logged by Horizon for %s: %s\n%s' % (
            path, error, trace[-3000:]))
    title = '%s%s %s (slowest answer %.1f s; %s back in %s s)' % (
        'magnum' if service == views.MAGNUM else 'heat',
        ' writes' if writes_only else '', fault, judge.slowest,
        'list' if service == views.MAGNUM else 'progress tab',
        '%.1f' % took if took is not None else '-')
    matrix.write(title, judge.lines)
    return judge
