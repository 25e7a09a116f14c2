/**
 * A copy button beside every `openstack coe ...` command (pre.magnum-cli):
 * it copies the command as it reads now (previews change it).
 */
(function () {
  'use strict';

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    // Plain http: the clipboard API is absent, the old way still works.
    var area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    var done = document.execCommand('copy');
    document.body.removeChild(area);
    return done ? Promise.resolve() : Promise.reject();
  }

  function init(root) {
    $(root).find('pre.magnum-cli').each(function () {
      var pre = this;
      if ($(pre).data('magnumCopy')) { return; }
      $(pre).data('magnumCopy', true);
      var $button = $('<button type="button" class="btn btn-default btn-xs ' +
                       'magnum-cli-copy"></button>')
        .text(gettext('Copy'));
      $button.on('click', function () {
        copyText(pre.textContent).then(function () {
          $button.text(gettext('Copied'));
        }, function () {
          $button.text(gettext('Select the text to copy it'));
        });
        window.setTimeout(function () { $button.text(gettext('Copy')); },
                          2000);
      });
      $(pre).before($('<div class="magnum-cli-actions"></div>')
                    .append($button));
    });
  }

  horizon.addInitFunction(function () { init(document); });
  horizon.modals.addModalInitFunction(init);
}());
