/**
 * A page for the JavaScript modules of magnum_ui/static/magnum_ui/js:
 * jsdom with the jQuery Horizon ships (XStatic-jQuery 3.7.1), fake timers,
 * and Horizon's JavaScript replaced at its edge by the few hooks the modules
 * use. $.ajax and fetch answer what a test tells them to.
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

const FakeTimers = require('@sinonjs/fake-timers');
const {JSDOM, VirtualConsole} = require('jsdom');

const MODULES = path.resolve(
  __dirname, '..', '..', 'magnum_ui', 'static', 'magnum_ui', 'js');
const JQUERY = require.resolve('jquery/dist/jquery.js');

function runScript(dom, file) {
  const code = fs.readFileSync(file, 'utf8');
  new vm.Script(code, {filename: file})
    .runInContext(dom.getInternalVMContext());
}

/* jsdom lays nothing out, so jQuery's :visible (getClientRects) would call
 * every element hidden: an element counts as shown unless it or an ancestor
 * has display: none, or it is not in the document. */
function approximateLayout(window) {
  window.Element.prototype.getClientRects = function () {
    if (!this.isConnected) { return []; }
    for (let node = this; node && node.nodeType === 1;
      node = node.parentNode) {
      if (window.getComputedStyle(node).display === 'none') { return []; }
    }
    return [{}];
  };
}

/* The parts of Horizon's horizon.js, horizon.modals.js, horizon.tabs.js
 * and horizon.tables.js the modules call, behaving as those do. */
function fakeHorizon(window) {
  const $ = () => window.jQuery;
  const initFunctions = [];
  const modalFunctions = [];
  const tabFunctions = [];
  const horizon = {
    addInitFunction(fn) { initFunctions.push(fn); },
    // Horizon calls the init functions once the DOM is ready.
    init() { initFunctions.splice(0).forEach((fn) => fn()); },
    modals: {
      addModalInitFunction(fn) { modalFunctions.push(fn); },
      initModal(modal) { modalFunctions.forEach((fn) => fn(modal)); },
    },
    tabs: {
      addTabLoadFunction(fn) { tabFunctions.push(fn); },
      loadTab($tab) { tabFunctions.forEach((fn) => fn($tab)); },
    },
    datatables: {
      validated: 0,
      validate_button() { horizon.datatables.validated += 1; },
      // Horizon's count: data rows shown, plus the modifier, less empties.
      update_footer_count(el, modifier) {
        const $el = $()(el);
        return $el.find('tbody tr:visible').has('td.normal_column').length +
          (modifier || 0) - $el.find('.empty').length;
      },
      qs: {},
    },
    templates: {
      compiled_templates: {
        '#empty_row_template': {
          render: (params) => '<tr class="odd empty"><td colspan="' +
            params.colspan + '">' + params.no_items_label + '</td></tr>',
        },
      },
    },
  };
  return horizon;
}

/* $.ajax answers nothing until the test resolves or rejects a request. */
function fakeAjax($) {
  const requests = [];
  $.ajax = function (options) {
    const deferred = $.Deferred();
    requests.push({
      options,
      answer(body) { deferred.resolve(body, 'success', {status: 200}); },
      fail(status) {
        deferred.reject({status: status || 500}, 'error', 'error');
      },
    });
    return deferred.promise();
  };
  return requests;
}

/**
 * A page holding `body`, with the named modules loaded and Horizon's init
 * functions run (as on DOM ready). close() at the end of a test fails it if
 * the page raised an uncaught error (e.g. in an event handler).
 */
function page(body, modules) {
  const errors = [];
  const virtualConsole = new VirtualConsole();
  virtualConsole.on('jsdomError', (error) => errors.push(error));
  const dom = new JSDOM('<!DOCTYPE html><html><body>' + body +
    '</body></html>', {
    runScripts: 'outside-only',
    url: 'http://127.0.0.1:8000/project/clusters/',
    virtualConsole,
  });
  const window = dom.window;
  const clock = FakeTimers.withGlobal(window).install({
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval',
      'Date'],
  });
  approximateLayout(window);
  runScript(dom, JQUERY);
  const horizon = fakeHorizon(window);
  window.horizon = horizon;
  window.gettext = (text) => text;
  const requests = fakeAjax(window.jQuery);
  modules.forEach((name) => runScript(dom, path.join(MODULES, name)));
  horizon.init();
  return {
    window,
    document: window.document,
    $: window.jQuery,
    horizon,
    clock,
    requests,
    close() {
      clock.uninstall();
      window.close();
      if (errors.length) {
        throw new Error('uncaught in the page: ' + errors.map(
          (error) => (error.detail && error.detail.stack) || error.message)
          .join('\n'));
      }
    },
  };
}

/* Let promise callbacks (fetch answers) run. */
function settle() {
  return new Promise((resolve) => setImmediate(resolve));
}

module.exports = {page, settle};
