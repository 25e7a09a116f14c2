/**
 * Create-cluster wizard: the chosen template's summary, and the equivalent
 * `openstack coe cluster create` command kept in step with the fields
 * (the server renders the same command; see content/clusters/cli.py).
 */
(function () {
  'use strict';

  var VALUE_OPTIONS = [
    ['cluster_template_id', '--cluster-template'], ['keypair', '--keypair'],
    ['master_count', '--master-count'], ['node_count', '--node-count'],
    ['master_flavor_id', '--master-flavor'], ['flavor_id', '--flavor'],
    ['docker_volume_size', '--docker-volume-size'],
    ['create_timeout', '--timeout'], ['fixed_network', '--fixed-network'],
    ['fixed_subnet', '--fixed-subnet']];
  var SWITCH_OPTIONS = [
    ['floating_ip_enabled', '--floating-ip-enabled', '--floating-ip-disabled'],
    ['master_lb_enabled', '--master-lb-enabled', '--master-lb-disabled']];

  // Python's shlex.quote.
  function quote(word) {
    if (word === '') { return "''"; }
    if (/^[\w@%+=:,.\/-]+$/.test(word)) { return word; }
    return "'" + word.replace(/'/g, "'\"'\"'") + "'";
  }

  function value($form, name) {
    var $field = $form.find('[name="' + name + '"]');
    if ($field.is(':checkbox')) { return $field.is(':checked'); }
    return $.trim($field.val() || '');
  }

  function labels($form) {
    var found = {};
    $.each(value($form, 'labels').split('\n'), function (i, line) {
      line = $.trim(line);
      if (!line || line.charAt(0) === '#' || line.indexOf('=') < 0) { return; }
      var at = line.indexOf('=');
      found[$.trim(line.slice(0, at))] = $.trim(line.slice(at + 1));
    });
    if (value($form, 'auto_healing_enabled')) { found.auto_healing_enabled = 'true'; }
    if (value($form, 'auto_scaling_enabled')) { found.auto_scaling_enabled = 'true'; }
    $.each(['min_node_count', 'max_node_count'], function (i, key) {
      if (value($form, key) !== '') { found[key] = value($form, key); }
    });
    return found;
  }

  function command($form) {
    var words = ['openstack', 'coe', 'cluster', 'create'];
    $.each(VALUE_OPTIONS, function (i, option) {
      var v = value($form, option[0]);
      if (v !== '') { words.push(option[1], v); }
    });
    $.each(SWITCH_OPTIONS, function (i, option) {
      var v = value($form, option[0]);
      if (v === 'true') { words.push(option[1]); }
      if (v === 'false') { words.push(option[2]); }
    });
    var found = labels($form);
    var keys = Object.keys(found).sort();
    $.each(keys, function (i, key) { words.push('--labels', key + '=' + found[key]); });
    if (keys.length && value($form, 'merge_labels')) { words.push('--merge-labels'); }
    words.push(value($form, 'name') || '<name>');
    return $.map(words, quote).join(' ');
  }

  function refresh($form) {
    var template = value($form, 'cluster_template_id');
    $form.find('.cluster-template-summary').each(function () {
      $(this).toggle($(this).attr('data-template-id') === template);
    });
    $form.find('#cluster-create-command').text(command($form));
  }

  function init(root) {
    $(root).find('form').has('#cluster-create-command').each(function () {
      var $form = $(this);
      $form.on('change keyup', 'input, select, textarea', function () {
        refresh($form);
      });
      refresh($form);
    });
  }

  horizon.addInitFunction(function () { init(document); });
  horizon.modals.addModalInitFunction(init);
}());
