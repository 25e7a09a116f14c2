"""What bench/scale.py measures with: timings, API calls, worker memory.

API calls are counted from the sandbox's own request logs: every Magnum and
Heat API request is one ``sandbox.wsgi`` line carrying the user id of the
token, so the calls a page made on behalf of its user are the new lines
with that user's id (the conductor's status sync runs as Magnum's service
user and is not counted).
"""

import os
import statistics
import time

SETTLE = 0.3            # request log lines land just after the answer
TIMEOUT = 120


def median_seconds(func, repeat):
    """(median seconds, last result) of ``repeat`` calls of func()."""
    times, result = [], None
    for _ in range(repeat):
        started = time.monotonic()
        result = func()
        times.append(time.monotonic() - started)
    return statistics.median(times), result


class CallCounter(object):
    """Magnum and Heat API requests of one user, from the sandbox logs."""

    SERVICES = ('magnum', 'heat')

    def __init__(self, log_dir, user_id):
        self.paths = {s: os.path.join(log_dir, '%s.log' % s)
                      for s in self.SERVICES}
        self.user_id = user_id
        self.offsets = {}

    def mark(self):
        self.offsets = {s: os.path.getsize(p) for s, p in self.paths.items()}

    def calls(self):
        """{service: requests since mark()} for the user."""
        time.sleep(SETTLE)
        found = {}
        needle = ' %s ' % self.user_id
        for service, path in self.paths.items():
            with open(path, 'rb') as log:
                log.seek(self.offsets[service])
                text = log.read().decode('utf-8', 'replace')
            found[service] = sum(1 for line in text.splitlines()
                                 if 'sandbox.wsgi' in line and needle in line)
        return found

    def count(self, func):
        """(result of func(), {service: calls}) for one call of func."""
        self.mark()
        result = func()
        return result, self.calls()


def get_ok(session, url, **kwargs):
    """GET that must answer 200 without Horizon's error message."""
    answer = session.get(url, timeout=TIMEOUT, **kwargs)
    if answer.status_code != 200:
        raise RuntimeError('%s answered %d' % (url, answer.status_code))
    if 'alert alert-danger alert-dismissable' in answer.text:
        raise RuntimeError('%s shows an error message' % url)
    return answer


def worker_rss_mib(master_pid):
    """RSS (MiB) of each gunicorn worker, the children of master_pid."""
    sizes = []
    for name in os.listdir('/proc'):
        if not name.isdigit():
            continue
        try:
            with open('/proc/%s/stat' % name) as f:
                ppid = int(f.read().rsplit(')', 1)[1].split()[1])
            if ppid != master_pid:
                continue
            with open('/proc/%s/status' % name) as f:
                for line in f:
                    if line.startswith('VmRSS:'):
                        sizes.append(int(line.split()[1]) / 1024.0)
        except (OSError, ValueError, IndexError):
            continue
    return sorted(sizes)


def warm_pages(session, base_url, paths, rounds):
    """Load every path ``rounds`` times (both workers get their share)."""
    for _ in range(rounds):
        for path in paths:
            get_ok(session, base_url + path)
