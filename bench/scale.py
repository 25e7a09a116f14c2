"""Fast at 1,000 clusters: ours beside upstream magnum-ui and the raw API.

    .venv/bin/python bench/scale.py [--sizes 40,200,1000] [--repeat 5]

One run against a sandbox of its own (``.bench/scale-sandbox``, port
offset 600, kept between runs): for each size N, project ``scale-N`` is
topped up to N idle clusters (bench/population.py, created through
Magnum's API in parallel), then measured, median of ``--repeat`` runs:

- raw: python-magnumclient ``clusters.list(detail=True)``, every cluster,
  and one page of them (what the index asks); a Horizon page that calls
  neither Magnum nor Heat (API Access), the floor of any page;
- ours: Clusters index (cold and warm caches), detail page, Progress tab,
  row refresh with k = 1, 10, 50 busy clusters (created for the run and
  deleted after), navigation -> first page of rows drawn in headless
  Chromium; Magnum and Heat API calls of each, from the sandbox's logs;
- upstream magnum-ui 19.0.0 (bench/upstream.py's venv): its REST list and
  navigation -> its rows drawn;
- RSS per Horizon worker with and without the plugin, after the same pages.

Saves each size's figures as it goes (``bench/results/scale-size-N.json``;
``--sizes 1000`` measures one size again), then prints the table of the
latest figures of every size and writes it (markdown) with a PNG chart to
``bench/results/``. Stops what it started.
"""

import argparse
import json
import os
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if REPO not in sys.path:
    sys.path.insert(0, REPO)

from sandbox import state  # noqa: E402

STATE_DIR = os.path.join(REPO, '.bench', 'scale-sandbox')
PORT_OFFSET = '600'
os.environ.setdefault(state.DIR_ENV, STATE_DIR)
os.environ.setdefault(state.OFFSET_ENV, PORT_OFFSET)


from bench import browser_timing  # noqa: E402
from bench import population  # noqa: E402
from bench import scale_measure as measure  # noqa: E402
from bench import scale_report  # noqa: E402
from bench import upstream  # noqa: E402
from demo import client as demo_client  # noqa: E402
from demo import server as demo_server  # noqa: E402
from sandbox import api as sandbox_api  # noqa: E402

SIZES = (40, 200, 1000)
BUSY = (1, 10, 50)
PAGE_SIZE = 20          # Horizon's API_RESULT_PAGE_SIZE default
RESULTS = os.path.join(REPO, 'bench', 'results')
START_TIMEOUT = 180     # a busy 2-core machine starts Horizon slowly
GENERIC_PAGES = ('/project/', '/project/api_access/', '/settings/')


class Size(object):
    """The figures of one project of N clusters."""

    def __init__(self, endpoints, count, repeat, ours, theirs):
        self.endpoints, self.n, self.repeat = endpoints, count, repeat
        self.ours, self.theirs = ours, theirs
        self.name = population.login_name(count)
        self.magnum = population.magnum(endpoints, self.name)
        self.counter = measure.CallCounter(
            os.path.join(STATE_DIR, 'log'),
            population.session(endpoints, self.name).get_user_id())
        self.fig = {'n': count}

    def run(self):
        created, seconds = population.ensure(self.endpoints, self.n)
        self.fig['created'], self.fig['create_seconds'] = created, seconds
        self.raw()
        web = demo_client.login(self.ours.url, self.name, self.name)
        self.index(web)
        self.detail(web)
        self.navigation()
        self.upstream()
        self.rows(web)
        return self.fig

    def raw(self):
        seconds, listed = measure.median_seconds(
            lambda: self.magnum.clusters.list(detail=True,
                                              limit=population.EVERY),
            self.repeat)
        if len(listed) != self.n:
            raise RuntimeError('%s has %d clusters, not %d'
                               % (self.name, len(listed), self.n))
        self.ids = [c.uuid for c in listed]
        self.fig['raw_list'] = seconds
        self.fig['raw_page'], _ = measure.median_seconds(
            lambda: self.magnum.clusters.list(detail=True,
                                              limit=PAGE_SIZE + 1),
            self.repeat)

    def _page(self, web, path, key, **kwargs):
        """Median time and API calls of a page; a failure is a figure."""
        url = self.ours.url + path
        try:
            _, calls = self.counter.count(
                lambda: measure.get_ok(web, url, **kwargs))
            seconds, _ = measure.median_seconds(
                lambda: measure.get_ok(web, url, **kwargs), self.repeat)
        except RuntimeError as exc:
            print('  %s failed: %s' % (key, exc), flush=True)
            self.fig[key], self.fig[key + '_error'] = None, str(exc)[-120:]
            self.fig[key + '_calls'] = self.counter.calls()
            return
        self.fig[key] = seconds
        self.fig[key + '_calls'] = calls

    def index(self, web):
        # the first load of the project meets cold template and usage caches
        _, self.fig['index_cold_calls'] = self.counter.count(
            lambda: measure.get_ok(web, self.ours.url + '/project/clusters/'))
        self._page(web, '/project/clusters/', 'index')
        self._page(web, '/project/api_access/', 'horizon_page')

    def detail(self, web):
        path = '/project/clusters/%s/' % self.ids[0]
        self._page(web, path, 'detail')
        self._page(web, path + '?tab=cluster_details__progress', 'progress',
                   headers={'X-Requested-With': 'XMLHttpRequest'})

    def navigation(self):
        rows = min(self.n, PAGE_SIZE)
        self.fig['nav_ours'] = browser_timing.navigation_seconds(
            self.ours.url, self.name, self.name, '/project/clusters/',
            upstream.OURS_ROWS, rows, repeat=self.repeat)

    def upstream(self):
        web = demo_client.login(self.theirs.url, self.name, self.name)
        self.fig['upstream_rest'] = upstream.rest_list_seconds(
            web, self.theirs.url, self.repeat, self.n)
        self.fig['nav_upstream'] = browser_timing.navigation_seconds(
            self.theirs.url, self.name, self.name, '/project/clusters/',
            upstream.UPSTREAM_ROWS, upstream_rows(self.n),
            repeat=self.repeat)

    def rows(self, web):
        """Row refresh of k busy clusters, as the page they are on asks."""
        busy = population.create_many(
            self.magnum, self.endpoints['cluster_template'], max(BUSY),
            population.BUSY_LABELS, prefix=population.BUSY_PREFIX,
            timeout=120)
        try:
            listed = population.wait_for(
                self.magnum, busy, lambda s: s == 'CREATE_IN_PROGRESS',
                time.monotonic() + 300)
            order = [c.uuid for c in population.list_all(self.magnum)]
            busy = [i for i in order if i in listed]
            # the page starting at the first busy cluster
            marker = order[order.index(busy[0]) - 1]
            for k in BUSY:
                # k rows on one page: a user showing k or more items per
                # page (Horizon's Settings, kept in this cookie)
                web.cookies.set('API_RESULT_PAGE_SIZE', str(max(k, PAGE_SIZE)))
                path = '/project/clusters/rows/?ids=%s&marker=%s' % (
                    ','.join(busy[:k]), marker)
                self._page(web, path, 'rows_%d' % k)
            web.cookies.set('API_RESULT_PAGE_SIZE', str(PAGE_SIZE))
        finally:
            population.delete_all(self.magnum, busy)


