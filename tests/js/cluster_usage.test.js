/* cluster_usage.js: the usage picture loaded after the clusters page. */
'use strict';

const assert = require('node:assert/strict');
const {afterEach, test} = require('node:test');

const {page} = require('./harness');

const URL = '/project/clusters/usage/';
const PLACEHOLDER = '<div id="cluster-usage" class="cluster-usage' +
  ' cluster-usage-loading" data-usage-url="' + URL + '">' +
  '<p class="text-muted">Loading usage…</p></div>';
const PICTURE = '<div id="cluster-usage" class="cluster-usage">' +
  '<div class="cluster-usage-item" id="cluster-usage-clusters">' +
  '<span class="cluster-usage-numbers">3 of 10</span></div></div>';

let current;
afterEach(() => { current.close(); });

function usagePage() {
  return page('<div id="main">' + PLACEHOLDER +
    '<div id="cluster-rows-live"></div></div>', ['cluster_usage.js']);
}

test('the placeholder asks for the picture once, at once', () => {
  current = usagePage();
  assert.equal(current.requests.length, 1);
  assert.equal(current.requests[0].options.url, URL);
  assert.equal(current.requests[0].options.dataType, 'html');
  current.clock.tick(60000);
  assert.equal(current.requests.length, 1);
});

test('the picture takes the placeholder\'s place', () => {
  current = usagePage();
  current.requests[0].answer('\n' + PICTURE + '\n');
  const $usage = current.$('#cluster-usage');
  assert.equal($usage.length, 1);
  assert.ok(!$usage.hasClass('cluster-usage-loading'));
  assert.equal($usage.attr('data-usage-url'), undefined);
  assert.equal(current.$('#cluster-usage-clusters').text(), '3 of 10');
  assert.equal($usage.next().attr('id'), 'cluster-rows-live');
});

test('an empty answer (Magnum has no stats) removes the placeholder', () => {
  current = usagePage();
  current.requests[0].answer('');
  assert.equal(current.$('#cluster-usage').length, 0);
  assert.equal(current.$('#main').children().length, 1);
});

test('a failure leaves a short message in the placeholder', () => {
  current = usagePage();
  current.requests[0].fail(500);
  const $usage = current.$('#cluster-usage');
  assert.equal($usage.attr('data-usage-error'), 'true');
  assert.equal($usage.attr('data-usage-url'), undefined);
  assert.equal($usage.find('.cluster-usage-error').text(),
    'Usage could not be loaded.');
  assert.equal($usage.find('.text-muted').length, 1);
  current.clock.tick(60000);
  assert.equal(current.requests.length, 1);
});

test('a page with the picture already rendered asks nothing', () => {
  current = page(PICTURE, ['cluster_usage.js']);
  assert.equal(current.requests.length, 0);
});
