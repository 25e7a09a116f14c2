"""Detached service processes: start, identify, wait for, measure, stop.

Each service runs in its own session (so it outlives `sandbox up` and a
terminal hang-up), with stdout/stderr appended to its log.  The pid file
holds "pid starttime" so a recycled pid is never mistaken for ours.
"""
import contextlib
import fcntl
import os
import shutil
import signal
import subprocess
import time
import urllib.error
import urllib.request


@contextlib.contextmanager
def exclusive(path):
    """Hold an exclusive lock on ``path`` (created) for the block: processes
    that share a state folder take turns.
    """
    with open(path, 'w') as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


class StartError(Exception):
    """A service failed to start; carries its name and log tail."""

    def __init__(self, name, reason, log_path=None):
        self.name = name
        self.reason = reason
        self.log_path = log_path
        super().__init__('%s: %s' % (name, reason))

    def report(self, lines=25):
        text = 'sandbox: %s failed to start: %s\n' % (self.name, self.reason)
        if self.log_path:
            text += '--- last lines of %s ---\n%s' % (
                self.log_path, tail(self.log_path, lines))
        return text


def tail(path, lines=25):
    try:
        with open(path, 'rb') as f:
            f.seek(0, os.SEEK_END)
            f.seek(max(0, f.tell() - 64 * 1024))
            data = f.read().decode('utf-8', 'replace')
    except OSError:
        return '(no log)\n'
    return '\n'.join(data.splitlines()[-lines:]) + '\n'


def _stat(pid):
    """(state, pgrp, starttime) of a pid from /proc, or None."""
    try:
        with open('/proc/%d/stat' % pid) as f:
            data = f.read()
    except OSError:
        return None
    fields = data[data.rindex(')') + 2:].split()
    return fields[0], int(fields[2]), fields[19]


def _alive(pid, starttime=None):
    st = _stat(pid)
    if st is None or st[0] in ('Z', 'X'):
        return False
    return starttime is None or st[2] == starttime


def spawn(name, argv, log_path, pid_path, env=None, cwd=None):
    """Start argv detached; record its pid; return the Popen."""
    with open(log_path, 'ab') as log:
        log.write(('\n==== %s starting: %s\n' % (
            time.strftime('%Y-%m-%d %H:%M:%S'), ' '.join(argv))).encode())
        log.flush()
        proc = subprocess.Popen(
            argv, stdin=subprocess.DEVNULL, stdout=log,
            stderr=subprocess.STDOUT, env=env, cwd=cwd,
            start_new_session=True, close_fds=True)
    st = _stat(proc.pid)
    with open(pid_path, 'w') as f:
        f.write('%d %s\n' % (proc.pid, st[2] if st else '?'))
    return proc


def read_pid(pid_path):
    """The pid in pid_path if that process is still ours, else None."""
    try:
        with open(pid_path) as f:
            pid, starttime = f.read().split()
        pid = int(pid)
    except (OSError, ValueError):
        return None
    return pid if _alive(pid, starttime) else None


def group_pids(pgid):
    """Live pids in process group pgid (a service and its workers)."""
    pids = []
    for entry in os.listdir('/proc'):
        if entry.isdigit():
            st = _stat(int(entry))
            if st and st[1] == pgid and st[0] not in ('Z', 'X'):
                pids.append(int(entry))
    return pids


def memory_mib(pgid):
    """(RSS, PSS) in MiB summed over the process group."""
    rss = pss = 0
    for pid in group_pids(pgid):
        try:
            with open('/proc/%d/smaps_rollup' % pid) as f:
                for line in f:
                    if line.startswith('Rss:'):
                        rss += int(line.split()[1])
                    elif line.startswith('Pss:'):
                        pss += int(line.split()[1])
        except OSError:
            pass
    return rss / 1024.0, pss / 1024.0


def stop(pid_path, timeout=15.0):
    """SIGTERM the recorded process group, SIGKILL what is left at timeout.

    Returns True if something was running.
    """
    pid = read_pid(pid_path)
    if pid is None:
        _remove(pid_path)
        return False
    _signal_group(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and group_pids(pid):
        time.sleep(0.1)
    if group_pids(pid):
        _signal_group(pid, signal.SIGKILL)
        while group_pids(pid):
            time.sleep(0.05)
    _remove(pid_path)
    return True


def signal_group(pid_path, sig):
    pid = read_pid(pid_path)
    if pid is not None:
        _signal_group(pid, sig)
    return pid


def _signal_group(pgid, sig):
    try:
        os.killpg(pgid, sig)
    except ProcessLookupError:
        pass


def _remove(path):
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


def port_in_use(host, port):
    """Whether something accepts connections on host:port."""
    import socket
    with socket.socket() as sock:
        sock.settimeout(1.0)
        return sock.connect_ex((host, port)) == 0


def http_status(url, timeout=2.0):
    """HTTP status of GET url, or None if nothing answers."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as resp:
            return resp.status
    except urllib.error.HTTPError as exc:
        return exc.code
    except (OSError, ValueError):
        return None


def wait_http(name, url, proc_or_pid, log_path, timeout=120.0):
    """Poll url until it answers below 500; fail early if the process dies."""
    deadline = time.monotonic() + timeout
    while True:
        code = http_status(url)
        if code is not None and code < 500:
            return
        if not _process_alive(proc_or_pid):
            raise StartError(name, 'process exited (HTTP %s at %s)'
                             % (code, url), log_path)
        if time.monotonic() > deadline:
            raise StartError(name, 'no answer at %s after %ds (last HTTP %s)'
                             % (url, timeout, code), log_path)
        time.sleep(0.2)


def _process_alive(proc_or_pid):
    if isinstance(proc_or_pid, subprocess.Popen):
        return proc_or_pid.poll() is None
    return _alive(proc_or_pid)


def run(name, argv, log_path, env=None, timeout=300, nice=0):
    """Run a setup command to completion, output to log; raise on failure.

    nice > 0 lowers its CPU priority (to let a more urgent setup go first).
    """
    with open(log_path, 'ab') as log:
        log.write(('\n==== %s: %s\n' % (
            time.strftime('%Y-%m-%d %H:%M:%S'), ' '.join(argv))).encode())
        log.flush()
        try:
            rc = subprocess.call(_niced(argv, nice), stdin=subprocess.DEVNULL,
                                 stdout=log, stderr=subprocess.STDOUT,
                                 env=env, timeout=timeout)
        except subprocess.TimeoutExpired:
            raise StartError(name, '%s timed out' % argv[0], log_path)
    if rc != 0:
        raise StartError(name, '`%s` exited with %d' % (' '.join(argv), rc),
                         log_path)


def _niced(argv, nice):
    tool = shutil.which('nice') if nice else None
    return [tool, '-n', str(nice)] + list(argv) if tool else list(argv)
