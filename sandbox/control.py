"""up / down / status / reset of one sandbox."""
import concurrent.futures
import contextlib
import os
import shutil
import threading
import time

from sandbox import mariadb
from sandbox import process
from sandbox import seed
from sandbox import services
from sandbox import state

# Seed phases: (stamp name, function, services it needs besides Keystone).
SEED_PHASES = (
    ('seed-images', seed.images, ('glance',)),
    ('seed-compute', seed.compute, ('nova',)),
    ('seed-network', seed.network, ('neutron',)),
)


def say(msg):
    print('sandbox: ' + msg, flush=True)


@contextlib.contextmanager
def locked(layout):
    """One up/down/reset at a time per state dir (tests + demo may race)."""
    layout.make_dirs()
    with process.exclusive(layout.path('lock')):
        yield


def running(layout):
    """name -> pid for every process of this sandbox that is alive."""
    names = (mariadb.NAME,) + services.NAMES
    return {n: process.read_pid(layout.pid_file(n)) for n in names}


class Up(object):
    """Bring every service up, in parallel where the dependencies allow."""

    def __init__(self, layout):
        self.layout = layout
        self.t0 = time.monotonic()
        self.ready = {name: threading.Event() for name in services.NAMES}
        self.identity_seeded = threading.Event()
        self.failed = threading.Event()
        self.started = []

    def elapsed(self):
        return time.monotonic() - self.t0

    def run(self):
        layout = self.layout
        svcs = services.all_services(layout)
        for svc in svcs:  # fail before any work if a port is taken
            if not svc.pid() and process.port_in_use(state.HOST, svc.port):
                svc.start()  # raises StartError naming the port
        layout.make_dirs()
        layout.record_offset()
        if not process.read_pid(layout.pid_file(mariadb.NAME)):
            self.started.append(mariadb.NAME)
        proc = mariadb.start(layout)
        mariadb.wait_ready(layout, proc)
        mariadb.create_databases(layout)
        with concurrent.futures.ThreadPoolExecutor(len(svcs) + 1) as pool:
            futures = [pool.submit(self.bring_up, s) for s in svcs]
            futures.append(pool.submit(self.seed))
            errors = []
            for future in futures:
                try:
                    future.result()
                except Exception as exc:
                    self.failed.set()
                    errors.append(exc)
        if errors:  # the first service that failed, not those it aborted
            raise next((e for e in errors
                        if isinstance(e, process.StartError)), errors[0])
        state.write_json(layout.endpoints_file, layout.endpoints())
        return layout.endpoints()

    def bring_up(self, svc):
        try:
            svc.render()
            if svc.setup_once():
                say('%s initialised (%.1fs)' % (svc.name, self.elapsed()))
            already = svc.pid()
            proc = svc.start()
            if not already:
                self.started.append(svc.name)
            svc.wait(proc)
            if not already:
                say('%-8s up on %s (%.1fs)' % (svc.name, svc.url,
                                               self.elapsed()))
            self.ready[svc.name].set()
        except Exception:
            self.failed.set()
            raise

    def wait_for(self, *names):
        for name in names:
            while not self.ready[name].wait(0.2):
                if self.failed.is_set():
                    raise RuntimeError('aborted: another service failed')

    def phase(self, stamp, func, needs, after_identity=True):
        if os.path.exists(self.layout.stamp(stamp)):
            return True
        self.wait_for('keystone', *needs)
        if after_identity:
            self.identity_seeded.wait()
        try:
            done = func(self.layout)
        except Exception as exc:
            raise process.StartError('seed', '%s: %s' % (stamp, exc),
                                     None) from exc
        if done is not False:
            open(self.layout.stamp(stamp), 'w').close()
            say('%s done (%.1fs)' % (stamp, self.elapsed()))
        return done is not False

    def seed(self):
        try:
            self.phase('seed-identity', seed.identity, (), False)
            self.identity_seeded.set()
            with concurrent.futures.ThreadPoolExecutor(3) as pool:
                list(pool.map(lambda p: self.phase(*p), SEED_PHASES))
            if not self.phase('seed-cluster-template', seed.cluster_template,
                              ('glance', 'nova', 'neutron', 'magnum')):
                say('ClusterTemplate k8s-public not created: Magnum has no '
                    'driver for fedora-coreos/kubernetes (pip install -e '
                    'sandbox/driver); the next `up` retries')
            self.wait_for('neutron')    # every `up`: a seeded one too
            seed.network_answers(self.layout)
        except Exception:
            self.failed.set()
            raise


def up(layout=None):
    """Start what is not running; on failure stop what this call started."""
    layout = layout or state.Layout()
    with locked(layout):
        run = Up(layout)
        try:
            return run.run()
        except BaseException:
            for name in reversed(run.started):
                process.stop(layout.pid_file(name))
            raise


def down(layout=None, quiet=False):
    layout = layout or state.Layout()
    with locked(layout):
        names = list(services.NAMES)
        with concurrent.futures.ThreadPoolExecutor(len(names)) as pool:
            stopped = list(pool.map(
                lambda n: process.stop(layout.pid_file(n)), names))
        # The database goes last: services may write while stopping.
        stopped.append(process.stop(layout.pid_file(mariadb.NAME),
                                    timeout=60))
    if not quiet:
        say('stopped %d processes' % sum(stopped) if any(stopped)
            else 'nothing was running')


def status(layout=None):
    """[(name, pid, up, rss MiB, pss MiB, url)]; `up` means it answers."""
    layout = layout or state.Layout()
    rows = []
    by_name = {svc.name: svc for svc in services.all_services(layout)}
    for name, pid in running(layout).items():
        rss, pss = process.memory_mib(pid) if pid else (0.0, 0.0)
        if name == mariadb.NAME:
            url, answers = 'unix:' + layout.mysql_socket, bool(pid)
        else:
            svc = by_name[name]
            url = svc.url
            code = process.http_status(url + svc.health_path) if pid else None
            answers = code is not None and code < 500
        rows.append((name, pid, answers, rss, pss, url))
    return rows


def reset(layout=None):
    layout = layout or state.Layout()
    down(layout)
    with locked(layout):
        for entry in os.listdir(layout.root):
            if entry == 'lock':
                continue
            path = layout.path(entry)
            if os.path.isdir(path) and not os.path.islink(path):
                shutil.rmtree(path)
            else:
                os.unlink(path)
    say('wiped %s' % layout.root)
