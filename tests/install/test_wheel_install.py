"""The README's "Installing into an existing Horizon", done as written.

The wheel built from this checkout goes into a virtualenv of stock
Horizon 27 (tests/install/environment.py) by the README's own shell block,
run from a temporary folder with no PYTHONPATH, so nothing of the repository
is importable. Horizon then runs from that virtualenv (Django's server on
127.0.0.1, DEBUG off, static files from the compress output) against the
sandbox, and every panel renders for the demo user and the admin.
"""

import email
import os
import re
import shutil
import subprocess
import time
import zipfile

import pytest
import requests

from demo import client
from tests.install import environment

pytestmark = pytest.mark.integration

PROJECT_PAGES = [
    ('/project/clusters/', 'Clusters', 'clusters'),
    ('/project/cluster_templates/', 'Cluster Templates', 'cluster_templates'),
    ('/project/clusters/create/', 'Create Cluster', None),
    ('/project/cluster_templates/create/', 'Create Cluster Template', None),
]
ADMIN_PAGES = [
    ('/admin/clusters/', 'Clusters', 'clusters'),
    ('/admin/clusters/triage/', 'Cluster Triage', 'triage'),
    ('/admin/cluster_templates/', 'Cluster Templates', 'cluster_templates'),
    ('/admin/container_infra_quotas/', 'Cluster Quotas', 'quotas'),
    ('/admin/container_infra_services/', 'Magnum Services',
     'magnum_services'),
]
TEMPLATE_LINK = re.compile(
    r'href="(/project/cluster_templates/[0-9a-f-]{36}/)"')
STYLESHEET = re.compile(
    r'<link [^>]*href="(/static/dashboard/css/[^"]+\.css)"')
PUBLIC_FIELD = 'name="public"'
JS_CATALOG = re.compile(r'<script [^>]*src="(/i18n/js/[^"]+/)"')
# What Horizon's log must not say: a snippet that failed, a redundant
# policy file, an error page.
LOG_PROBLEMS = ('Can not exec settings snippet', 'same as the defaults',
                'Traceback', 'Internal Server Error')
CATALOGS = {'magnum_ui/locale/%s/LC_MESSAGES/%s.mo' % (language, domain)
            for language in ('en', 'en_XA') for domain in ('django',
                                                           'djangojs')}


