"""One backend call run in a thread while the request does other work.

A page that needs one slow call before it can draw its table starts the
call first, renders the parts of the page that do not depend on it (the
sidebar, which asks services of its own), then waits for the result. The
call keeps the service layer's timeout; its exception is raised where the
result is asked for, in the request's thread, so the page's one error path
handles it.
"""

import threading


class Call(object):
    """``func(*args)`` started now in its own thread; ``result()`` waits."""

    def __init__(self, func, *args):
        self._value = self._error = None
        self._thread = threading.Thread(target=self._run, args=(func, args),
                                        daemon=True)
        self._thread.start()

    def _run(self, func, args):
        try:
            self._value = func(*args)
        except Exception as exc:
            self._error = exc

    def result(self):
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._value
