"""Isolation through the dashboard: `alt` sees nothing of `demo`'s.

Real logins against the demo Horizon and the sandbox (no browser needed):
the `alt` user lists none of demo's clusters or private templates, and
every URL of them it guesses — detail, row refresh, Progress tab,
kubeconfig, CA, resize, upgrade, template detail — answers with a message
(or, for the row refresh, "gone"), never with the object and never 500.
"""

import time
import uuid

from magnumclient import client as magnum_client
from magnumclient import exceptions as mc_exc
import pytest

from demo import client as demo_client

pytestmark = pytest.mark.e2e
WAIT = 60


@pytest.fixture(scope='module')
def demo_objects(sandbox):
    magnum = magnum_client.Client('1', session=sandbox['sessions']['demo'],
                                  region_name=sandbox['region'])
    suffix = uuid.uuid4().hex[:6]
    public = magnum.cluster_templates.get(sandbox['cluster_template'])
    template = magnum.cluster_templates.create(
        name='iso-private-%s' % suffix, coe='kubernetes',
        image_id=public.image_id, keypair_id=public.keypair_id,
        external_network_id=public.external_network_id)
    cluster = magnum.clusters.create(
        name='iso-%s' % suffix, cluster_template_id=public.uuid,
        master_count=1, node_count=1)
    deadline = time.monotonic() + WAIT
    while True:   # the conductor writes the row a moment after the POST
        try:
            magnum.clusters.get(cluster.uuid)
            break
        except mc_exc.NotFound:
            assert time.monotonic() < deadline, 'cluster never listed'
            time.sleep(0.5)
    yield {'cluster': cluster.uuid, 'cluster_name': 'iso-%s' % suffix,
           'template': template.uuid,
           'template_name': 'iso-private-%s' % suffix}
    magnum.clusters.delete(cluster.uuid)
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        try:
            magnum.cluster_templates.delete(template.uuid)
            return
        except mc_exc.HttpError:   # still used until the cluster is gone
            time.sleep(2)


@pytest.fixture(scope='module')
def alt(horizon, sandbox):
    login = sandbox['logins']['alt']
    return demo_client.login(horizon.url, login['username'],
                             login['password'])


# Horizon's error message (every page also has a <noscript> alert-danger).
ERROR_MESSAGE = 'class="alert alert-danger alert-dismissable'


def assert_refused(response, *hidden):
    """A page with an error message (after any redirect), not the object."""
    assert response.status_code == 200, response.status_code
    assert 'Traceback' not in response.text
    assert ERROR_MESSAGE in response.text, response.url
    for text in hidden:
        assert text not in response.text


def test_lists_show_none_of_demos(alt, horizon, demo_objects):
    clusters = alt.get(horizon.url + '/project/clusters/')
    assert clusters.status_code == 200
    assert demo_objects['cluster_name'] not in clusters.text
    templates = alt.get(horizon.url + '/project/cluster_templates/')
    assert templates.status_code == 200
    assert demo_objects['template_name'] not in templates.text


@pytest.mark.parametrize('tail', [
    '', '?tab=cluster_details__progress', '?tab=cluster_details__nodegroups',
    'certificates/kubeconfig/', 'certificates/ca/', 'resize/', 'upgrade/'])
def test_guessed_cluster_urls_get_a_message(alt, horizon, demo_objects,
                                            tail):
    url = '%s/project/clusters/%s/%s' % (horizon.url,
                                         demo_objects['cluster'], tail)
    assert_refused(alt.get(url), demo_objects['cluster_name'])


def test_row_refresh_reports_demos_cluster_gone(alt, horizon, demo_objects):
    answer = alt.get(horizon.url + '/project/clusters/rows/',
                     params={'ids': demo_objects['cluster']},
                     headers={'X-Requested-With': 'XMLHttpRequest'})
    assert answer.status_code == 200
    assert answer.json() == {'rows': {}, 'gone': [demo_objects['cluster']]}


def test_guessed_template_url_gets_a_message(alt, horizon, demo_objects):
    url = '%s/project/cluster_templates/%s/' % (horizon.url,
                                                demo_objects['template'])
    assert_refused(alt.get(url), demo_objects['template_name'])