class Horizon:
    """Django's server of the virtualenv's Horizon, on a free port."""

    def __init__(self, venv, cwd, log):
        self.port = client.free_port()
        self.url = 'http://127.0.0.1:%d' % self.port
        self.log = log
        with open(log, 'ab') as out:
            # --insecure: static files through Django, as the web server
            # would serve STATIC_ROOT (the compress output included).
            self.process = subprocess.Popen(
                [os.path.join(venv, 'bin', 'python'), '-m', 'django',
                 'runserver', '--noreload', '--insecure',
                 '127.0.0.1:%d' % self.port],
                cwd=cwd, stdout=out, stderr=subprocess.STDOUT,
                env=environment.clean_env(venv, DJANGO_SETTINGS_MODULE=(
                    'openstack_dashboard.settings')))

    def wait(self, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.process.poll() is None, open(self.log).read()[-3000:]
            try:
                if requests.get(self.url + '/auth/login/',
                                timeout=5).status_code == 200:
                    return self
            except requests.ConnectionError:
                pass
            time.sleep(0.3)
        raise AssertionError('Horizon did not answer; see %s' % self.log)

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@pytest.fixture(scope='module')
def horizon(sandbox, tmp_path_factory):
    work = tmp_path_factory.mktemp('wheel-install')
    log = str(work / 'install.log')
    wheel = environment.build_wheel(str(work / 'dist'), log)
    environment.wait_for_early_venv()
    venv = environment.horizon_venv(wheel, log)
    environment.restore(venv, log)
    environment.write_local_settings(environment.dashboard_dir(venv),
                                     sandbox['auth_url'],
                                     str(work / 'static'))
    try:
        environment.install_with_readme(venv, wheel, log, cwd=str(work))
        server = Horizon(venv, str(work), str(work / 'horizon.log'))
        server.wheel = wheel
        server.install_log = log
        try:
            yield server.wait()
        finally:
            server.stop()
    finally:
        environment.restore(venv, log)
        # The collected static files (≈4,000); the logs stay for a look.
        shutil.rmtree(str(work / 'static'), ignore_errors=True)


def assert_page(session, url, title, table):
    answer = session.get(url, timeout=60)
    assert answer.status_code == 200, (url, answer.status_code)
    assert answer.url == url, 'redirected to %s' % answer.url
    page = answer.text
    if title is not None:
        assert re.search(r'<title>\s*%s\s*-' % re.escape(title), page), url
    if table:
        assert re.search(r'<table[^>]*id="%s"' % table, page), url
    assert 'Traceback' not in page and 'Server Error' not in page, url
    return page


def test_readme_install_serves_every_panel(horizon, sandbox):
    logins = sandbox['logins']
    demo = client.login(horizon.url, logins['demo']['username'],
                        logins['demo']['password'])
    pages = {}
    for path, title, table in PROJECT_PAGES:
        pages[path] = assert_page(demo, horizon.url + path, title, table)
    template = TEMPLATE_LINK.search(pages['/project/cluster_templates/'])
    assert template, 'the seeded public template is not listed'
    assert_page(demo, horizon.url + template.group(1), None, None)

    admin = client.login(horizon.url, logins['admin']['username'],
                         logins['admin']['password'])
    for path, title, table in ADMIN_PAGES:
        assert_page(admin, horizon.url + path, title, table)

    # The policy snippet took effect: only the admin may publish templates
    # (without Magnum's policy Horizon would offer it to everyone).
    create = '/project/cluster_templates/create/'
    assert PUBLIC_FIELD not in pages[create]
    assert PUBLIC_FIELD in assert_page(admin, horizon.url + create,
                                       'Create Cluster Template', None)

    # The offline-compressed stylesheet holds the plugin's own SCSS.
    sheets = STYLESHEET.findall(pages['/project/clusters/'])
    assert sheets, 'no compressed stylesheet linked'
    css = ''
    for sheet in sheets:
        answer = demo.get(horizon.url + sheet, timeout=30)
        assert answer.status_code == 200, sheet
        assert answer.headers['Content-Type'].startswith('text/css'), sheet
        css += answer.text
    assert '.cluster-usage' in css
    # Horizon's JavaScript catalog takes in the plugin's.
    catalog = JS_CATALOG.search(pages['/project/clusters/'])
    assert catalog and 'magnum_ui' in catalog.group(1), catalog
    assert demo.get(horizon.url + catalog.group(1),
                    timeout=30).status_code == 200


def test_served_pages_left_no_problem_in_the_log(horizon):
    with open(horizon.log, errors='replace') as log:
        text = log.read()
    assert '"GET /project/clusters/ HTTP/1.1" 200' in text
    for problem in LOG_PROBLEMS:
        assert problem not in text, problem


def test_wheel_holds_the_package_and_nothing_of_the_checkout(horizon):
    with zipfile.ZipFile(horizon.wheel) as wheel:
        names = set(wheel.namelist())
        info = [name for name in names if name.endswith('.dist-info/METADATA')]
        metadata = email.message_from_bytes(wheel.read(info[0]))
    assert CATALOGS <= names, CATALOGS - names
    assert 'magnum_ui/templates/magnum_ui/clusters/index.html' in names
    assert 'magnum_ui/static/magnum_ui/scss/magnum_ui.scss' in names
    assert 'magnum_ui/conf/default_policies/magnum.yaml' in names
    tops = {name.split('/')[0] for name in names
            if '.dist-info' not in name and '.data/' not in name}
    assert {'magnum_ui'} == tops, tops
    assert 'magnum_ui/enabled_dir.py' not in names
    assert metadata['Requires-Python'] == '>=3.11'
    assert metadata['Version'] not in ('0.0.0', None)
    assert 'Installing into an existing Horizon' in metadata.get_payload()
    with open(horizon.install_log, errors='replace') as log:
        build = log.read()
    # setuptools' warning of data folders left out of ``packages``.
    assert 'absent from the `packages`' not in build
    assert 'Successfully built horizon-magnum-panels' in build
