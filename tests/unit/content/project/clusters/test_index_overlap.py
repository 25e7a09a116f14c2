"""Clusters list page: its Magnum call overlaps the sidebar's drawing."""

import threading
from unittest import mock

from django.template.loader import render_to_string
from django.urls import reverse

from openstack_dashboard.test import helpers

from magnum_ui.api import magnum
from magnum_ui.content.project.clusters import views
from tests.unit.content.project.clusters import base

INDEX_URL = reverse('horizon:project:clusters:index')


class ListWhileSidebarTests(base.ClustersTestCase):
    """The page's one Magnum call runs while the sidebar is drawn."""

    @helpers.create_mocks({magnum: ['cluster_list', 'cluster_template_list',
                                    'stats_get', 'quota_get']})
    def test_magnum_answers_while_the_sidebar_is_drawn(self):
        sidebar_drawn = threading.Event()

        def listing(*args, **kwargs):
            # Answers only once the page went on to draw its sidebar.
            if not sidebar_drawn.wait(10):
                raise AssertionError('the sidebar waited for Magnum')
            return self.clusters.list()

        def draw(*args, **kwargs):
            markup = render_to_string(*args, **kwargs)
            sidebar_drawn.set()
            return markup

        self.mock_cluster_list.side_effect = listing
        self.mock_cluster_template_list.return_value = \
            self.cluster_templates.list()
        with mock.patch.object(views, 'render_to_string', side_effect=draw):
            res = self.client.get(INDEX_URL)
        self.assertContains(res, 'demo-cluster')
        self.assertContains(res, 'id="sidebar"', count=1)
        self.assertNotContains(res, 'Unable to retrieve clusters')
