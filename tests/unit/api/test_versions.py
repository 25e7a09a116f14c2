from unittest import mock

from django.test import SimpleTestCase

from magnum_ui.api import versions


def headers(low, high):
    return {versions.MIN_HEADER: 'container-infra %s' % low,
            versions.MAX_HEADER: 'container-infra %s' % high}


class NegotiationTests(SimpleTestCase):
    def setUp(self):
        versions.forget_ranges()
        self.addCleanup(versions.forget_ranges)

    def test_parse_accepts_service_prefixed_and_bare_versions(self):
        self.assertEqual((1, 12), versions.parse('container-infra 1.12'))
        self.assertEqual((1, 4), versions.parse('1.4'))

    def test_parse_rejects_garbage(self):
        for text in (None, '', 'container-infra latest', '1'):
            with self.assertRaises(versions.VersionNegotiationError):
                versions.parse(text)

    def test_server_at_1_12_is_spoken_at_1_12(self):
        self.assertEqual((1, 12), versions.negotiate((1, 1), (1, 12)))

    def test_server_at_1_14_is_spoken_at_1_14(self):
        self.assertEqual((1, 14), versions.negotiate((1, 1), (1, 14)))

    def test_newer_server_is_spoken_at_the_clients_maximum(self):
        self.assertEqual(versions.CLIENT_MAX_VERSION,
                         versions.negotiate((1, 1), (1, 30)))

    def test_disjoint_ranges_fail_clearly(self):
        with self.assertRaises(versions.VersionNegotiationError):
            versions.negotiate((2, 0), (2, 5))

    def test_features_switch_off_below_their_version(self):
        at_1_11 = versions.negotiate((1, 1), (1, 11))
        self.assertTrue(versions.supports(at_1_11, 'nodegroups'))
        self.assertFalse(versions.supports(at_1_11, 'credentials'))
        at_1_12 = versions.negotiate((1, 1), (1, 12))
        self.assertTrue(versions.supports(at_1_12, 'credentials'))
        self.assertFalse(versions.supports((1, 6), 'resize'))
        self.assertTrue(versions.supports((1, 7), 'resize'))

    def test_range_is_fetched_once_per_endpoint_while_fresh(self):
        fetch = mock.Mock(return_value=headers('1.1', '1.12'))
        clock = mock.Mock(return_value=1000.0)
        for _ in range(3):
            found = versions.server_range('http://a/v1', fetch, now=clock)
        self.assertEqual(((1, 1), (1, 12)), found)
        fetch.assert_called_once_with('http://a/v1')
        versions.server_range('http://b/v1', fetch, now=clock)
        self.assertEqual(2, fetch.call_count)

    def test_range_is_fetched_again_when_stale(self):
        fetch = mock.Mock(side_effect=[headers('1.1', '1.12'),
                                       headers('1.1', '1.14')])
        clock = mock.Mock(return_value=0.0)
        versions.server_range('http://a/v1', fetch, now=clock)
        clock.return_value = versions.RANGE_TTL_SECONDS + 1
        self.assertEqual(((1, 1), (1, 14)),
                         versions.server_range('http://a/v1', fetch,
                                               now=clock))

    def test_cached_range_never_fetches(self):
        self.assertIsNone(versions.cached_range('http://a/v1'))
        fetch = mock.Mock(return_value=headers('1.1', '1.12'))
        versions.server_range('http://a/v1', fetch)
        self.assertEqual(((1, 1), (1, 12)),
                         versions.cached_range('http://a/v1'))
        self.assertIsNone(versions.cached_range('http://b/v1'))
        fetch.assert_called_once_with('http://a/v1')

    def test_cached_range_outlives_a_later_failure(self):
        fetch = mock.Mock(side_effect=[headers('1.1', '1.12'),
                                       versions.ServerUnavailable('down')])
        clock = mock.Mock(return_value=0.0)
        versions.server_range('http://a/v1', fetch, now=clock)
        clock.return_value = versions.RANGE_TTL_SECONDS + 1
        with self.assertRaises(versions.ServerUnavailable):
            versions.server_range('http://a/v1', fetch, now=clock)
        self.assertEqual(((1, 1), (1, 12)),
                         versions.cached_range('http://a/v1'))
