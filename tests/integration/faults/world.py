"""The Magnum objects the fault suite works on: waiting for a cluster,
deleting one safely."""

import time

from magnumclient import exceptions as mc_exc

WAIT = 180
BUSY_SECONDS = 300  # how long the "busy" cluster builds


def wait_cluster(mc, ident, done):
    deadline = time.monotonic() + WAIT
    while True:
        try:
            cluster = mc.clusters.get(ident)
            if done(cluster):
                return cluster
            assert not cluster.status.endswith('FAILED'), cluster.status
        except mc_exc.NotFound:
            pass
        assert time.monotonic() < deadline, 'cluster %s not ready' % ident
        time.sleep(1)


def delete(mc, ident, timeout):
    """Delete the cluster and wait until Magnum no longer has it.

    A cluster still being built is deleted as it is: the sandbox's Heat
    cancels the create in progress after its ``error_wait_time`` (10 s).
    Should Magnum's status sync record the cancelled create (CREATE_FAILED)
    instead of the delete, or the delete fail, it is deleted again.
    """
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            status = mc.clusters.get(ident).status or ''
        except mc_exc.NotFound:
            return
        if status != 'DELETE_IN_PROGRESS':
            try:
                mc.clusters.delete(ident)
            except mc_exc.NotFound:
                return
            except mc_exc.ClientException:
                pass    # busy a moment longer: asked again
        time.sleep(2)
