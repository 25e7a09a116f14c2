"""Rotation views and the certificate actions' allowed() conditions."""

from django.contrib.messages import constants as message_levels
from django.urls import reverse
from openstack_dashboard.test import helpers

from magnum_ui.api import magnum
from magnum_ui.content.project.clusters.certificates import actions
from tests.unit.content.project.clusters.test_certificates import AJAX
from tests.unit.content.project.clusters.test_certificates \
    import CertificateViewTestCase
from tests.unit.content.project.clusters.test_certificates import magnum_error
from tests.unit.content.project.clusters.test_certificates import url
from tests.unit import helpers as magnum_helpers
from tests.unit import magnum_data


class RotationViewTests(CertificateViewTestCase):
    @helpers.create_mocks({magnum: ['cluster_get', 'certificate_rotate_ca']})
    def test_rotate_ca_confirmation_says_what_stops_working(self):
        self.mock_cluster_get.return_value = self.cluster
        res = self.client.get(url('rotate_ca', self.cluster), **AJAX)
        self.assertContains(res, 'What stops working')
        self.assertContains(res, 'every kubeconfig and client certificate')
        self.mock_certificate_rotate_ca.assert_not_called()

        res = self.client.post(url('rotate_ca', self.cluster), {})
        self.assertRedirectedToIndex(res)
        self.mock_certificate_rotate_ca.assert_called_once_with(
            helpers.IsHttpRequest(), self.cluster.uuid)
        self.assertMessageCount(success=1)

    @helpers.create_mocks({magnum: ['cluster_get', 'certificate_rotate_ca']})
    def test_rotate_ca_refused_by_magnum_shows_its_message(self):
        self.mock_cluster_get.return_value = self.cluster
        self.mock_certificate_rotate_ca.side_effect = magnum_error(
            'Rotating the CA certificate on a non-TLS cluster is not '
            'supported', 400)
        res = self.client.post(url('rotate_ca', self.cluster), {})
        self.assertFormFailed(res, 'Unable to rotate the CA of cluster',
                              'on a non-TLS cluster is not supported')

    @helpers.create_mocks({magnum: ['cluster_get', 'certificate_rotate_ca']})
    def test_rotate_ca_needs_api_1_5(self):
        self.mock_api_version.return_value = (1, 4)
        self.mock_cluster_get.return_value = self.cluster
        res = self.client.post(url('rotate_ca', self.cluster), {})
        self.assertRedirectedToIndex(res)
        self.mock_certificate_rotate_ca.assert_not_called()
        self.assertErrorMessage('does not support CA rotation')

    @helpers.create_mocks({magnum: ['cluster_get', 'credential_rotate']})
    def test_rotate_credentials(self):
        self.mock_cluster_get.return_value = self.cluster
        res = self.client.get(url('rotate_credentials', self.cluster),
                              **AJAX)
        self.assertContains(res, 'What stops working')
        self.assertContains(res, 'old credential is revoked')
        res = self.client.post(url('rotate_credentials', self.cluster), {})
        self.assertRedirectedToIndex(res)
        self.mock_credential_rotate.assert_called_once_with(
            helpers.IsHttpRequest(), self.cluster.uuid)
        self.assertEqual(
            [(message_levels.SUCCESS,
              'Rotated the credentials of cluster "%s".' % self.cluster.name)],
            self.messages())

    @helpers.create_mocks({magnum: ['cluster_get', 'credential_rotate']})
    def test_rotate_credentials_refusal_and_old_api(self):
        self.mock_cluster_get.return_value = self.cluster
        self.mock_credential_rotate.side_effect = magnum_error(
            'Credential rotation is not supported by driver.', 400)
        res = self.client.post(url('rotate_credentials', self.cluster), {})
        self.assertFormFailed(res, 'not supported by driver')

        self.mock_api_version.return_value = (1, 11)
        res = self.client.post(url('rotate_credentials', self.cluster), {})
        self.assertRedirectedToIndex(res)
        self.assertErrorMessage('does not support credential rotation')
        self.assertEqual(1, self.mock_credential_rotate.call_count)


