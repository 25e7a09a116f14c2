"""Load test: N clusters at once through the real Magnum -> Heat path.

    .venv/bin/python -m sandbox.load.forty_clusters [--count 40]

As the demo user: creates a cluster template, N clusters concurrently
(threads), waits until every cluster is CREATE_COMPLETE, deletes them all
concurrently, waits until Magnum has none of them left and Heat has no
stack of theirs, then deletes the template.  Prints counts, timings and
every failure with its reason (an API error while polling is a failure
too); exits 1 on any failure or when --timeout is exceeded.  The sandbox is
the one of $MAGNUM_UI_SANDBOX_DIR (default .sandbox/), which must be up.
"""
import argparse
import concurrent.futures as cf
import statistics
import sys
import time
import uuid

from heatclient import client as heat_client
from keystoneauth1.identity import v3
from keystoneauth1 import session as ks_session
from magnumclient import client as magnum_client
from magnumclient import exceptions as mc_exc

from sandbox import api

STACK_TAG = 'magnum-ui-sandbox'  # the driver tags every cluster stack


def session(ep, who):
    login = ep['logins'][who]
    auth = v3.Password(auth_url=ep['auth_url'], username=login['username'],
                       password=login['password'],
                       project_name=login['project'],
                       user_domain_name=ep['user_domain_name'],
                       project_domain_name=ep['project_domain_name'])
    return ks_session.Session(auth=auth)


def spread(values):
    values = sorted(values)
    if not values:
        return 'n/a'
    return 'min %.1f / median %.1f / max %.1f s' % (
        values[0], statistics.median(values), values[-1])


