"""The one error path: a backend failure becomes a Horizon message.

Every view, table action, form and wizard of the plugin reports a failed
Magnum, Heat, Nova, Neutron, Glance or Keystone call through these helpers,
so the message always reads "<what failed> <the service's own words>",
with those words exactly once, and never becomes an HTTP 500:

    handle(request, message, exc, redirect=None, escalate=False)
        a message (and the redirect, if given); for views and table actions
    form_failed(form, message, exc)
        the form comes back with the user's values and the message
    workflow_failed(workflow, message, exc, step_slug)
        the wizard comes back with the user's values and the message on
        the named step

Call them inside the ``except`` block that caught ``exc``.
"""

import logging

from horizon import exceptions
from horizon import forms

from magnum_ui.api import magnum

LOG = logging.getLogger(__name__)


def reason(exc):
    """The service's own words for ``exc``."""
    return magnum.error_message(exc)


def with_reason(message, exc):
    return '%s %s' % (message, reason(exc))


def _literal(message):
    """``message`` as Horizon shows it: Horizon %-formats a message holding
    ``%(exc)s``, which a cluster id or name in it may contain.
    """
    text = str(message)
    return text.replace('%', '%%') if '%(exc)s' in text else text


def _known(exc):
    return isinstance(exc, exceptions.UNAUTHORIZED + exceptions.NOT_FOUND +
                      exceptions.RECOVERABLE)


def handle(request, message, exc, redirect=None, escalate=False):
    """Horizon's ``exceptions.handle`` with the service's words added once.

    An exception Horizon does not know (a client library's surprise) is
    reported the same way instead of becoming an HTTP 500.
    """
    # The reason goes in the message itself, not in Horizon's "Details"
    # (hidden behind a link): what Magnum refused is the message.
    if _known(exc):
        return exceptions.handle(request, _literal(with_reason(message, exc)),
                                 redirect=redirect, escalate=escalate,
                                 details='')
    LOG.warning('Unexpected backend failure: %s', message, exc_info=exc)
    try:
        raise exceptions.NotAvailable(with_reason(message, exc)) from exc
    except exceptions.NotAvailable:
        return exceptions.handle(request, redirect=redirect,
                                 escalate=escalate, details='')


def form_failed(form, message, exc):
    """Keep the form and the user's values; show the failure on it."""
    LOG.info('%s: %s', message, exc)
    form.api_error(with_reason(message, exc))
    return False


def workflow_failed(workflow, message, exc, step_slug):
    """Keep the wizard and the user's values; the failure on a step."""
    LOG.info('%s: %s', message, exc)
    text = with_reason(message, exc)
    step = workflow.get_step(step_slug)
    step.add_step_error(text)
    step.has_errors = True
    raise forms.ValidationError(text)
