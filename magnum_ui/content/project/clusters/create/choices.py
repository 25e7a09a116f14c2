"""Choice lists for the create wizard (Magnum, Nova and Neutron).

A failing service gives a single empty choice saying so; the rest of the
wizard keeps working.
"""

import logging

from django.utils.translation import gettext_lazy as _
from horizon.utils import memoized
from openstack_dashboard import api

from magnum_ui.api import magnum

LOG = logging.getLogger(__name__)


def _failed(message):
    LOG.warning('%s', message, exc_info=True)
    return [('', message)]


@memoized.memoized
def templates_by_id(request):
    """Templates this project may use, by uuid ({} when Magnum fails)."""
    try:
        templates = magnum.cluster_template_list(request)
    except Exception:
        LOG.warning('Unable to list cluster templates', exc_info=True)
        return {}
    return {t.uuid: t for t in templates if not t.hidden}


def template(request, template_id):
    return templates_by_id(request).get(template_id) if template_id else None


def templates(request):
    found = sorted(templates_by_id(request).values(),
                   key=lambda t: (t.name or t.uuid).lower())
    if not found:
        return [('', _('No cluster template available'))]
    return [('', _('Select a cluster template'))] + [
        (t.uuid, '%s (%s)' % (t.name or t.uuid, t.coe)) for t in found]


def keypairs(request):
    try:
        found = api.nova.keypair_list(request)
    except Exception:
        return _failed(_('Unable to load key pairs'))
    return [('', _('Key pair from the template'))] + [
        (k.name, k.name) for k in sorted(found, key=lambda k: k.name)]


def flavors(request, placeholder):
    try:
        found = api.nova.flavor_list(request)
    except Exception:
        return _failed(_('Unable to load flavors'))
    return [('', placeholder)] + [
        (f.name, f.name) for f in sorted(found, key=lambda f: f.name)]


def networks(request):
    try:
        found = api.neutron.network_list_for_tenant(
            request, request.user.project_id)
    except Exception:
        return _failed(_('Unable to load networks'))
    return [('', _('A new network for the cluster'))] + [
        (n.id, n.name or n.id) for n in found]


def subnets(request):
    try:
        found = api.neutron.subnet_list(request)
    except Exception:
        return _failed(_('Unable to load subnets'))
    return [('', _('A new subnet for the cluster'))] + [
        (s.id, '%s (%s)' % (s.name or s.id, s.cidr)) for s in found]