class Run(object):
    def __init__(self, args):
        self.args = args
        self.ep = api.endpoints()
        sess = session(self.ep, 'demo')
        sess.get_token()  # one login, shared by every thread
        self.mc = magnum_client.Client('1', session=sess,
                                       region_name=self.ep['region'],
                                       api_version='latest')
        self.heat = heat_client.Client('1', session=sess,
                                       service_type='orchestration')
        self.deadline = time.monotonic() + args.timeout
        self.tag = uuid.uuid4().hex[:6]
        self.failures = []
        self.slowest_call = 0.0

    def call(self, func, *a, **kw):
        t0 = time.monotonic()
        try:
            return func(*a, **kw)
        finally:
            self.slowest_call = max(self.slowest_call,
                                    time.monotonic() - t0)

    def fail(self, what):
        self.failures.append(what)
        print('FAILURE: %s' % what, flush=True)

    def template(self):
        ep, a = self.ep, self.args
        return self.call(
            self.mc.cluster_templates.create, name='load-%s' % self.tag,
            coe='kubernetes', image_id=ep['images']['coreos'],
            flavor_id=ep['flavors'][1], master_flavor_id=ep['flavors'][1],
            external_network_id=ep['networks']['external'],
            labels={'sandbox_boot_seconds': str(a.boot_seconds),
                    'sandbox_delete_seconds': str(a.delete_seconds)})

    def create_one(self, i):
        t0 = time.monotonic()
        c = self.call(self.mc.clusters.create,
                      name='load-%s-%02d' % (self.tag, i),
                      cluster_template_id=self.ct.uuid, master_count=1,
                      node_count=self.args.workers)
        return c.uuid, t0

    def wait(self, started, done, label):
        """Poll the cluster list until done(status or None) for each."""
        finished, last = {}, {}
        while len(finished) < len(started):
            if time.monotonic() > self.deadline:
                for u in set(started) - set(finished):
                    self.fail('%s: cluster %s timed out (last %s)'
                              % (label, u, last.get(u)))
                return finished
            now = time.monotonic()
            try:
                listed = self.call(self.mc.clusters.list, limit=1000)
            except mc_exc.HttpError as e:  # reported; the poll goes on
                self.fail('%s: cluster list answered %s' % (label, e))
                time.sleep(2)
                continue
            last = {c.uuid: c.status for c in listed if c.uuid in started}
            for u in started:
                status = last.get(u)
                if u not in finished and done(status):
                    finished[u] = (status, now - started[u])
            counts = {}
            for s in last.values():
                counts[s] = counts.get(s, 0) + 1
            print('  %s: %d/%d done %s' % (label, len(finished),
                                           len(started), counts), flush=True)
            time.sleep(2)
        return finished

    def reason(self, u):
        try:
            c = self.mc.clusters.get(u)
            return '%s %s: %s' % (c.name, c.status, c.status_reason)
        except mc_exc.HttpError as e:
            return '%s: %s' % (u, e)

    def parallel(self, func, items):
        with cf.ThreadPoolExecutor(len(items) or 1) as pool:
            futures = [(item, pool.submit(func, item)) for item in items]
        return futures

    def main(self):
        a = self.args
        t_start = time.monotonic()
        self.ct = self.template()
        print('template %s; creating %d clusters (1 master + %d workers, '
              '%ss per node)' % (self.ct.name, a.count, a.workers,
                                 a.boot_seconds), flush=True)
        started = {}
        for _, fut in self.parallel(self.create_one, list(range(a.count))):
            try:
                u, t0 = fut.result()
                started[u] = t0
            except Exception as e:  # an API refusal is a failure too
                self.fail('create request: %s' % e)
        t_created = time.monotonic()
        created = self.wait(started, lambda s: s in (
            'CREATE_COMPLETE', 'CREATE_FAILED'), 'create')
        for u, (status, _) in created.items():
            if status != 'CREATE_COMPLETE':
                self.fail('cluster %s' % self.reason(u))
        t_ready = time.monotonic()
        deleting = {}
        for u, fut in self.parallel(
                lambda u: self.call(self.mc.clusters.delete, u), started):
            try:
                fut.result()
                deleting[u] = time.monotonic()
            except Exception as e:
                self.fail('delete request %s: %s' % (u, e))
        deleted = self.wait(deleting, lambda s: s in (None, 'DELETE_FAILED'),
                            'delete')
        for u, (status, _) in deleted.items():
            if status is not None:
                self.fail('cluster %s' % self.reason(u))
        t_gone = time.monotonic()
        stacks = [s for s in self.call(self.heat.stacks.list, tags=STACK_TAG)
                  if s.stack_name.startswith('load-%s-' % self.tag)]
        for s in stacks:
            self.fail('Heat stack left: %s %s %s'
                      % (s.stack_name, s.stack_status, s.stack_status_reason))
        try:
            self.call(self.mc.cluster_templates.delete, self.ct.uuid)
        except mc_exc.HttpError as e:
            self.fail('template delete: %s' % e)
        ok = [d for s, d in created.values() if s == 'CREATE_COMPLETE']
        gone = [d for s, d in deleted.values() if s is None]
        print('\n== %d clusters, %s s per node ==' % (a.count, a.boot_seconds))
        print('create requests accepted: %d in %.1f s'
              % (len(started), t_created - t_start))
        print('CREATE_COMPLETE: %d/%d; per cluster %s; all after %.1f s'
              % (len(ok), a.count, spread(ok), t_ready - t_start))
        print('deleted: %d/%d; per cluster %s; all gone after %.1f s'
              % (len(gone), a.count, spread(gone), t_gone - t_ready))
        print('Heat stacks left: %d; slowest API call %.1f s; failures: %d'
              % (len(stacks), self.slowest_call, len(self.failures)))
        for f in self.failures:
            print('  - %s' % f)
        return 1 if self.failures else 0


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--count', type=int, default=40)
    p.add_argument('--workers', type=int, default=2,
                   help='worker nodes per cluster (plus 1 master)')
    p.add_argument('--boot-seconds', type=float, default=5)
    p.add_argument('--delete-seconds', type=float, default=2)
    p.add_argument('--timeout', type=float, default=900,
                   help='bound on the whole run, seconds')
    return Run(p.parse_args(argv)).main()


if __name__ == '__main__':
    sys.exit(main())
