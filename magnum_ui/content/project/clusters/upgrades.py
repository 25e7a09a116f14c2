"""Upgrade guardrails shared by the cluster and the nodegroup upgrade forms.

Kubernetes supports moving up one minor version at a time, never down: a
template whose ``kube_tag`` label goes down, or skips a minor version, is
refused before Magnum is asked. Only templates of the cluster's COE are
offered, each with its Kubernetes version. Nodegroups that run another
version than the cluster ("drift") are named so they can follow.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

KUBE_TAG = 'kube_tag'
_VERSION = re.compile(r'^v?(\d+)\.(\d+)(?:\.(\d+))?(?:[-+.][0-9A-Za-z.+-]*)?$')


def version_key(tag):
    """(major, minor, patch) of a tag such as 'v1.30.4'; None if not one."""
    match = _VERSION.match(str(tag or '').strip())
    if not match:
        return None
    return tuple(int(part or 0) for part in match.groups())


def template_tag(template):
    return ((template.labels or {}).get(KUBE_TAG) if template else None)


def cluster_tag(cluster, template=None):
    """The Kubernetes version a cluster runs: its template's, its label's,
    or what Magnum reports.
    """
    return (template_tag(template) or (cluster.labels or {}).get(KUBE_TAG)
            or cluster.coe_version)


def nodegroup_tag(nodegroup):
    return (nodegroup.labels or {}).get(KUBE_TAG) or nodegroup.version


def candidates(templates, current):
    """Templates a cluster on ``current`` may move to: the same COE, not
    hidden, not ``current`` itself; by Kubernetes version, then name.
    """
    coe = current.coe if current else None
    found = [t for t in templates
             if (current is None or t.uuid != current.uuid)
             and (coe is None or t.coe == coe) and not t.hidden]
    return sorted(found, key=lambda t: (version_key(template_tag(t)) or (),
                                        (t.name or t.uuid).lower()))


def choice_label(template):
    tag = template_tag(template)
    name = template.name or template.uuid
    if tag:
        return _('%(name)s (Kubernetes %(version)s)') % {
            'name': name, 'version': tag}
    return _('%s (Kubernetes version not given)') % name


def choices(templates, placeholder, none_text):
    if not templates:
        return [('', none_text)]
    return [('', placeholder)] + [(t.uuid, choice_label(t))
                                  for t in templates]


def refusal(current_tag, new_tag):
    """Why moving from ``current_tag`` to ``new_tag`` is refused, or None.

    Unknown versions are not judged: Magnum and its driver decide then.
    """
    old, new = version_key(current_tag), version_key(new_tag)
    if old is None or new is None:
        return None
    if new < old:
        return _('This is a downgrade from Kubernetes %(old)s to %(new)s; '
                 'Kubernetes cannot be downgraded.') % {
                     'old': current_tag, 'new': new_tag}
    if new[0] != old[0] or new[1] > old[1] + 1:
        return _('Kubernetes %(old)s cannot move to %(new)s at once: '
                 'upgrade one minor version at a time (to %(next)s first).'
                 ) % {'old': current_tag, 'new': new_tag,
                      'next': 'v%d.%d' % (old[0], old[1] + 1)}
    return None


def checked_choice(offered, current_tag, template_id):
    """The chosen template's id, or a ValidationError saying why not
    (a form's clean method of its template field).
    """
    reason = refusal(current_tag, template_tag(offered.get(template_id)))
    if reason:
        raise ValidationError(reason)
    return template_id


def drifted(nodegroups, tag):
    """Nodegroups whose Kubernetes version differs from ``tag``."""
    if not tag:
        return []
    return [ng for ng in nodegroups
            if nodegroup_tag(ng) and nodegroup_tag(ng) != tag]
