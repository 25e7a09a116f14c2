"""Help texts: Horizon puts them in ``title="{{ field.help_text|safe }}"``.

Nothing escapes them there, so a help text must be HTML already: escaped
data (format_html) and no bare ``"``, which would end the attribute.
"""

import types

from django.urls import reverse

from openstack_dashboard.test import helpers

from magnum_ui.api import magnum
from tests.unit.content.project.clusters import base
from tests.unit import magnum_data
from tests.unit import markup
from tests.unit.markup import test_create_wizard

# What Horizon's _form_field_decorator.html gives a help icon.
HELP_ICON_ATTRIBUTES = {'class', 'data-toggle', 'data-placement', 'title'}


def help_icons(page):
    """The attributes of every help icon, as a browser reads them."""
    return [attrs for tag, attrs in markup.elements(page, 'span')
            if attrs.get('class') == 'help-icon']


class HelpTextMarkupTests(markup.InertAssertions, base.ClustersTestCase):
    def assertHelpTitlesWhole(self, page):
        icons = help_icons(page)
        self.assertTrue(icons, 'no help icon on the page')
        broken = [attrs for attrs in icons
                  if set(attrs) != HELP_ICON_ATTRIBUTES]
        self.assertEqual([], broken, 'a help text ended its title '
                         'attribute early')

    @helpers.create_mocks({magnum: ['cluster_get', 'nodegroup_list',
                                    'cluster_template_list']})
    def test_upgrade_form_help_titles_are_whole(self):
        """The control: a form whose help texts are plain words."""
        self.mock_cluster_get.return_value = magnum_data._cluster(
            name=markup.hostile('cname'))
        self.mock_nodegroup_list.return_value = []
        self.mock_cluster_template_list.return_value = []
        res = self.client.get(reverse(
            'horizon:project:clusters:operations:upgrade',
            args=[magnum_data.CLUSTER['uuid']]))
        self.assertPage(res, 'cname')
        self.assertHelpTitlesWhole(markup.body(res))

    @helpers.create_mocks(test_create_wizard.MOCKS)
    def test_labels_field_help_title_is_whole(self):
        """LabelsField's help text once held bare quotes, which ended
        Horizon's title attribute and made the rest junk attributes.
        """
        wizard = test_create_wizard.CreateWizardMarkupTests
        wizard.mock_choices(self)
        res = self.client.get(test_create_wizard.CREATE_URL)
        self.assertEqual(200, res.status_code)
        self.assertInert(markup.body(res))
        self.assertHelpTitlesWhole(markup.body(res))

    @helpers.create_mocks({magnum: ['cluster_get', 'cluster_template_get']})
    def test_sign_csr_help_title_is_whole(self):
        """SignCSRForm's help text once ended the title attribute at its
        first bare quote.
        """
        self.mock_cluster_get.return_value = magnum_data._cluster(
            name=markup.hostile('cname'))
        self.mock_cluster_template_get.return_value = \
            magnum_data._template()
        res = self.client.get(reverse(
            'horizon:project:clusters:certificates:sign_csr',
            args=[magnum_data.CLUSTER['uuid']]))
        self.assertPage(res, 'cname')
        self.assertHelpTitlesWhole(markup.body(res))

    @helpers.create_mocks({magnum: ['cluster_template_get', 'cluster_list']})
    def test_lock_reason_titles_with_hostile_names_are_whole(self):
        """The update wizard's lock reason names clusters (format_html)."""
        template = magnum_data._template()
        self.mock_cluster_template_get.return_value = template
        self.mock_cluster_list.return_value = [magnum_data._cluster(
            name=markup.hostile('cname'))]
        choices = types.SimpleNamespace
        with helpers.mock.patch(
                'openstack_dashboard.api.glance.image_list_detailed',
                return_value=([], False, False)), \
                helpers.mock.patch('openstack_dashboard.api.nova.'
                                   'flavor_list', return_value=[]), \
                helpers.mock.patch('openstack_dashboard.api.nova.'
                                   'keypair_list', return_value=[choices(
                                       name='demo-key')]), \
                helpers.mock.patch('openstack_dashboard.api.neutron.'
                                   'network_list', return_value=[]), \
                helpers.mock.patch('openstack_dashboard.api.neutron.'
                                   'network_list_for_tenant',
                                   return_value=[]):
            res = self.client.get(reverse(
                'horizon:project:cluster_templates:update',
                args=[template.id]))
        self.assertPage(res, 'cname')
        reason = ('Not editable: clusters use this template (%s).'
                  % markup.hostile('cname'))
        locked = [attrs for attrs in help_icons(markup.body(res))
                  if attrs.get('title') == reason]
        self.assertTrue(locked)
        for attrs in locked:
            self.assertEqual(HELP_ICON_ATTRIBUTES, set(attrs))
