/* cli_copy.js: the copy button beside every `openstack coe ...` command. */
'use strict';

const assert = require('node:assert/strict');
const {afterEach, test} = require('node:test');

const {page, settle} = require('./harness');

const COMMAND = '<pre class="magnum-cli">openstack coe cluster delete k8s' +
  '</pre>';

let current;
afterEach(() => { current.close(); });

function button() {
  return current.$('.magnum-cli-copy');
}

/* The clipboard API of a secure context, recording what it was given. */
function secureClipboard(window, fails) {
  const copied = [];
  Object.defineProperty(window, 'isSecureContext', {value: true});
  Object.defineProperty(window.navigator, 'clipboard', {value: {
    writeText(text) {
      copied.push(text);
      return fails ? Promise.reject(new Error('denied')) : Promise.resolve();
    },
  }});
  return copied;
}

test('one button per command, however often the modal is set up', () => {
  current = page(COMMAND + COMMAND, ['cli_copy.js']);
  current.horizon.modals.initModal(current.document.body);
  assert.equal(button().length, 2);
  assert.equal(button().first().text(), 'Copy');
  // the button sits before its command
  assert.ok(current.$('pre.magnum-cli').first().prev()
    .find('.magnum-cli-copy').length);
});

test('copies the command as it reads now, says so, then resets',
  async () => {
    current = page(COMMAND, ['cli_copy.js']);
    const copied = secureClipboard(current.window);
    current.$('pre.magnum-cli').text('openstack coe cluster delete other');
    button().trigger('click');
    await settle();
    assert.deepEqual(copied, ['openstack coe cluster delete other']);
    assert.equal(button().text(), 'Copied');
    current.clock.tick(2000);
    assert.equal(button().text(), 'Copy');
  });

test('a refused copy asks the user to select the text', async () => {
  current = page(COMMAND, ['cli_copy.js']);
  secureClipboard(current.window, true);
  button().trigger('click');
  await settle();
  assert.equal(button().text(), 'Select the text to copy it');
});

test('plain http: the copy command on a hidden text area', async () => {
  current = page(COMMAND, ['cli_copy.js']);
  const selected = [];
  current.document.execCommand = (name) => {
    selected.push([name, current.document.activeElement.value ||
      current.$('textarea').val()]);
    return true;
  };
  button().trigger('click');
  await settle();
  assert.deepEqual(selected,
    [['copy', 'openstack coe cluster delete k8s']]);
  assert.equal(current.$('textarea').length, 0);  // removed again
  assert.equal(button().text(), 'Copied');
});
