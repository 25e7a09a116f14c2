"""Fixtures of the fault suite, shared by its test modules (package scope:
one set-up for the whole suite).

``proxies`` routes the dashboard's Magnum and Heat through sandbox
.faultproxy; ``created`` asks Magnum for the templates and clusters,
``horizon`` starts the Horizon under test and ``users`` logs in while they
build, ``world`` waits for them; ``forms`` the POST bodies; ``baseline``
every view in pass mode.
"""

import concurrent.futures
import os
import urllib.parse
import uuid

from magnumclient import client as magnum_client
from magnumclient import exceptions as mc_exc
import pytest

from sandbox import faultproxy
from tests.integration.faults import client
from tests.integration.faults import forms as forms_module
from tests.integration.faults import horizon as fault_horizon
from tests.integration.faults import matrix
from tests.integration.faults import views
from tests.integration.faults import world as cluster_world

MAGNUM, HEAT = views.MAGNUM, views.HEAT
SESSIONS = 6        # logged-in sessions per user


def _root(url):
    parts = urllib.parse.urlsplit(url)
    return '%s://%s' % (parts.scheme, parts.netloc)


@pytest.fixture(scope='package')
def proxies(sandbox):
    """Proxies in front of Magnum and Heat, the catalogue routed through
    them for the suite; restored at the end, also on failure.
    """
    admin, auth_url = sandbox['sessions']['admin'], sandbox['auth_url']
    services = sandbox['services']
    faultproxy.restore(admin, auth_url, services)  # a killed run's leftovers
    started = {
        MAGNUM: faultproxy.FaultProxy(_root(services[MAGNUM]), 'magnum',
                                      name='magnum').start(),
        HEAT: faultproxy.FaultProxy(_root(services[HEAT]), 'heat',
                                    name='heat').start(),
    }
    try:
        faultproxy.route(admin, auth_url, started, services)
        yield started
    finally:
        try:
            faultproxy.restore(admin, auth_url, services)
        finally:
            for proxy in started.values():
                proxy.stop()


@pytest.fixture(scope='package')
def magnum(sandbox):
    """Magnum for the test itself, straight to the service (public URL)."""
    return magnum_client.Client('1', session=sandbox['sessions']['demo'],
                                region_name=sandbox['region'],
                                api_version='latest')


@pytest.fixture(scope='package')
def created(sandbox, magnum):
    """Two templates; cluster ``ready`` and ``busy`` (a master only, built
    for world.BUSY_SECONDS, so that its row asks Heat for a done/total count
    while the Heat faults run: they come first), asked for but not waited
    for: they build while Horizon starts (``world`` waits).  Everything is
    deleted at the end.
    """
    tag = 'fault-' + uuid.uuid4().hex[:6]
    labels = {'sandbox_boot_seconds': '1', 'sandbox_delete_seconds': '1'}
    templates, clusters = [], []

    def template(name, kube_tag):
        made = magnum.cluster_templates.create(
            name=name, coe='kubernetes', image_id=sandbox['images']['coreos'],
            flavor_id='m1.small', master_flavor_id='m1.small',
            external_network_id=sandbox['networks']['external'],
            labels=dict(labels, kube_tag=kube_tag))
        templates.append(made.uuid)
        return made.uuid

    try:
        old = template(tag + '-old', 'v1.30.4')
        new = template(tag + '-new', 'v1.31.1')
        public = magnum.cluster_templates.get(sandbox['cluster_template'])
        busy = magnum.clusters.create(
            name=tag + '-busy', cluster_template_id=public.uuid,
            master_count=1, node_count=0, merge_labels=True,
            labels={'sandbox_boot_seconds': str(cluster_world.BUSY_SECONDS),
                    'sandbox_delete_seconds': '1'}).uuid
        clusters.append(busy)
        ready = magnum.clusters.create(name=tag, cluster_template_id=old,
                                       master_count=1, node_count=1).uuid
        clusters.append(ready)
        yield {'tag': tag, 'template': old, 'new_template': new,
               'ready': ready, 'busy': busy}
    finally:
        for ident in clusters:
            cluster_world.delete(
                magnum, ident, cluster_world.BUSY_SECONDS + cluster_world.WAIT)
        for ident in templates:
            try:
                magnum.cluster_templates.delete(ident)
            except mc_exc.ClientException:
                pass  # still in use: the sandbox's next reset cleans up


@pytest.fixture(scope='package')
def horizon(sandbox, proxies, created):
    """The Horizon under test, started while the clusters build."""
    dashboard = fault_horizon.FaultHorizon(
        sandbox['auth_url'], os.path.join(fault_horizon.REPO_ROOT, '.demo'),
        port=fault_horizon.free_port()).start()
    yield dashboard
    dashboard.stop()


@pytest.fixture(scope='package')
def users(sandbox, horizon):
    """demo and admin, SESSIONS logins each, made after the routing: their
    catalogues hold the proxy URLs.
    """
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        made = {name: list(pool.map(
            lambda _: client.login(horizon.url, sandbox, name),
            range(SESSIONS)))
                for name in ('demo', 'admin')}
    return {name: client.Pool(sessions) for name, sessions in made.items()}


@pytest.fixture(scope='package')
def world(created, magnum, users):
    """``created`` once ``ready`` is complete and ``busy`` is building."""
    cluster_world.wait_cluster(
        magnum, created['ready'], lambda c: c.status == 'CREATE_COMPLETE')
    cluster_world.wait_cluster(
        magnum, created['busy'], lambda c: c.status == 'CREATE_IN_PROGRESS')
    return created


@pytest.fixture(scope='package')
def forms(users, world):
    """The POST body of each form view, scraped from its page (pass mode)."""
    bodies = {}
    for view in views.POSTS:
        field, changes = view.form
        page = users[view.user].get(view.url(world))
        assert page.status == 200, page.summary()
        changes = {k: v.format(**world) if isinstance(v, str) else v
                   for k, v in changes.items()}
        if field is None:
            fields = dict(changes)
        else:
            fields = forms_module.form_with(page.response.text, field,
                                            changes)
        fields.pop('csrfmiddlewaretoken', None)
        bodies[view.key] = fields
    return bodies


@pytest.fixture(scope='package')
def baseline(proxies, users, world):
    """Pass mode, one view at a time: each answer, and which services each
    view calls (a view that never calls Magnum owes no message when
    Magnum fails).
    """
    if os.path.exists(matrix.MATRIX):
        os.remove(matrix.MATRIX)
    for proxy in proxies.values():
        proxy.set('pass')
    answers, calls = {}, {}
    for view in views.GETS:
        before = {s: p.counts.get('pass', 0) for s, p in proxies.items()}
        answers[view.key] = views.request(users, world, {}, view, 'pass')
        calls[view.key] = {s: p.counts.get('pass', 0) - before[s]
                           for s, p in proxies.items()}
    agents = {}     # who went through the proxies: user agent -> a path
    for service, proxy in proxies.items():
        for _when, method, path, agent, _action in proxy.log:
            agents.setdefault(service, {}).setdefault(
                agent, '%s %s' % (method, path))
    matrix.write('pass (calls through the Magnum / Heat proxies)', [
        '%s  [magnum %d, heat %d]' % (answers[v.key].summary(),
                                      calls[v.key][MAGNUM],
                                      calls[v.key][HEAT])
        for v in views.GETS] + [
        'through the Magnum proxy: %s' % agents.get(MAGNUM),
        'through the Heat proxy: %s' % agents.get(HEAT)])
    return {'answers': answers, 'calls': calls}
