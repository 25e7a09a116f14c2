/* progress.js: the Progress tab refreshing itself while the stack is busy. */
'use strict';

const assert = require('node:assert/strict');
const {afterEach, test} = require('node:test');

const {page} = require('./harness');

const URL = '/project/clusters/c1/?tab=cluster_details__progress';
const SECONDS = 2;
const BASE = SECONDS * 1000;

function progress(options) {
  const o = Object.assign({busy: true, percent: 40,
    status: 'CREATE_IN_PROGRESS', done: 4}, options);
  return '<div id="mui-cluster-progress" class="mui-progress"' +
    ' data-refresh-url="' + URL + '" data-refresh-seconds="' + SECONDS +
    '" data-busy="' + o.busy + '" data-stack-status="' + o.status +
    '" data-percent="' + o.percent + '">' +
    '<div class="progress"><div id="mui-progress-bar" class="progress-bar"' +
    ' aria-valuenow="' + o.percent + '" style="width: ' + o.percent +
    '%;">' + o.percent + '%</div></div>' +
    '<p id="mui-progress-count" data-done="' + o.done + '">' + o.done +
    ' resources complete</p></div>';
}

function tabPage(body) {
  return page('<div class="tab-content"><div id="progress-pane"' +
    ' class="tab-pane active">' + body + '</div></div>', ['progress.js']);
}

let current;
afterEach(() => { current.close(); });

function shown() {
  return current.$('.mui-progress');
}

test('a busy tab reloads itself from its URL until the progress is final',
  () => {
    current = tabPage(progress());
    current.clock.tick(BASE - 1);
    assert.equal(current.requests.length, 0);
    current.clock.tick(1);
    assert.equal(current.requests.length, 1);
    assert.equal(current.requests[0].options.url, URL);
    assert.equal(current.requests[0].options.dataType, 'html');
    current.requests[0].answer(progress({percent: 60, done: 6}));
    assert.equal(shown().length, 1);
    assert.equal(shown().attr('data-percent'), '60');
    assert.equal(current.$('#mui-progress-count').attr('data-done'), '6');
    current.clock.tick(BASE);
    assert.equal(current.requests.length, 2);
    current.requests[1].answer(progress({busy: false, percent: 100,
      status: 'CREATE_COMPLETE'}));
    assert.equal(shown().attr('data-busy'), 'false');
    current.clock.tick(60 * BASE);
    assert.equal(current.requests.length, 2);
  });

test('a final tab is not refreshed', () => {
  current = tabPage(progress({busy: false, percent: 100,
    status: 'CREATE_COMPLETE'}));
  current.clock.tick(60 * BASE);
  assert.equal(current.requests.length, 0);
});

test('the tab found inside a larger answer replaces the shown one', () => {
  current = tabPage(progress());
  current.clock.tick(BASE);
  current.requests[0].answer('<div class="tab-pane">' +
    progress({percent: 70}) + '</div>');
  assert.equal(shown().length, 1);
  assert.equal(shown().attr('data-percent'), '70');
  assert.equal(shown().parent().attr('id'), 'progress-pane');
});

test('failures back off exponentially up to a minute', () => {
  current = tabPage(progress());
  current.clock.tick(BASE);
  const waits = [2 * BASE, 4 * BASE, 8 * BASE, 16 * BASE, 60000, 60000];
  waits.forEach((wait, index) => {
    current.requests[index].fail(500);
    current.clock.tick(wait - 1);
    assert.equal(current.requests.length, index + 1, 'early at ' + index);
    current.clock.tick(1);
    assert.equal(current.requests.length, index + 2, 'late at ' + index);
  });
  // An answer starts the new tab again at the base delay.
  current.requests[6].answer(progress({percent: 50}));
  current.clock.tick(BASE);
  assert.equal(current.requests.length, 8);
});

test('an answer without the progress is retried with back-off and kept',
  () => {
    current = tabPage(progress());
    current.clock.tick(BASE);
    current.requests[0].answer('<p>You are not logged in.</p>');
    assert.equal(shown().attr('data-percent'), '40');
    current.clock.tick(2 * BASE - 1);
    assert.equal(current.requests.length, 1);
    current.clock.tick(1);
    assert.equal(current.requests.length, 2);
  });

test('the bar keeps its highest value while the same operation runs', () => {
  current = tabPage(progress({percent: 60}));
  current.clock.tick(BASE);
  // Heat expanded a node group: the total grew, the share dropped.
  current.requests[0].answer(progress({percent: 45}));
  assert.equal(shown().attr('data-percent'), '60');
  const $bar = current.$('#mui-progress-bar');
  assert.equal($bar.attr('aria-valuenow'), '60');
  assert.equal($bar.text(), '60%');
  assert.equal($bar[0].style.width, '60%');
});

test('a lower value is shown once the operation changed or ended', () => {
  current = tabPage(progress({percent: 60}));
  current.clock.tick(BASE);
  current.requests[0].answer(progress({percent: 10,
    status: 'UPDATE_IN_PROGRESS'}));
  assert.equal(shown().attr('data-percent'), '10');
  current.clock.tick(BASE);
  current.requests[1].answer(progress({busy: false, percent: 5,
    status: 'UPDATE_FAILED'}));
  assert.equal(shown().attr('data-percent'), '5');
  assert.equal(current.$('#mui-progress-bar').text(), '5%');
});

test('a hidden tab waits without asking, and asks once shown', () => {
  current = tabPage(progress());
  current.$('#progress-pane').css('display', 'none');   // another tab
  current.clock.tick(5 * BASE);
  assert.equal(current.requests.length, 0);
  current.$('#progress-pane').css('display', '');
  current.clock.tick(BASE);
  assert.equal(current.requests.length, 1);
});

test('a tab that left the page stops refreshing', () => {
  current = tabPage(progress());
  current.$('#progress-pane').empty();
  current.clock.tick(60 * BASE);
  assert.equal(current.requests.length, 0);
});

test('a tab loaded later is watched once', () => {
  current = tabPage('');
  const $tab = current.$('#progress-pane').html(progress());
  current.horizon.tabs.loadTab($tab);
  current.horizon.tabs.loadTab($tab);   // loaded again: still one watcher
  current.clock.tick(BASE);
  assert.equal(current.requests.length, 1);
});
