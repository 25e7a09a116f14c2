"""Horizon stays up when Magnum or Heat misbehave: the fault suite.

The dashboard's Magnum and Heat traffic goes through sandbox.faultproxy
(the internal catalogue endpoints point at the proxies and the Horizon
under test uses that interface: see the proxy's docstring).  Under each
fault -- service stopped (connection refused), hung (accepts, never
answers), HTTP 400/403/404/409/500/503 answers, malformed JSON -- every
Magnum-backed view and action is requested through the real Horizon
(gunicorn, demo settings; API timeout 3 s, version timeout 2 s, failure
windows 3 s):

* each answer is a page (status < 500; only the row refresh may answer its
  designed 503, with a JSON error), without a traceback, within the API
  timeout + 5 s, and -- for a view that calls Magnum at all -- it tells the
  user that something failed;
* forms posted while Magnum fails the submission only (reads pass, writes
  faulty) come back with the failure, and nothing is created or changed;
* while Magnum hangs, six requests wait on it and /settings/ and
  /project/api_access/ still answer in < 3 s;
* once the fault ends, the clusters list works again (no restart) within
  the failure windows.

Heat-backed views (the Progress tab; the done/total count of a busy row)
run first, under the same faults on the Heat proxy, while a second cluster
is still being built: the tab explains, the list and the row refresh carry
on without the count.  Every answer is written to
test-output/faults-matrix.txt.  Gaps this suite finds in files it may not
change can be listed in matrix.KNOWN_GAPS: they are reported in the matrix,
and fail nothing, until they are fixed.

The package: ``conftest`` (the fixtures, one set-up for the suite),
``views`` (the catalogue of views and forms), ``run`` (running one fault),
``matrix`` (judging the answers, the matrix file), ``client`` (a logged-in
user over HTTP, the messages an answer shows), ``forms`` (form scraping),
``horizon`` (the Horizon under test, the limits), ``world`` (waiting for
and deleting clusters), ``settings`` (that Horizon's settings); the tests:
``test_heat_faults`` (runs first), ``test_magnum_faults``,
``test_magnum_outage``.
"""
