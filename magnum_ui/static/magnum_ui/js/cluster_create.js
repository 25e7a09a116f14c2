/**
 * The live parts of the cluster and cluster template wizards:
 *  - the equivalent `openstack coe ...` command (an element with
 *    data-cli-url), asked from the server as the fields change: it builds
 *    the command from the posted fields as it builds what it submits;
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

  function commandRefresher($form, $command) {
    var timer = null;
    var asked = 0;
    function ask() {
      asked += 1;
      var answer = asked;
      fetch($command.attr('data-cli-url'), {
        method: 'POST', body: new FormData($form[0]),
        credentials: 'same-origin',
        headers: {'X-Requested-With': 'XMLHttpRequest'}
      }).then(function (response) {
        return response.ok ? response.text() : null;
      }).then(function (text) {
        // A slow answer must not replace the one to a later question.
        if (text !== null && answer === asked) { $command.text(text); }
      }).catch(function () {});
    }
    return function () {
      if (!window.fetch) { return; }
      window.clearTimeout(timer);
      timer = window.setTimeout(ask, QUIET_MS);
    };
  }

  function init(root) {
    $(root).find('form').has('[data-cli-url]').each(function () {
      var $form = $(this);
      if ($form.data('magnumWizard')) { return; }
      $form.data('magnumWizard', true);
      var refreshCommand = commandRefresher(
        $form, $form.find('[data-cli-url]').first());
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
