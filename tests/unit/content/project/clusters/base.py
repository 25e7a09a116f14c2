"""Shared setup of the clusters panel tests."""

from unittest import mock

from django.core.cache import cache

from magnumclient import exceptions as magnum_exceptions

from tests.unit import helpers


def magnum_error(status, message):
    """A python-magnumclient error as Magnum's API answers it."""
    error = magnum_exceptions.from_response(
        mock.Mock(status_code=status, headers={}), message=message,
        method='POST', url='/v1/clusters')
    error.details = message
    return error


class ClustersTestCase(helpers.MagnumTestCase):
    def setUp(self):
        super().setUp()
        cache.clear()
        self.addCleanup(cache.clear)
        # Busy rows ask Heat for their progress: answered here, not by Heat.
        patcher = mock.patch(
            'magnum_ui.content.project.clusters.progress.loader.'
            'cluster_progress_summary', return_value=None)
        self.mock_progress = patcher.start()
        self.addCleanup(patcher.stop)
        # Nodegroups show flavor names from Nova: none known unless a test
        # says so (test_nodegroups), so ids show as they are.
        patcher = mock.patch(
            'magnum_ui.content.common.choices.flavors_by_id', return_value={})
        self.mock_flavors_by_id = patcher.start()
        self.addCleanup(patcher.stop)

    def cluster(self, index=0):
        return self.clusters.list()[index]


class ClustersAdminTestCase(helpers.MagnumAdminTestCase):
    def setUp(self):
        super().setUp()
        cache.clear()
        self.addCleanup(cache.clear)