def upstream_rows(count):
    """Rows to wait for: a page (Angular draws a page's rows in one frame;
    upstream's table pages by Horizon's pageSize, 20, after listing all).
    """
    return min(count, PAGE_SIZE)


def _fresh_rss(endpoints, plugin, paths, rounds):
    """RSS per worker of a fresh Horizon (plugin 'on' or 'off') once
    ``paths`` were each loaded ``rounds`` times by the largest project.
    """
    name = population.login_name(max(SIZES))
    os.environ['MAGNUM_UI_DEMO_PLUGIN'] = plugin
    try:
        server = demo_server.HorizonServer(
            endpoints['auth_url'],
            os.path.join(REPO, '.bench', 'demo-state-plugin-' + plugin),
            port=demo_client.free_port()).start(START_TIMEOUT)
    finally:
        del os.environ['MAGNUM_UI_DEMO_PLUGIN']
    try:
        web = demo_client.login(server.url, name, name)
        measure.warm_pages(web, server.url, paths, rounds)
        return measure.worker_rss_mib(server.process.pid)
    finally:
        server.stop()


def memory(endpoints, rounds=10):
    """RSS per worker (MiB) of Horizon with the plugin (its pages at the
    largest size too) and without it, each freshly started.
    """
    name = population.login_name(max(SIZES))
    first = population.magnum(endpoints, name).clusters.list(limit=1)[0]
    plugin_pages = ('/project/clusters/', '/project/cluster_templates/',
                    '/project/clusters/%s/' % first.uuid)
    return {'rss_with': _fresh_rss(endpoints, 'on',
                                   GENERIC_PAGES + plugin_pages, rounds),
            'rss_without': _fresh_rss(endpoints, 'off', GENERIC_PAGES,
                                      rounds)}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--sizes', default=','.join(map(str, SIZES)))
    parser.add_argument('--repeat', type=int, default=5)
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(',')]
    started_sandbox = not sandbox_api.is_up()
    endpoints = sandbox_api.ensure_up()
    upstream.ensure_venv()
    servers = []
    try:
        ours = demo_server.HorizonServer(
            endpoints['auth_url'], os.path.join(REPO, '.bench', 'demo-state'),
            port=demo_client.free_port()).start(START_TIMEOUT)
        servers.append(ours)
        theirs = upstream.UpstreamHorizon(endpoints['auth_url'],
                                          demo_client.free_port()).start(
                                              START_TIMEOUT)
        servers.append(theirs)
        for count in sizes:
            print('== N = %d' % count, flush=True)
            figures = Size(endpoints, count, args.repeat, ours,
                           theirs).run()
            print(json.dumps(figures), flush=True)
            scale_report.save(RESULTS, 'size-%d' % count, figures)
        for server in reversed(servers):
            server.stop()
        scale_report.save(RESULTS, 'memory', memory(endpoints))
    finally:
        for server in reversed(servers):
            server.stop()
        if started_sandbox:
            sandbox_api.down()
    # sizes not measured this run keep their latest figures
    print(scale_report.write(RESULTS, SIZES))
    return 0


if __name__ == '__main__':
    sys.exit(main())
