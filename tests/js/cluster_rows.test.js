/* cluster_rows.js: the batched refresh of busy cluster rows. */
'use strict';

const assert = require('node:assert/strict');
const {afterEach, test} = require('node:test');

const {page} = require('./harness');

const BASE = 1000;
const MAX = 8000;

function row(id, status, options) {
  const busy = status.endsWith('_IN_PROGRESS');
  const menu = (options && options.menuOpen) ? 'btn-group open' : 'btn-group';
  return '<tr class="' + (busy ? 'warning' : '') + '" data-object-id="' +
    id + '" id="clusters__row__' + id + '">' +
    '<td class="multi_select_column"><input type="checkbox" ' +
    'class="table-row-multi-select" value="' + id + '"></td>' +
    '<td class="normal_column">cluster-' + id + '</td>' +
    '<td class="normal_column status">' + status + '</td>' +
    '<td class="actions_column"><div class="' + menu + '">' +
    '<a class="btn">Delete</a></div></td></tr>';
}

function clustersPage(rows) {
  return page(
    '<div id="cluster-rows-live" data-rows-url="/project/clusters/rows/"' +
    ' data-poll-interval="' + BASE + '" data-max-poll-interval="' + MAX +
    '"><form><table id="clusters" class="table datatable"><thead>' +
    '<tr class="table_column_header"><th></th><th>Name</th><th>Status</th>' +
    '<th>Actions</th></tr></thead><tbody>' + rows.join('') +
    '</tbody></table></form></div>',
    ['cluster_rows.js']);
}

let current;
afterEach(() => { current.close(); });

function statusOf(id) {
  return current.$('#clusters__row__' + id + ' td.status').text();
}

test('asks once per interval for every busy row, one request at a time',
  () => {
    current = clustersPage([row('a', 'CREATE_IN_PROGRESS'),
      row('b', 'CREATE_COMPLETE'), row('c', 'UPDATE_IN_PROGRESS')]);
    current.clock.tick(BASE - 1);
    assert.equal(current.requests.length, 0);
    current.clock.tick(1);
    assert.equal(current.requests.length, 1);
    const options = current.requests[0].options;
    assert.equal(options.url, '/project/clusters/rows/');
    assert.equal(options.data.ids, 'a,c');
    assert.equal(options.dataType, 'json');
    assert.equal(current.$('#cluster-rows-live').attr('data-polling'),
      'true');
    current.clock.tick(10 * BASE);   // the answer is still awaited
    assert.equal(current.requests.length, 1);
  });

test('replaces busy rows with the rendered ones and stops when none is busy',
  () => {
    current = clustersPage([row('a', 'CREATE_IN_PROGRESS'),
      row('b', 'CREATE_COMPLETE')]);
    const cache = [];
    current.horizon.datatables.qs.clusters = {cache: () => cache.push(1)};
    let updates = 0;
    current.$('#clusters').on('update', () => { updates += 1; });
    current.clock.tick(BASE);
    current.requests[0].answer({rows: {a: row('a', 'CREATE_COMPLETE')},
      gone: []});
    assert.equal(statusOf('a'), 'CREATE_COMPLETE');
    assert.equal(current.$('tr.warning').length, 0);
    assert.equal(updates, 1);
    assert.equal(current.horizon.datatables.validated, 1);
    assert.equal(cache.length, 1);
    assert.equal(current.$('#cluster-rows-live').attr('data-polling'),
      'false');
    current.clock.tick(60 * BASE);
    assert.equal(current.requests.length, 1);
  });

test('keeps asking while a row stays busy', () => {
  current = clustersPage([row('a', 'CREATE_IN_PROGRESS')]);
  current.clock.tick(BASE);
  current.requests[0].answer({rows: {a: row('a', 'CREATE_IN_PROGRESS')}});
  current.clock.tick(BASE);
  assert.equal(current.requests.length, 2);
  assert.equal(current.requests[1].options.data.ids, 'a');
});

