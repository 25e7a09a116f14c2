/**
 * Batched refresh of busy rows (clusters, a cluster's nodegroups).
 *
 * One request per interval refreshes every busy row of the page:
 * GET <data-rows-url>?ids=a,b,c answers {rows: {id: "<tr>"}, gone: [id]}.
 * Rows come back rendered by the same Horizon Row class as the full page.
 * Errors back off exponentially (capped); polling stops when no row is busy
 * and starts again when a row becomes busy (e.g. after a resize).
 */
(function () {
  'use strict';

  var BUSY_ROWS = 'tbody tr.warning[data-object-id]';

  function busyIds($table) {
    return $table.find(BUSY_ROWS).map(function () {
      return $(this).attr('data-object-id');
    }).get();
  }

  function rowOf($table, id) {
    return $table.find('tbody tr[data-object-id]').filter(function () {
      return $(this).attr('data-object-id') === id;
    });
  }

  function removeRow($table, $row) {
    var count = horizon.datatables.update_footer_count($table, -1);
    if (count === 0) {
      var template = horizon.templates.compiled_templates['#empty_row_template'];
      $row.replaceWith(template.render({
        colspan: $table.find('.table_column_header th').length,
        no_items_label: gettext('No items to display.')
      }));
    } else {
      $row.remove();
    }
  }

  function replaceRow($row, html) {
    var $new = $(html);
    // Keep a row alone while its action menu is open.
    if ($row.find('.actions_column .btn-group.open').length) { return; }
    if ($new.html() === $row.html()) { return; }
    var $checkbox = $row.find('.table-row-multi-select');
    if ($checkbox.length && $checkbox[0].checked) {
      $new.find('.table-row-multi-select').prop('checked', true);
    }
    $row.replaceWith($new);
  }

  function apply($table, answer) {
    $.each(answer.rows || {}, function (id, html) {
      rowOf($table, id).each(function () { replaceRow($(this), html); });
    });
    $.each(answer.gone || [], function (index, id) {
      rowOf($table, id).each(function () { removeRow($table, $(this)); });
    });
    $table.trigger('update');
    horizon.datatables.validate_button();
    if (horizon.datatables.qs && $table.attr('id') in horizon.datatables.qs) {
      horizon.datatables.qs[$table.attr('id')].cache();
    }
  }

  function Poller($container) {
    this.$container = $container;
    this.url = $container.attr('data-rows-url');
    this.base = parseInt($container.attr('data-poll-interval'), 10) || 2500;
    this.max = parseInt($container.attr('data-max-poll-interval'), 10) || 60000;
    this.failures = 0;
    this.timer = null;
    this.inFlight = false;
  }

  Poller.prototype.table = function () {
    return this.$container.find('table.datatable').first();
  };

  Poller.prototype.delay = function () {
    var wait = this.base * Math.pow(2, this.failures);
    return Math.min(wait, this.max);
  };

  Poller.prototype.schedule = function () {
    var self = this;
    if (self.timer || self.inFlight) { return; }
    if (!busyIds(self.table()).length) { return; }
    self.timer = setTimeout(function () {
      self.timer = null;
      self.poll();
    }, self.delay());
  };

  Poller.prototype.poll = function () {
    var self = this;
    var $table = self.table();
    var ids = busyIds($table);
    if (!ids.length) { return; }
    self.inFlight = true;
    self.$container.attr('data-polling', 'true');
    $.ajax({url: self.url, data: {ids: ids.join(',')}, dataType: 'json',
            cache: false})
      .done(function (answer) {
        self.failures = 0;
        self.$container.removeAttr('data-poll-error');
        apply($table, answer);
      })
      .fail(function () {
        self.failures += 1;
        self.$container.attr('data-poll-error', self.failures);
      })
      .always(function () {
        self.inFlight = false;
        self.$container.attr('data-polling', 'false');
        self.schedule();
      });
  };

  function start(root) {
    $(root).find('[data-rows-url]').each(function () {
      var $container = $(this);
      if ($container.data('clusterPoller')) { return; }
      var poller = new Poller($container);
      $container.data('clusterPoller', poller);
      poller.schedule();
      // A form post in the page (delete, resize) reloads it; rows that
      // became busy without reload are picked up on the next check.
      setInterval(function () { poller.schedule(); }, poller.base);
    });
  }

  horizon.addInitFunction(function () { start(document); });
  // A detail page's tab loaded after the page (the Nodegroups tab).
  horizon.tabs.addTabLoadFunction(start);
}());
