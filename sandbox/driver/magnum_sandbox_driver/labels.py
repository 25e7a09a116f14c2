"""Labels the sandbox driver understands, parsed and validated (pure logic).

sandbox_boot_seconds    seconds a simulated node takes to create or update
                        (default 5)
sandbox_delete_seconds  seconds a simulated node takes to delete (default 2)
sandbox_fail_at         network | loadbalancer | master | worker: that part
                        of the cluster fails on create
sandbox_bulk            true: the cluster's stack is one Heat resource, no
                        simulated nodes (for creating hundreds of clusters)
sandbox_fail_delete     true: the first delete of the cluster fails
                        (DELETE_FAILED); deleting it again works
kube_tag                Kubernetes version the nodes "run" (coe_version)
containerd_version      container runtime version (container_version)
"""
import dataclasses
import re

BOOT_SECONDS = 'sandbox_boot_seconds'
DELETE_SECONDS = 'sandbox_delete_seconds'
FAIL_AT = 'sandbox_fail_at'
BULK = 'sandbox_bulk'
FAIL_DELETE = 'sandbox_fail_delete'
KUBE_TAG = 'kube_tag'
CONTAINERD = 'containerd_version'

FAIL_POINTS = ('network', 'loadbalancer', 'master', 'worker')
DEFAULT_BOOT_SECONDS = 5.0
DEFAULT_DELETE_SECONDS = 2.0
MAX_SECONDS = 3600.0
DEFAULT_KUBE_TAG = 'v1.30.4'
DEFAULT_CONTAINERD = '1.7.22'

_VERSION_RE = re.compile(
    r'^v?(\d+)\.(\d+)(?:\.(\d+))?([-+.][0-9A-Za-z.+-]*)?$')


class InvalidLabel(ValueError):
    """A label has a value the sandbox driver cannot use."""


@dataclasses.dataclass(frozen=True)
class Settings:
    boot_seconds: float = DEFAULT_BOOT_SECONDS
    delete_seconds: float = DEFAULT_DELETE_SECONDS
    fail_at: str = ''
    kube_tag: str = DEFAULT_KUBE_TAG
    containerd_version: str = DEFAULT_CONTAINERD
    bulk: bool = False
    fail_delete: bool = False


def _seconds(labels, key, default):
    raw = labels.get(key)
    if raw is None or str(raw).strip() == '':
        return default
    try:
        value = float(str(raw).strip())
    except ValueError:
        raise InvalidLabel('label %s=%r is not a number of seconds'
                           % (key, raw))
    if not 0 <= value <= MAX_SECONDS:
        raise InvalidLabel('label %s=%r must be between 0 and %d seconds'
                           % (key, raw, MAX_SECONDS))
    return value


def _flag(labels, key):
    raw = str(labels.get(key) or 'false').strip().lower()
    if raw not in ('true', 'false'):
        raise InvalidLabel('label %s=%r is not true or false'
                           % (key, labels.get(key)))
    return raw == 'true'


def _version(labels, key, default, what):
    value = str(labels.get(key) or default).strip()
    if version_key(value) is None:
        raise InvalidLabel('label %s=%r is not %s such as %s'
                           % (key, labels.get(key), what, default))
    return value


def version_key(tag):
    """(major, minor, patch) of a tag such as 'v1.30.4'; None if not one."""
    match = _VERSION_RE.match(str(tag or '').strip())
    if not match:
        return None
    return tuple(int(part or 0) for part in match.groups()[:3])


def parse(labels):
    """Settings from a labels dict; raise InvalidLabel, a readable message."""
    labels = labels or {}
    fail_at = str(labels.get(FAIL_AT) or '').strip().lower()
    if fail_at and fail_at not in FAIL_POINTS:
        raise InvalidLabel('label %s=%r is not one of %s'
                           % (FAIL_AT, labels.get(FAIL_AT),
                              ', '.join(FAIL_POINTS)))
    return Settings(
        boot_seconds=_seconds(labels, BOOT_SECONDS, DEFAULT_BOOT_SECONDS),
        delete_seconds=_seconds(labels, DELETE_SECONDS,
                                DEFAULT_DELETE_SECONDS),
        fail_at=fail_at,
        kube_tag=_version(labels, KUBE_TAG, DEFAULT_KUBE_TAG,
                          'a Kubernetes version'),
        containerd_version=_version(labels, CONTAINERD, DEFAULT_CONTAINERD,
                                    'a version'),
        bulk=_flag(labels, BULK),
        fail_delete=_flag(labels, FAIL_DELETE))


def refuses_delete(settings, status):
    """True for the first delete of a sandbox_fail_delete cluster.

    A delete asked again after it failed (the cluster is DELETE_FAILED)
    goes through, as a retry after an operator's fix would; so does one
    asked while that retry is deleting.
    """
    return settings.fail_delete and status not in ('DELETE_FAILED',
                                                   'DELETE_IN_PROGRESS')


def check_upgrade(current_tag, new_tag):
    """Raise InvalidLabel if current_tag -> new_tag is a downgrade."""
    new = version_key(new_tag)
    if new is None:
        raise InvalidLabel('the new template has %s=%r, not a Kubernetes '
                           'version' % (KUBE_TAG, new_tag))
    old = version_key(current_tag)
    if old is not None and new < old:
        raise InvalidLabel('downgrading %s from %s to %s'
                           % (KUBE_TAG, current_tag, new_tag))
