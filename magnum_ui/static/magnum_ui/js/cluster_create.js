/**
 * The live parts of the cluster and cluster template wizards and of the
 * cluster forms (resize):
 *  - the equivalent `openstack coe ...` command (an element with
 *    data-cli-url), asked from the server as the fields change: it builds
 *    the command from the posted fields as it builds what it submits;
 *  - the quota projection (an element with data-preview-url): its table
 *    for the posted fields, from what the page was rendered with;
 *  - only the chosen fixed network's subnets (options with data-network);
 *  - in the cluster wizard, the summary of the chosen template.
 */
(function () {
  'use strict';

  var QUIET_MS = 300;  // typing pause before the command is asked for

  function filterSubnets($form) {
    var $network = $form.find('select.magnum-fixed-network');
    if (!$network.length) { return; }
    var network = $network.val();
    $form.find('select.magnum-fixed-subnet').each(function () {
      var subnet = this;
      $(subnet).find('option').each(function () {
        var owner = this.getAttribute('data-network');
        var hide = Boolean(owner) && owner !== network;
        this.hidden = hide;
        this.disabled = hide;
        if (hide && this.selected) { subnet.value = ''; }
      });
    });
  }

  function showTemplateSummary($form) {
    var chosen = $form.find('[name="cluster_template_id"]').val();
    $form.find('.cluster-template-summary').each(function () {
      $(this).toggle($(this).attr('data-template-id') === chosen);
    });
  }

  // Asks url with the form's fields; show(answer) puts it in the page.
  function refresher($form, url, show) {
    var timer = null;
    var asked = 0;
    function ask() {
      asked += 1;
      var answer = asked;
      fetch(url, {
        method: 'POST', body: new FormData($form[0]),
        credentials: 'same-origin',
        headers: {'X-Requested-With': 'XMLHttpRequest'}
      }).then(function (response) {
        return response.status === 200 ? response.text() : null;
      }).then(function (text) {
        // A slow answer must not replace the one to a later question.
        if (text !== null && answer === asked) { show(text); }
      }).catch(function () {});
    }
    return function () {
      if (!window.fetch) { return; }
      window.clearTimeout(timer);
      timer = window.setTimeout(ask, QUIET_MS);
    };
  }

  function refreshers($form) {
    var found = [];
    $form.find('[data-cli-url]').each(function () {
      var $command = $(this);
      found.push(refresher($form, $command.attr('data-cli-url'),
                           function (text) { $command.text(text); }));
    });
    $form.find('[data-preview-url]').each(function () {
      var $preview = $(this);
      // The server renders the partial (its own escaping).
      found.push(refresher($form, $preview.attr('data-preview-url'),
                           function (html) { $preview.html(html); }));
    });
    return function () {
      found.forEach(function (refresh) { refresh(); });
    };
  }

  function init(root) {
    $(root).find('form').has('[data-cli-url], [data-preview-url]')
        .each(function () {
      var $form = $(this);
      if ($form.data('magnumWizard')) { return; }
      $form.data('magnumWizard', true);
      var refreshCommand = refreshers($form);
      // jQuery handlers: Horizon's themable selects trigger jQuery events.
      $form.on('change', 'select.magnum-fixed-network', function () {
        filterSubnets($form);
      });
      $form.on('change input', 'input, select, textarea', function () {
        showTemplateSummary($form);
        refreshCommand();
      });
      filterSubnets($form);
      showTemplateSummary($form);
    });
  }

  horizon.addInitFunction(function () { init(document); });
  horizon.modals.addModalInitFunction(init);
}());
