"""A fix for a Magnum 23 race, applied by sandbox/launch/magnum.py.

The conductor creates a cluster's row first and its master and worker
node groups right after, in separate transactions; the status sync
destroys the node groups first and the cluster row right after.  A cluster
list (or get) landing in between computes master_count = 0 from the
missing node groups, and the API type's minimum of 1 turns the whole list
into HTTP 400 "Invalid input for field/attribute master_count" -- seen
while 40 clusters were created or deleted at once.  Here a cluster caught
without node groups reports master_count as unknown (null) instead, for
those few milliseconds.
"""
from magnum.objects import cluster as cluster_object


def apply():
    original = cluster_object.Cluster.as_dict
    if getattr(original, 'sandbox_fixed', False):
        return

    def as_dict(self):
        data = original(self)
        if data.get('master_count') == 0:
            data['master_count'] = None
        return data

    as_dict.sandbox_fixed = True
    cluster_object.Cluster.as_dict = as_dict
