"""Cluster template import/export journey: the demo user exports the seeded
public template as YAML, imports the file into the create wizard under a
new name and creates it; a broken YAML comes back with an error and the
text kept. What the journey created is deleted at the end."""

import os
import uuid

import pytest
import yaml

from tests.e2e import template_pages as pages
from tests.e2e import test_kubeconfig_journey as downloads

pytestmark = pytest.mark.e2e

SEEDED = 'k8s-public'
IMPORT_MODAL = '#import_cluster_template_modal'
RESOURCES = ('image_id', 'flavor_id', 'master_flavor_id',
             'external_network_id')


def shot(browser, number, what):
    browser.screenshot('import-export-%02d-%s' % (number, what))


@pytest.fixture
def created(sandbox):
    """Names the journey creates; deleted at the end whatever happened."""
    names = []
    yield names
    mc = pages.demo_client(sandbox)
    for template in mc.cluster_templates.list():
        if template.name in names:
            mc.cluster_templates.delete(template.uuid)
    assert not [t for t in mc.cluster_templates.list() if t.name in names]


def export_seeded(browser):
    pages.row_action(browser, SEEDED, 'export')
    text = downloads.wait_download(browser.downloads, '%s.yaml' % SEEDED)
    return text, os.path.join(browser.downloads, '%s.yaml' % SEEDED)


def open_import(browser):
    browser.click('#cluster_templates__action_import')
    return browser.find(IMPORT_MODAL)


def test_export_then_import_under_a_new_name(browser, sandbox, created):
    name = 'e2e-imp-%s' % uuid.uuid4().hex[:6]
    created.append(name)
    browser.login('demo', 'demo')
    pages.open_panel(browser, 'project', pages.INDEX)
    shot(browser, 1, 'index')

    text, path = export_seeded(browser)
    assert text.startswith('# Cluster template "%s"' % SEEDED), text
    exported = yaml.safe_load(text)
    seeded = pages.demo_client(sandbox).cluster_templates.get(
        sandbox['cluster_template'])
    assert exported['name'] == SEEDED
    for key in ('coe', 'image_id', 'flavor_id', 'master_flavor_id',
                'external_network_id', 'network_driver'):
        assert exported[key] == getattr(seeded, key), key
    assert not {'uuid', 'created_at', 'links', 'project_id'} & set(exported)

    # A broken document: an error under the text, the text kept.
    open_import(browser)
    browser.find('%s #id_yaml_text' % IMPORT_MODAL).send_keys(
        'name: k8s\nlabels: [kube_tag')
    browser.click('%s .btn-primary' % IMPORT_MODAL)
    error = browser.find('%s .has-error .help-block' % IMPORT_MODAL)
    assert 'not valid YAML' in error.text, error.text
    assert 'labels: [kube_tag' in browser.find(
        '%s #id_yaml_text' % IMPORT_MODAL).get_attribute('value')
    shot(browser, 2, 'bad-yaml')
    browser.click('%s .cancel' % IMPORT_MODAL)

    browser.open(pages.INDEX)
    open_import(browser)
    browser.find_all('%s #id_yaml_file' % IMPORT_MODAL)[0].send_keys(path)
    shot(browser, 3, 'import-form')
    browser.click('%s .btn-primary' % IMPORT_MODAL)

    # The create wizard, prefilled from the file.
    pages.active_step(browser, 'info')
    name_field = browser.find('%s #id_name' % pages.MODAL)
    assert name_field.get_attribute('value') == SEEDED
    # The demo user may not publish: "public: true" was left out, saying so.
    browser.wait_for_text('.messages', 'Not imported: public')
    assert not browser.find_all('%s #id_public' % pages.MODAL)
    pages.retype(browser, '%s #id_name' % pages.MODAL, name)
    pages.go_to_step(browser, 'node_spec')
    # The file names the image and flavors by name, as Magnum keeps them:
    # the wizard selects the listed ones.
    for field in ('image_id', 'flavor_id', 'master_flavor_id'):
        assert browser.find_all('#id_%s' % field)[0].get_attribute('value')
    assert not browser.find_all('%s .has-error' % pages.MODAL)
    pages.go_to_step(browser, 'labels')
    pages.wait(browser).until(
        lambda d: name in pages.cli_preview(browser))
    shot(browser, 4, 'import-wizard')
    pages.submit_modal_to_index(browser)

    browser.find(pages.row_css(name))
    assert name in browser.find('.alert-success').text
    assert pages.cell(browser, name, 'Image') == 'fedora-coreos-40'
    assert pages.cell(browser, name, 'Public') == 'No'
    shot(browser, 5, 'imported-in-list')
    copy = [t for t in pages.demo_client(sandbox).cluster_templates.list()
            if t.name == name][0]
    for key, value in exported.items():
        if key not in RESOURCES + ('name', 'public'):
            assert getattr(copy, key) == value, (key, value)
    pages.detail_text(browser, name)
    for term, key in (('Image', 'image_id'), ('Worker Flavor', 'flavor_id'),
                      ('Master Flavor', 'master_flavor_id'),
                      ('External Network', 'external_network_id')):
        assert pages.detail_value(browser, term).startswith(
            exported[key]), term
