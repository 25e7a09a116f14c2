/**
 * The clusters page's usage picture, loaded after the page is shown.
 *
 * When the picture is not cached the page renders a placeholder
 * (#cluster-usage[data-usage-url]) instead of waiting for Magnum's stats
 * and quota; this fetches the rendered fragment and puts it in its place.
 * An empty answer (Magnum has no stats) removes the placeholder; a failure
 * leaves a short message in it.
 */
(function () {
  'use strict';

  function failed($box) {
    $box.removeAttr('data-usage-url').attr('data-usage-error', 'true')
      .empty()
      .append($('<p class="cluster-usage-error text-muted"></p>')
        .text(gettext('Usage could not be loaded.')));
  }

  function load($box) {
    $.ajax({url: $box.attr('data-usage-url'), dataType: 'html', cache: false})
      .done(function (html) {
        var $picture = $($.parseHTML($.trim(html || '')))
          .filter('#cluster-usage');
        if ($picture.length) {
          $box.replaceWith($picture.first());
        } else {
          $box.remove();
        }
      })
      .fail(function () { failed($box); });
  }

  horizon.addInitFunction(function () {
    $('#cluster-usage[data-usage-url]').each(function () { load($(this)); });
  });
}());