class ActionTests(magnum_helpers.MagnumTestCase):
    def setUp(self):
        super().setUp()
        self.complete, self.busy, self.failed = self.clusters.list()

    def allowed(self, action_class, cluster):
        action = action_class()
        return action._allowed(self.request, cluster)

    def test_status_decides(self):
        updating = magnum_data._cluster(status='UPDATE_IN_PROGRESS')
        # (CREATE_COMPLETE, CREATE_IN_PROGRESS, CREATE_FAILED)
        expected = {
            actions.DownloadKubeconfig: (True, False, False),
            actions.ShowCA: (True, True, True),
            actions.SignCSR: (True, False, False),
            actions.RotateCA: (True, False, False),
            actions.RotateCredentials: (True, False, False),
        }
        for action_class, wanted in expected.items():
            got = tuple(self.allowed(action_class, c)
                        for c in (self.complete, self.busy, self.failed))
            with self.subTest(action=action_class.__name__):
                self.assertEqual(wanted, got)
        self.assertTrue(self.allowed(actions.RotateCredentials, updating))
        self.assertFalse(self.allowed(actions.RotateCA, updating))
        self.assertFalse(self.allowed(actions.DownloadKubeconfig, updating))

    def test_deleted_or_addressless_clusters(self):
        self.complete._apiresource.api_address = None
        self.assertFalse(self.allowed(actions.DownloadKubeconfig,
                                      self.complete))
        self.assertTrue(self.allowed(actions.SignCSR, self.complete))
        self.complete._apiresource.status = 'DELETE_IN_PROGRESS'
        self.assertFalse(self.allowed(actions.ShowCA, self.complete))

    def test_api_version_decides_rotations(self):
        self.mock_api_version.return_value = (1, 4)
        self.assertFalse(self.allowed(actions.RotateCA, self.complete))
        self.mock_api_version.return_value = (1, 5)
        self.assertTrue(self.allowed(actions.RotateCA, self.complete))
        self.assertFalse(self.allowed(actions.RotateCredentials,
                                      self.complete))
        self.mock_api_version.return_value = (1, 12)
        self.assertTrue(self.allowed(actions.RotateCredentials,
                                     self.complete))

    def test_policy_decides(self):
        denied = {'certificate:create': False, 'certificate:get': True,
                  'certificate:rotate_ca': False, 'credential:rotate': True}

        def check(rules, request, target=None):
            return all(denied.get(rule, True) for _, rule in rules)

        with self.settings(POLICY_CHECK_FUNCTION=check):
            self.assertFalse(self.allowed(actions.DownloadKubeconfig,
                                          self.complete))
            self.assertFalse(self.allowed(actions.SignCSR, self.complete))
            self.assertFalse(self.allowed(actions.RotateCA, self.complete))
            self.assertTrue(self.allowed(actions.ShowCA, self.complete))
            self.assertTrue(self.allowed(actions.RotateCredentials,
                                         self.complete))

    def test_certificate_rules_target_the_cluster_owner(self):
        seen = []

        def check(rules, request, target=None):
            seen.append((rules, target))
            return True

        with self.settings(POLICY_CHECK_FUNCTION=check):
            self.allowed(actions.SignCSR, self.complete)
            self.allowed(actions.RotateCredentials, self.complete)
        self.assertEqual({'project_id': self.complete.project_id,
                          'user_id': self.complete.user_id}, seen[0][1])
        self.assertEqual({}, seen[1][1])

    def test_member_of_the_project_passes_the_real_policy(self):
        for action_class in (actions.DownloadKubeconfig, actions.ShowCA,
                             actions.SignCSR, actions.RotateCA,
                             actions.RotateCredentials):
            with self.subTest(action=action_class.__name__):
                self.assertTrue(self.allowed(action_class, self.complete))

    def test_links_point_at_the_mounted_views(self):
        for action_class, name, tail in (
                (actions.DownloadKubeconfig, 'kubeconfig', 'kubeconfig/'),
                (actions.ShowCA, 'ca', 'ca/'),
                (actions.SignCSR, 'sign_csr', 'sign/'),
                (actions.RotateCA, 'rotate_ca', 'rotate_ca/'),
                (actions.RotateCredentials, 'rotate_credentials',
                 'rotate_credentials/')):
            with self.subTest(action=action_class.__name__):
                link = action_class().get_link_url(self.complete)
                self.assertEqual(reverse(
                    'horizon:project:clusters:certificates:%s' % name,
                    args=(self.complete.uuid,)), link)
                self.assertEqual('/project/clusters/%s/certificates/%s'
                                 % (self.complete.uuid, tail), link)
