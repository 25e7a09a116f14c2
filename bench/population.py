"""Many clusters of `demo`, created for real through Magnum's API.

    .venv/bin/python bench/population.py --count 1000

Each size N has its own project and user, ``scale-N`` (password the
same), so every size stays in the sandbox's state for the next run. Tops
that project up to N idle clusters named ``scale-*`` (the sandbox driver's
bulk mode: each cluster's stack is one Heat resource, so 1,000 fit on a
laptop), created in parallel, and waits until Magnum reports every one
CREATE_COMPLETE. The sandbox is the one MAGNUM_UI_SANDBOX_DIR /
MAGNUM_UI_SANDBOX_PORT_OFFSET select (bench/scale.py uses its own).
"""

import argparse
import concurrent.futures
import os
import sys
import time
import uuid

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if REPO not in sys.path:
    sys.path.insert(0, REPO)

from keystoneauth1.identity import v3  # noqa: E402
from keystoneauth1 import session as ks_session  # noqa: E402
from magnumclient import client as magnum_client  # noqa: E402
from magnumclient import exceptions as mc_exc  # noqa: E402

from sandbox import api as sandbox_api  # noqa: E402
from tests import conftest as test_fixtures  # noqa: E402

PREFIX = 'scale-'
EVERY = 2 ** 31 - 1     # a limit makes magnumclient follow Magnum's pages
BUSY_PREFIX = 'busy-'
IDLE_LABELS = {'sandbox_bulk': 'true', 'sandbox_boot_seconds': '0'}
BUSY_LABELS = {'sandbox_bulk': 'true', 'sandbox_boot_seconds': '3600'}
WORKERS = 8
POLL = 5


ROLES = ('member', 'heat_stack_owner')


def login_name(count):
    return 'scale-%d' % count


def ensure_login(endpoints, count):
    """Project and user ``scale-COUNT`` (password the same); the name."""
    name = login_name(count)
    admin = test_fixtures.login(endpoints, 'admin')
    url = endpoints['auth_url'].rstrip('/')

    def one(collection, key, body):
        found = admin.get('%s/%s?name=%s' % (url, collection, name)).json()
        if found[collection]:
            return found[collection][0]['id']
        return admin.post('%s/%s' % (url, collection),
                          json={key: body}).json()[key]['id']

    project = one('projects', 'project',
                  {'name': name, 'domain_id': 'default'})
    user = one('users', 'user', {'name': name, 'password': name,
                                 'domain_id': 'default',
                                 'default_project_id': project})
    for role in ROLES:
        role_id = admin.get('%s/roles?name=%s' % (url, role)).json()[
            'roles'][0]['id']
        admin.put('%s/projects/%s/users/%s/roles/%s'
                  % (url, project, user, role_id))
    return name


def session(endpoints, name):
    """A keystoneauth session of login ``scale-N`` (password the same)."""
    auth = v3.Password(auth_url=endpoints['auth_url'], username=name,
                       password=name, project_name=name,
                       user_domain_name=endpoints['user_domain_name'],
                       project_domain_name=endpoints['project_domain_name'])
    return ks_session.Session(auth=auth)


def magnum(endpoints, name):
    return magnum_client.Client('1', session=session(endpoints, name),
                                region_name=endpoints['region'])


def list_all(client):
    """Every cluster: without a limit magnumclient reads one page only."""
    return client.clusters.list(limit=EVERY)


def create(client, template, labels, prefix=PREFIX, timeout=None,
           attempts=3):
    kwargs = {'create_timeout': timeout} if timeout else {}
    for attempt in range(attempts):
        try:
            return client.clusters.create(
                name='%s%s' % (prefix, uuid.uuid4().hex[:8]),
                cluster_template_id=template, master_count=1, node_count=1,
                labels=labels, merge_labels=True, **kwargs).uuid
        except mc_exc.BadRequest:
            # A just-started Neutron server sometimes lists no external
            # network under concurrent requests ("Unable to find external
            # network public"); the same request succeeds a moment later.
            if attempt == attempts - 1:
                raise
            time.sleep(2)


def create_many(client, template, count, labels, prefix=PREFIX,
                timeout=None):
    """Create COUNT clusters, WORKERS at a time; their ids."""
    with concurrent.futures.ThreadPoolExecutor(WORKERS) as pool:
        futures = [pool.submit(create, client, template, labels, prefix,
                               timeout) for _ in range(count)]
        return [f.result() for f in futures]


def wait_for(client, ids, done, deadline, log=print):
    """Poll Magnum's list until ``done(status)`` holds for every id."""
    ids = set(ids)
    while True:
        status = {c.uuid: c.status for c in list_all(client)
                  if c.uuid in ids}
        waiting = [i for i in ids if not done(status.get(i))]
        if not waiting:
            return status
        if time.monotonic() > deadline:
            raise RuntimeError('%d clusters still not there after the '
                               'deadline, e.g. %s: %s' % (
                                   len(waiting), waiting[0],
                                   status.get(waiting[0])))
        log('  %d of %d clusters waiting' % (len(waiting), len(ids)))
        time.sleep(POLL)


def delete_all(client, ids, rounds=3, timeout=300):
    """Delete the clusters; again for any a status sync left FAILED."""
    ids = list(ids)
    for _ in range(rounds):
        for ident in ids:
            client.clusters.delete(ident)
        status = wait_for(client, ids, lambda s: s is None or
                          s.endswith('FAILED'), time.monotonic() + timeout)
        ids = [i for i, s in status.items() if s]
        if not ids:
            return
    raise RuntimeError('clusters not deleted: %s' % ', '.join(ids))


def ensure(endpoints, count, log=print, timeout=3600):
    """Top project scale-COUNT up to COUNT idle clusters; (created, s)."""
    client = magnum(endpoints, ensure_login(endpoints, count))
    listed = list_all(client)
    leftovers = [c.uuid for c in listed if c.name.startswith(BUSY_PREFIX)]
    if leftovers:  # of a run that was interrupted
        delete_all(client, leftovers)
    have = [c for c in listed if c.name.startswith(PREFIX)]
    failed = [c.uuid for c in have if c.status != 'CREATE_COMPLETE'
              and not c.status.endswith('IN_PROGRESS')]
    for ident in failed:  # a stack that failed (e.g. a restart) is redone
        client.clusters.delete(ident)
    missing = count - (len(have) - len(failed))
    if missing <= 0:
        return 0, 0.0
    log('creating %d clusters (%d at a time)' % (missing, WORKERS))
    started = time.monotonic()
    ids = create_many(client, endpoints['cluster_template'], missing,
                      IDLE_LABELS)
    ids += [c.uuid for c in have if c.status.endswith('IN_PROGRESS')]
    status = wait_for(client, ids,
                      lambda s: s and not s.endswith('IN_PROGRESS'),
                      started + timeout, log)
    bad = [i for i, s in status.items() if s != 'CREATE_COMPLETE']
    if bad:
        raise RuntimeError('%d clusters did not complete, e.g. %s: %s'
                           % (len(bad), bad[0], status[bad[0]]))
    return missing, time.monotonic() - started


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--count', type=int, default=40)
    args = parser.parse_args()
    endpoints = sandbox_api.ensure_up()
    created, seconds = ensure(endpoints, args.count)
    print('%d clusters created in %.0f s (%.2f s per cluster); project '
          '%s has %d' % (created, seconds, seconds / created if created
                         else 0, login_name(args.count), args.count))
    return 0


if __name__ == '__main__':
    sys.exit(main())
