"""Recorded sandbox answers (tests/unit/fixtures, record_diagnosis.py) as
the wrappers and Progress the panel code works on."""

import datetime
import json
import os

from magnumclient.v1 import clusters as clusters_module
from magnumclient.v1 import nodegroups as nodegroups_module

from magnum_ui.api import wrappers
from magnum_ui.content.project.clusters.progress import model
from tests.unit.content.project.clusters import heat_fake

MAGNUM = os.path.join(os.path.dirname(heat_fake.FIXTURES), 'magnum')


def _load(name):
    with open(os.path.join(MAGNUM, name + '.json')) as f:
        return json.load(f)


def cluster(name, **changes):
    """cluster_<name>.json: stalled, failed_worker, failed_worker_again,
    failed_master, delete_failed.
    """
    info = dict(_load('cluster_' + name), **changes)
    return wrappers.Cluster(clusters_module.Cluster(None, info, loaded=True))


def nodegroups(name):
    return [wrappers.Nodegroup(nodegroups_module.NodeGroup(
        None, info, loaded=True)) for info in _load('nodegroups_' + name)]


def heat(scenario):
    """(stack, resources, events) dicts of sandbox_<scenario>_*.json."""
    return (heat_fake.fixture('%s_stack.json' % scenario)['stack'],
            heat_fake.fixture('%s_resources.json' % scenario)['resources'],
            heat_fake.fixture('%s_events.json' % scenario)['events'])


def progress(scenario, for_cluster=None):
    return model.build_progress(*heat(scenario), cluster=for_cluster)


def after(text, seconds):
    """``seconds`` after a recorded ISO time, as an aware datetime."""
    moment = datetime.datetime.fromisoformat(text.replace('Z', '+00:00'))
    return moment + datetime.timedelta(seconds=seconds)