test('a row whose cluster is gone is removed', () => {
  current = clustersPage([row('a', 'DELETE_IN_PROGRESS'),
    row('b', 'CREATE_COMPLETE')]);
  current.clock.tick(BASE);
  current.requests[0].answer({rows: {}, gone: ['a']});
  assert.equal(current.$('#clusters__row__a').length, 0);
  assert.equal(current.$('#clusters tbody tr').length, 1);
  assert.equal(current.$('tr.empty').length, 0);
  current.clock.tick(60 * BASE);
  assert.equal(current.requests.length, 1);
});

test('the last row gone leaves Horizon\'s empty row', () => {
  current = clustersPage([row('a', 'DELETE_IN_PROGRESS')]);
  current.clock.tick(BASE);
  current.requests[0].answer({gone: ['a']});
  const $rows = current.$('#clusters tbody tr');
  assert.equal($rows.length, 1);
  assert.ok($rows.hasClass('empty'));
  assert.equal($rows.find('td').attr('colspan'), '4');
  assert.equal($rows.text(), 'No items to display.');
});

test('a row with its action menu open is kept until the menu closes', () => {
  current = clustersPage([row('a', 'CREATE_IN_PROGRESS', {menuOpen: true})]);
  const before = current.document.getElementById('clusters__row__a');
  current.clock.tick(BASE);
  current.requests[0].answer({rows: {a: row('a', 'CREATE_COMPLETE')}});
  assert.equal(current.document.getElementById('clusters__row__a'), before);
  assert.equal(statusOf('a'), 'CREATE_IN_PROGRESS');
  current.$('#clusters__row__a .btn-group').removeClass('open');
  current.clock.tick(BASE);
  assert.equal(current.requests.length, 2);
  current.requests[1].answer({rows: {a: row('a', 'CREATE_COMPLETE')}});
  assert.equal(statusOf('a'), 'CREATE_COMPLETE');
});

test('a selected row stays selected; an unchanged row is not replaced',
  () => {
    current = clustersPage([row('a', 'CREATE_IN_PROGRESS'),
      row('b', 'UPDATE_IN_PROGRESS')]);
    current.$('#clusters__row__a .table-row-multi-select')
      .prop('checked', true);
    const b = current.document.getElementById('clusters__row__b');
    current.clock.tick(BASE);
    current.requests[0].answer({rows: {
      a: row('a', 'CREATE_COMPLETE'), b: row('b', 'UPDATE_IN_PROGRESS')}});
    assert.equal(statusOf('a'), 'CREATE_COMPLETE');
    assert.ok(current.$('#clusters__row__a .table-row-multi-select')
      .prop('checked'));
    assert.equal(current.document.getElementById('clusters__row__b'), b);
  });

test('errors back off exponentially up to the maximum; an answer resets it',
  () => {
    current = clustersPage([row('a', 'CREATE_IN_PROGRESS')]);
    const $live = current.$('#cluster-rows-live');
    current.clock.tick(BASE);
    const waits = [2 * BASE, 4 * BASE, MAX, MAX];
    waits.forEach((wait, index) => {
      current.requests[index].fail(503);
      assert.equal($live.attr('data-poll-error'), String(index + 1));
      current.clock.tick(wait - 1);
      assert.equal(current.requests.length, index + 1, 'early at ' + index);
      current.clock.tick(1);
      assert.equal(current.requests.length, index + 2, 'late at ' + index);
    });
    current.requests[4].answer({rows: {a: row('a', 'CREATE_IN_PROGRESS')}});
    assert.equal($live.attr('data-poll-error'), undefined);
    current.clock.tick(BASE);
    assert.equal(current.requests.length, 6);
  });

test('a row that becomes busy without a reload is picked up', () => {
  current = clustersPage([row('a', 'CREATE_COMPLETE')]);
  current.clock.tick(10 * BASE);
  assert.equal(current.requests.length, 0);
  current.$('#clusters__row__a').addClass('warning');   // e.g. a resize
  current.clock.tick(2 * BASE);
  assert.equal(current.requests.length, 1);
  assert.equal(current.requests[0].options.data.ids, 'a');
});

test('a page without a live table asks nothing', () => {
  current = page('<table class="datatable"><tbody>' +
    row('a', 'CREATE_IN_PROGRESS') + '</tbody></table>', ['cluster_rows.js']);
  current.clock.tick(10 * BASE);
  assert.equal(current.requests.length, 0);
});
