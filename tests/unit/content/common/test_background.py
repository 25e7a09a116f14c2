"""A backend call in a thread while the request does other work."""

import threading
import unittest

from magnum_ui.content.common import background

WAIT = 10


class CallTests(unittest.TestCase):

    def test_runs_while_the_caller_works_and_returns_the_value(self):
        caller_working = threading.Event()

        def call(value):
            # Returns only once the caller went on with its own work.
            return value if caller_working.wait(WAIT) else None

        started = background.Call(call, 'clusters')
        caller_working.set()
        self.assertEqual('clusters', started.result())

    def test_the_error_is_raised_in_the_caller(self):
        def call():
            raise ValueError('Magnum said no')

        with self.assertRaisesRegex(ValueError, 'Magnum said no'):
            background.Call(call).result()
