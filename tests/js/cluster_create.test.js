/* cluster_create.js: the live previews of the cluster and template wizards
 * (the equivalent command, the chosen network's subnets, the template's
 * summary). */
'use strict';

const assert = require('node:assert/strict');
const {afterEach, test} = require('node:test');

const {page, settle} = require('./harness');

const CLI_URL = '/project/clusters/create/cli/';
const QUIET_MS = 300;

const WIZARD = '<form id="create_cluster" method="post">' +
  '<input name="name" value="k8s">' +
  '<select name="cluster_template_id">' +
  '<option value="t1" selected>small</option>' +
  '<option value="t2">large</option></select>' +
  '<div class="cluster-template-summary" data-template-id="t1">small</div>' +
  '<div class="cluster-template-summary" data-template-id="t2">large</div>' +
  '<select name="fixed_network" class="form-control magnum-fixed-network">' +
  '<option value="">Default</option>' +
  '<option value="n1" selected>private</option>' +
  '<option value="n2">other</option></select>' +
  '<select name="fixed_subnet" class="form-control magnum-fixed-subnet">' +
  '<option value="">Default</option>' +
  '<option value="s1" data-network="n1">private-subnet</option>' +
  '<option value="s2" data-network="n2">other-subnet</option></select>' +
  '<pre class="magnum-cli" data-cli-url="' + CLI_URL + '">' +
  'openstack coe cluster create k8s</pre></form>';

let current;
afterEach(() => { current.close(); });

/* fetch answers when the test says so. */
function fakeFetch(window) {
  const calls = [];
  window.fetch = (url, init) => new Promise((resolve, reject) => {
    calls.push({
      url, init,
      answer(text, ok) {
        resolve({ok: ok !== false, text: () => Promise.resolve(text)});
      },
      fail() { reject(new TypeError('Failed to fetch')); },
    });
  });
  return calls;
}

function wizardPage() {
  current = page(WIZARD, ['cluster_create.js']);
  return fakeFetch(current.window);
}

function user(name, event, value) {
  const field = current.document.querySelector('[name="' + name + '"]');
  if (value !== undefined) { field.value = value; }
  field.dispatchEvent(new current.window.Event(event, {bubbles: true}));
}

function option(value) {
  return current.document.querySelector('option[value="' + value + '"]');
}

function command() {
  return current.$('[data-cli-url]').text();
}

test('only the chosen network\'s subnets are offered', () => {
  wizardPage();
  assert.equal(option('s1').hidden, false);
  assert.equal(option('s2').hidden, true);
  assert.equal(option('s2').disabled, true);
  assert.equal(option('').hidden, false);
  user('fixed_subnet', 'change', 's1');
  user('fixed_network', 'change', 'n2');
  assert.equal(option('s1').hidden, true);
  assert.equal(option('s1').disabled, true);
  assert.equal(option('s2').hidden, false);
  assert.equal(option('s2').disabled, false);
  assert.equal(current.$('[name="fixed_subnet"]').val(), '');
});

test('the chosen template\'s summary is shown, the others hidden', () => {
  wizardPage();
  const summary = (id) =>
    current.$('.cluster-template-summary[data-template-id="' + id + '"]');
  assert.ok(summary('t1').css('display') !== 'none');
  assert.equal(summary('t2').css('display'), 'none');
  user('cluster_template_id', 'change', 't2');
  assert.equal(summary('t1').css('display'), 'none');
  assert.ok(summary('t2').css('display') !== 'none');
});

test('the command is asked once the typing pauses, with the form posted',
  async () => {
    const calls = wizardPage();
    ['k', 'k8', 'k8s-prod'].forEach((name) => {
      user('name', 'input', name);
      current.clock.tick(QUIET_MS - 100);
    });
    assert.equal(calls.length, 0);
    current.clock.tick(100);
    assert.equal(calls.length, 1);
    const {url, init} = calls[0];
    assert.equal(url, CLI_URL);
    assert.equal(init.method, 'POST');
    assert.equal(init.credentials, 'same-origin');
    assert.equal(init.headers['X-Requested-With'], 'XMLHttpRequest');
    assert.equal(init.body.get('name'), 'k8s-prod');
    assert.equal(init.body.get('fixed_network'), 'n1');
    calls[0].answer('openstack coe cluster create k8s-prod');
    await settle();
    assert.equal(command(), 'openstack coe cluster create k8s-prod');
  });

test('a slow answer to an earlier question does not replace a later one',
  async () => {
    const calls = wizardPage();
    user('name', 'input', 'first');
    current.clock.tick(QUIET_MS);
    user('name', 'input', 'second');
    current.clock.tick(QUIET_MS);
    assert.equal(calls.length, 2);
    calls[1].answer('openstack coe cluster create second');
    await settle();
    calls[0].answer('openstack coe cluster create first');
    await settle();
    assert.equal(command(), 'openstack coe cluster create second');
  });

test('a refused or failed question keeps the shown command', async () => {
  const calls = wizardPage();
  user('name', 'input', 'x');
  current.clock.tick(QUIET_MS);
  calls[0].answer('<h1>Forbidden</h1>', false);
  await settle();
  assert.equal(command(), 'openstack coe cluster create k8s');
  user('name', 'input', 'y');
  current.clock.tick(QUIET_MS);
  calls[1].fail();
  await settle();
  assert.equal(command(), 'openstack coe cluster create k8s');
});

test('a wizard opened in a modal is set up once', async () => {
  current = page('<div id="modal_wrapper"></div>', ['cluster_create.js']);
  const calls = fakeFetch(current.window);
  const modal = current.$('#modal_wrapper').html(
    '<div class="modal">' + WIZARD + '</div>').children()[0];
  assert.equal(option('s2').hidden, false);   // not set up yet
  current.horizon.modals.initModal(modal);
  current.horizon.modals.initModal(modal);
  assert.equal(option('s2').hidden, true);
  user('name', 'input', 'z');
  current.clock.tick(QUIET_MS);
  assert.equal(calls.length, 1);
});

test('without fetch the command stays as rendered', () => {
  current = page(WIZARD, ['cluster_create.js']);
  current.window.fetch = undefined;
  user('name', 'input', 'x');
  current.clock.tick(QUIET_MS);
  assert.equal(command(), 'openstack coe cluster create k8s');
});
