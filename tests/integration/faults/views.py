"""The catalogue of the plugin's Magnum- and Heat-backed views and forms,
as the browser requests them, and the faults each is put under."""

from tests.integration.faults.forms import FIRST_CHOICE

FAULTS = ('refuse', 'hang', 'status:400', 'status:403', 'status:404',
          'status:409', 'status:500', 'status:503', 'malformed')
MAGNUM, HEAT = 'container-infra', 'orchestration'


class View(object):
    """One page or action of the plugin, as the browser requests it."""

    def __init__(self, key, path, user='demo', ajax=False, form=None,
                 heat=False, quiet_on_heat=False, rows=False,
                 reads_answer=True, all_faults=True, write=None):
        self.key = key
        self.path = path            # a format string over the world
        self.user = user
        self.ajax = ajax
        self.form = form            # POST: (a field of the form, changes)
        self.heat = heat            # also run under Heat faults
        self.quiet_on_heat = quiet_on_heat  # Heat is optional there
        self.rows = rows
        self.reads_answer = reads_answer
        self.all_faults = all_faults    # also posted with every call faulty
        # A form's call that must reach Magnum: (methods, path pattern).
        self.write = write

    def url(self, world):
        return self.path.format(**world)


CLUSTER = '/project/clusters/{ready}/'
TAB = CLUSTER + '?tab=cluster_details__'

# Modal views are requested both ways: as the page (a link opened on its
# own) and as the browser's modal loads and submits them (AJAX).
VIEWS = (
    View('clusters index', '/project/clusters/', heat=True,
         quiet_on_heat=True),
    View('row refresh', '/project/clusters/rows/?ids={ready},{busy}',
         ajax=True, heat=True, quiet_on_heat=True, rows=True),
    View('cluster detail', CLUSTER),
    View('tab overview', TAB + 'overview', ajax=True),
    View('tab nodegroups', TAB + 'nodegroups', ajax=True),
    View('tab progress', TAB + 'progress', ajax=True, heat=True),
    View('tab progress (busy)',
         '/project/clusters/{busy}/?tab=cluster_details__progress',
         ajax=True, heat=True),
    View('create cluster GET', '/project/clusters/create/'),
    View('templates index', '/project/cluster_templates/'),
    View('template detail', '/project/cluster_templates/{template}/'),
    View('create template GET', '/project/cluster_templates/create/'),
    View('create template GET (modal)', '/project/cluster_templates/create/',
         ajax=True),
    View('resize GET', CLUSTER + 'resize/'),
    View('resize GET (modal)', CLUSTER + 'resize/', ajax=True),
    View('upgrade GET', CLUSTER + 'upgrade/'),
    View('upgrade GET (modal)', CLUSTER + 'upgrade/', ajax=True),
    View('kubeconfig GET', CLUSTER + 'certificates/kubeconfig/'),
    View('kubeconfig GET (modal)', CLUSTER + 'certificates/kubeconfig/',
         ajax=True),
    View('CA download', CLUSTER + 'certificates/ca/'),
    View('admin clusters', '/admin/clusters/', user='admin'),
    View('admin cluster detail', '/admin/clusters/{ready}/', user='admin'),
    View('admin templates', '/admin/cluster_templates/', user='admin'),
    View('admin template detail', '/admin/cluster_templates/{template}/',
         user='admin'),
    View('admin quotas', '/admin/container_infra_quotas/', user='admin'),
    View('admin quota create GET (modal)',
         '/admin/container_infra_quotas/create/', user='admin', ajax=True),
    View('admin services', '/admin/container_infra_services/',
         user='admin'),
    # Forms: scraped in pass mode, posted under the fault.
    View('create cluster POST', '/project/clusters/create/',
         form=('name', {'name': '{tag}-new',
                        'cluster_template_id': '{template}'}),
         write=(('POST',), r'/v1/clusters$')),
    View('create template POST (modal)', '/project/cluster_templates/create/',
         ajax=True,
         form=('coe', {'name': '{tag}-tpl', 'image_id': FIRST_CHOICE}),
         write=(('POST',), r'/v1/clustertemplates$')),
    # With every call faulty these three fail where their GET does (the
    # cluster is read first): posted with the writes faulty only.
    View('resize POST (modal)', CLUSTER + 'resize/', ajax=True,
         all_faults=False, form=('node_count', {'node_count': '2'}),
         write=(('POST',), r'/v1/clusters/[^/]+/actions/resize$')),
    View('upgrade POST (modal)', CLUSTER + 'upgrade/', ajax=True,
         all_faults=False,
         form=('max_batch_size', {'cluster_template_id': '{new_template}'}),
         write=(('POST',), r'/v1/clusters/[^/]+/actions/upgrade$')),
    # Magnum's DELETE answer has no body to read: a 2xx is a success.
    View('delete POST', '/project/clusters/', reads_answer=False,
         form=(None, {'action': 'clusters__delete__{ready}'}),
         write=(('DELETE',), r'/v1/clusters/[^/]+$')),
    View('kubeconfig POST (modal)', CLUSTER + 'certificates/kubeconfig/',
         ajax=True, all_faults=False, form=('auth', {}),
         write=(('POST',), r'/v1/certificates$')),
    View('admin quota create POST (modal)',
         '/admin/container_infra_quotas/create/', user='admin', ajax=True,
         form=('hard_limit', {'hard_limit': '7',
                              'project_id': FIRST_CHOICE}),
         write=(('POST', 'PATCH'), r'/v1/quotas(/|$)')),
)
GETS = [v for v in VIEWS if not v.form]
ALL_FAULTS = [v for v in VIEWS if v.all_faults]
POSTS = [v for v in VIEWS if v.form]
HEAT_VIEWS = [v for v in VIEWS if v.heat]


def request(users, world, forms, view, label):
    """One request of ``view`` by its user (a POST: its scraped form)."""
    label = '%s | %s' % (view.key, label)
    if view.form:
        return users[view.user].post(view.url(world), forms[view.key],
                                     label=label)
    return users[view.user].get(view.url(world), ajax=view.ajax,
                                label=label)
