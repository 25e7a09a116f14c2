/**
 * Cluster Progress tab: while the stack is busy, reload the tab's content
 * from its own URL (?tab=<group>__progress, answered by Horizon's TabView
 * for AJAX requests) every few seconds; back off on errors; stop once the
 * progress is final (data-busy="false") or the element left the page.
 */
(function () {
  'use strict';

  var SELECTOR = '.mui-progress[data-refresh-url]';
  var MAX_DELAY_MS = 60000;

  function schedule($el, delayMs, failures) {
    window.setTimeout(function () { refresh($el, failures); }, delayMs);
  }

  function baseDelay($el) {
    var seconds = parseFloat($el.attr('data-refresh-seconds'));
    return (seconds > 0 ? seconds : 5) * 1000;
  }

  function refresh($el, failures) {
    if (!$.contains(document.documentElement, $el[0])) {
      return;   // replaced or navigated away: its successor polls
    }
    if (!$el.is(':visible')) {
      schedule($el, baseDelay($el), failures);   // another tab is shown
      return;
    }
    $.ajax({url: $el.attr('data-refresh-url'), cache: false, dataType: 'html'})
      .done(function (html) {
        var $new = $($.parseHTML($.trim(html))).filter(SELECTOR);
        if (!$new.length) {
          $new = $($.parseHTML($.trim(html))).find(SELECTOR);
        }
        if (!$new.length) {
          retry($el, failures);
          return;
        }
        keepHighWater($el, $new);
        $el.replaceWith($new);
        watch($new);
      })
      .fail(function () { retry($el, failures); });
  }

  /* The total grows as Heat expands node groups, so done/total can dip
   * while the same operation runs: the bar then keeps its highest value. */
  function keepHighWater($old, $new) {
    var before = parseInt($old.attr('data-percent'), 10) || 0;
    var now = parseInt($new.attr('data-percent'), 10) || 0;
    if (now >= before || $new.attr('data-busy') !== 'true' ||
        $new.attr('data-stack-status') !== $old.attr('data-stack-status')) {
      return;
    }
    $new.attr('data-percent', before);
    $new.find('#mui-progress-bar').attr('aria-valuenow', before)
      .css('width', before + '%').text(before + '%');
  }

  function retry($el, failures) {
    var delay = Math.min(MAX_DELAY_MS, baseDelay($el) * Math.pow(2, failures + 1));
    schedule($el, delay, failures + 1);
  }

  function watch($el) {
    if ($el.attr('data-busy') === 'true' && !$el.data('muiWatched')) {
      $el.data('muiWatched', true);
      schedule($el, baseDelay($el), 0);
    }
  }

  function watchAll($root) {
    $root.find(SELECTOR).addBack(SELECTOR).each(function () { watch($(this)); });
  }

  horizon.addInitFunction(function () { watchAll($(document)); });
  horizon.tabs.addTabLoadFunction(function ($tab) { watchAll($tab); });
})();
