"""Outage: the dashboard while Magnum or Heat hangs (process stopped).

The sandbox's Magnum (then Heat) process is stopped with SIGSTOP: it keeps
accepting connections and never answers, which is what a hung API looks
like. Six logged-in users then load a page that needs it, while another
user loads pages that do not (/settings/, /project/api_access/). Prints how
long each took, whether the page carried a message, and whether the
dashboard works again once the process is continued (no restart).

Targets (issue "Horizon stays up"): pages needing the hung service answer
within MAGNUM_UI_API_TIMEOUT + 5 s with a message; other pages stay under
3 s; everything works again afterwards. Exits non-zero when one is missed.

    python bench/outage.py
"""

import concurrent.futures
import os
import signal
import sys
import time

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, REPO_ROOT)

from bench import busy_cloud  # noqa: E402
from demo import client as demo_client  # noqa: E402
from sandbox import process  # noqa: E402
from sandbox import state  # noqa: E402

API_TIMEOUT = 10          # the plugin's default MAGNUM_UI_API_TIMEOUT
WAITING = 6               # requests held by the hung service at once
BREAKER_WINDOW = 32   # MAGNUM_UI_BACKEND_FAILURE_TTL (30 s) + margin
OTHER_PAGES = ('/settings/', '/project/api_access/')


def stopped_service(name):
    """SIGSTOP the sandbox service's process group; returns a resume()."""
    pid = process.read_pid(state.Layout().pid_file(name))
    group = os.getpgid(pid)
    os.killpg(group, signal.SIGSTOP)
    return lambda: os.killpg(group, signal.SIGCONT)


def timed_get(session, url, **kwargs):
    started = time.monotonic()
    try:
        response = session.get(url, timeout=120, **kwargs)
        status, text = response.status_code, response.text
    except Exception as exc:  # a client-side failure is a result here
        status, text = type(exc).__name__, ''
    return time.monotonic() - started, status, text


# Horizon's error message (every page also has a <noscript> alert-danger).
ERROR_MESSAGE = 'class="alert alert-danger alert-dismissable'


def error_message(status, text):
    """A page that says what failed."""
    return status == 200 and ERROR_MESSAGE in text


def progress_error(status, text):
    """The Progress tab in its error state."""
    return status == 200 and 'data-state="error"' in text


def rows_without_heat(status, text):
    """Row refresh answers from Magnum alone: rows, no Heat counts; or, when
    the sandbox's Magnum stalls too (its API shares one process with the
    conductor, whose status sync waits on the stopped Heat), the 503 with
    Magnum's message the page backs off on.
    """
    return ((status == 200 and '"rows": {"' in text) or
            (status == 503 and '"error": "Magnum at' in text))


def recovered(session, base, timeout=60):
    """Seconds until the clusters index works again (no message)."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        seconds, status, text = timed_get(session, base + '/project/clusters/')
        if status == 200 and ERROR_MESSAGE not in text:
            return time.monotonic() - started
        time.sleep(1)
    return None


def outage(name, pages, users, bystander, base):
    """(hung page results with their checks, other pages, recovery s)."""
    resume = stopped_service(name)
    try:
        targets = [pages[i % len(pages)] for i in range(WAITING)]
        with concurrent.futures.ThreadPoolExecutor(WAITING) as pool:
            waiting = [pool.submit(timed_get, user, base + path, **kwargs)
                       for user, (path, kwargs, _check) in zip(users,
                                                               targets)]
            time.sleep(0.5)   # the six are in flight now
            others = [timed_get(bystander, base + path)
                      for path in OTHER_PAGES for _ in range(3)]
            hung = [(future.result(), check) for future, (_p, _k, check)
                    in zip(waiting, targets)]
            for ((_s, status, text), check), (path, _k, _c) in zip(
                    hung, targets):
                if not check(status, text):
                    print('  %s did not say what failed: %d %s' % (
                        path, status, ' '.join(text.split())[:300]))
    finally:
        resume()
    return hung, others, recovered(bystander, base)


def print_result(name, hung, others, recovery):
    worst = max(seconds for (seconds, _, _), _check in hung)
    answered = sum(1 for (_, status, text), check in hung
                   if check(status, text))
    statuses = sorted({str(status) for (_, status, _), _c in hung})
    other_worst = max(seconds for seconds, _, _ in others)
    print('%-7s hung: %d pages, slowest %.1f s, statuses %s, %d/%d said '
          'what failed; other pages meanwhile: slowest %.2f s; works again '
          '%s after the process resumed'
          % (name, len(hung), worst, ','.join(statuses), answered,
             len(hung), other_worst,
             'NEVER' if recovery is None else '%.0f s' % recovery))
    return (worst <= API_TIMEOUT + 5 and answered == len(hung) and
            other_worst < 3 and recovery is not None)


def main():
    ok = True
    with busy_cloud.busy_cloud(3, 'outage') as cloud:
        login = cloud.endpoints['logins']['demo']
        busy = cloud.busy
        base = cloud.dashboard.url
        users = [demo_client.login(base, login['username'],
                                   login['password'])
                 for _ in range(WAITING)]
        bystander = demo_client.login(base, login['username'],
                                      login['password'])
        for user in users:   # warm caches: the outage comes later
            user.get(base + '/project/clusters/', timeout=120)
        ajax = {'headers': {'X-Requested-With': 'XMLHttpRequest'}}
        detail = '/project/clusters/%s/' % busy[0]
        cases = (
            ('magnum', [('/project/clusters/', {}, error_message),
                        ('/project/cluster_templates/', {}, error_message)]),
            ('heat', [(detail, dict(ajax, params={
                'tab': 'cluster_details__progress'}), progress_error),
                ('/project/clusters/rows/', dict(
                    ajax, params={'ids': ','.join(busy)}),
                 rows_without_heat)]),
        )
        for number, (name, pages) in enumerate(cases):
            if number:
                # Recovery is seen through one worker; the other may still
                # hold the previous service as down until its window ends.
                time.sleep(BREAKER_WINDOW)
            result = outage(name, pages, users, bystander, base)
            ok = print_result(name, *result) and ok
    print('targets met' if ok else 'TARGETS MISSED')
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())
