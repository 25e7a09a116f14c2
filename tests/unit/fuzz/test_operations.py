"""Fuzz: the resize and upgrade forms of a cluster."""

from django import forms
from hypothesis import example
from hypothesis import given
from hypothesis import strategies as st
from openstack_dashboard.test import helpers

from magnum_ui.api import magnum
from magnum_ui.api import versions
from tests.unit.content.project.clusters import base
from tests.unit.content.project.clusters import test_resize_upgrade as ops
from tests.unit import fuzz
from tests.unit import magnum_data

INDEX_URL = ops.INDEX_URL
OTHER_TEMPLATE = 'a1b2c3d4-0000-4000-8000-000000000002'
# Names Magnum hands back: shown in the page and offered as choices.
names = st.sampled_from(['demo-cluster', 'big-workers']) | \
    fuzz.nasty_text.filter(lambda text: text.strip())


def read_int(text):
    try:
        return forms.IntegerField().clean(text)
    except forms.ValidationError:
        return None


class OperationsFuzzTests(fuzz.FuzzMixin, base.ClustersTestCase):
    def setup_cluster(self, name, old_magnum):
        cluster = magnum_data._cluster(name=name)
        self.mock_cluster_get.return_value = cluster
        self.mock_api_version.return_value = (
            (1, 9) if old_magnum else versions.CLIENT_MAX_VERSION)
        return cluster

    def post(self, url, data, cluster):
        res = self.client.post(url, data, **fuzz.AJAX)
        fuzz.assert_no_500(self, res)
        fuzz.assert_no_raw_markup(self, res, dict(data, name=cluster.name))
        return res

    def refused(self, res, data, echo, service):
        service.assert_not_called()
        fuzz.assert_refused(self, res, res.context['form'].errors, data,
                            echo)

    @helpers.create_mocks({magnum: ['cluster_get', 'nodegroup_list',
                                    'cluster_resize']})
    @fuzz.FUZZ
    @given(changes=fuzz.overrides(['node_count', 'nodegroup'],
                                  fuzz.nasty_number | st.sampled_from(
                                      ['default-worker', 'big-workers',
                                       '4', '0'])),
           several=st.booleans(), old_magnum=st.booleans(),
           cluster_name=names, group_name=names)
    @example(changes={'node_count': str(2 ** 63)}, several=False,
             old_magnum=False, cluster_name='<img src=x onerror=alert(1)>',
             group_name='big-workers')
    @example(changes={'node_count': '  3 ', 'nodegroup': '"><b>fz</b>'},
             several=True, old_magnum=False, cluster_name='c',
             group_name='"><b>fz</b>')
    @example(changes={'node_count': '0'}, several=False, old_magnum=True,
             cluster_name='\u202e\U0001F680', group_name='g')
    @example(changes={'node_count': None, 'nodegroup': None}, several=True,
             old_magnum=False, cluster_name='c', group_name='g')
    @example(changes={'node_count': '4', 'nodegroup': 'default-worker'},
             several=True, old_magnum=False, cluster_name='c',
             group_name='g')
    def test_resize(self, changes, several, old_magnum, cluster_name,
                    group_name):
        cluster = self.setup_cluster(cluster_name, old_magnum)
        groups = self.nodegroups.list()
        if several:
            extra = ops.extra_worker_group()
            extra._apiresource.name = group_name
            groups = groups + [extra]
        self.mock_nodegroup_list.return_value = groups
        data = fuzz.merged({'node_count': '3'}, changes)
        shown = self.client.get(ops.url('resize', cluster.id), **fuzz.AJAX)
        fuzz.assert_no_raw_markup(self, shown, {'c': cluster_name,
                                                'g': group_name})
        res = self.post(ops.url('resize', cluster.id), data, cluster)

        count = read_int(data.get('node_count'))
        workers = [g for g in groups if g.role != 'master']
        chosen = data.get('nodegroup') if len(workers) > 1 else ''
        group = next((g for g in workers if g.name == chosen), None) \
            if chosen else (workers[0] if workers else None)
        ok = (count is not None and count >= (1 if old_magnum else 0) and
              (group is not None or not workers) and
              (group is None or group.min_node_count is None or
               count >= group.min_node_count) and
              (group is None or group.max_node_count is None or
               count <= group.max_node_count))
        if ok:
            fuzz.assert_redirected(self, res, INDEX_URL)
            self.mock_cluster_resize.assert_called_once_with(
                helpers.IsHttpRequest(), cluster.id, count,
                nodegroup=group.name if len(workers) > 1 else None)
        else:
            self.refused(res, data, ['node_count'], self.mock_cluster_resize)

    @helpers.create_mocks({magnum: ['cluster_get', 'nodegroup_list',
                                    'cluster_template_list',
                                    'cluster_upgrade']})
    @fuzz.FUZZ
    @given(changes=fuzz.overrides(
               ['cluster_template_id', 'max_batch_size', 'nodegroup'],
               fuzz.nasty_number | st.sampled_from(
                   [OTHER_TEMPLATE, magnum_data.TEMPLATE['uuid'],
                    'default-master', 'default-worker'])),
           old_magnum=st.booleans(), cluster_name=names,
           reason=fuzz.sometimes(fuzz.nasty_text))
    @example(changes={'max_batch_size': '1e9'}, old_magnum=False,
             cluster_name='"><b>fz</b>', reason=None)
    @example(changes={'cluster_template_id': magnum_data.TEMPLATE['uuid']},
             old_magnum=False, cluster_name='c', reason=None)
    @example(changes={'max_batch_size': str(2 ** 63),
                      'nodegroup': 'default-master'}, old_magnum=False,
             cluster_name='c', reason='<img src=x onerror=alert(1)>')
    def test_upgrade(self, changes, old_magnum, cluster_name, reason):
        cluster = self.setup_cluster(cluster_name, old_magnum)
        self.mock_cluster_upgrade.side_effect = None if reason is None \
            else base.magnum_error(400, reason)
        self.mock_nodegroup_list.return_value = self.nodegroups.list()
        self.mock_cluster_template_list.return_value = \
            self.cluster_templates.list()
        data = fuzz.merged({'cluster_template_id': OTHER_TEMPLATE,
                            'max_batch_size': '1'}, changes)
        res = self.post(ops.url('upgrade', cluster.id), data, cluster)

        batch = read_int(data.get('max_batch_size'))
        nodegroup = data.get('nodegroup', '')
        if (data.get('cluster_template_id') == OTHER_TEMPLATE and
                batch is not None and batch >= 1 and
                nodegroup in ('', 'default-master', 'default-worker')):
            self.mock_cluster_upgrade.assert_called_once_with(
                helpers.IsHttpRequest(), cluster.id, OTHER_TEMPLATE,
                max_batch_size=batch, nodegroup=nodegroup or None)
            if reason is None:
                fuzz.assert_redirected(self, res, INDEX_URL)
                return
            fuzz.assert_reason_shown(self, res, reason)
            fuzz.assert_refused(self, res,
                                res.context['form'].non_field_errors(),
                                data, ['max_batch_size'])
        else:
            self.refused(res, data, ['max_batch_size'],
                         self.mock_cluster_upgrade)

    @helpers.create_mocks({magnum: ['cluster_get', 'nodegroup_list',
                                    'cluster_resize']})
    @fuzz.FUZZ
    @given(reason=fuzz.nasty_text, cluster_name=names)
    @example(reason='<img src=x onerror=alert(1)>', cluster_name='c')
    @example(reason='%(exc)s %s 100%', cluster_name='%(exc)s')
    def test_refusal_from_magnum_keeps_the_form(self, reason, cluster_name):
        cluster = self.setup_cluster(cluster_name, False)
        self.mock_nodegroup_list.return_value = self.nodegroups.list()
        self.mock_cluster_resize.side_effect = base.magnum_error(400, reason)
        data = {'node_count': '3'}
        res = self.post(ops.url('resize', cluster.id), data, cluster)
        fuzz.assert_no_raw_markup(self, res, {'reason': reason})
        fuzz.assert_reason_shown(self, res, reason)
        fuzz.assert_refused(self, res,
                            res.context['form'].non_field_errors(), data,
                            ['node_count'])

    @helpers.create_mocks({magnum: ['cluster_get']})
    @fuzz.FUZZ
    @given(view=st.sampled_from(['resize', 'upgrade']),
           cluster_id=st.text(st.characters(
               blacklist_categories=('Cs', 'Cc'), blacklist_characters='/'),
               min_size=1),
           status=st.sampled_from([400, 403, 404, 500, 503]),
           reason=fuzz.nasty_text)
    @example(view='resize', cluster_id='%(exc)s <img src=x onerror=alert(1)>',
             status=404, reason='100% gone')
    def test_cluster_gone(self, view, cluster_id, status, reason):
        """Any cluster id in the URL, Magnum refusing it: a message."""
        self.mock_cluster_get.side_effect = base.magnum_error(status, reason)
        res = self.client.post(ops.url(view, cluster_id),
                               {'node_count': '1'}, **fuzz.AJAX)
        fuzz.assert_no_500(self, res)
        fuzz.assert_redirected(self, res, INDEX_URL)
