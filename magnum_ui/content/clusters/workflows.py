"""The create-cluster wizard (Details, Size, Network, Management, Labels)."""

import time

from django.utils.translation import gettext_lazy as _

from horizon import exceptions
from horizon import forms
from horizon import workflows

from magnum_ui.api import magnum
from magnum_ui.content.clusters import create_labels
from magnum_ui.content.clusters import create_steps
from magnum_ui import exceptions as magnum_exceptions

# Magnum's 4xx answers are about the values entered: they go back to the
# form. Anything else is reported as a failure.
CLIENT_ERROR_CODES = range(400, 500)
# Magnum's conductor writes the new cluster a moment after the API accepted
# it; the list the user is sent to should already show it.
APPEAR_WAIT_SECONDS = 5.0
APPEAR_POLL_SECONDS = 0.25


def wait_until_listed(request, cluster_id, sleep=time.sleep,
                      clock=time.monotonic):
    """True once Magnum answers for the new cluster (bounded wait)."""
    deadline = clock() + APPEAR_WAIT_SECONDS
    while True:
        try:
            magnum.cluster_get(request, cluster_id)
            return True
        except magnum_exceptions.NOT_FOUND:
            pass
        except Exception:
            return False
        if clock() >= deadline:
            return False
        sleep(APPEAR_POLL_SECONDS)


# Likewise a resize or upgrade is accepted before the conductor marks the
# cluster busy; the list the user returns to should show it busy, or its
# row would not be refreshed until the next page load.
BUSY_WAIT_SECONDS = 5.0


def wait_until_busy(request, cluster_id, sleep=time.sleep,
                    clock=time.monotonic):
    """True once Magnum reports the cluster *_IN_PROGRESS (bounded wait)."""
    deadline = clock() + BUSY_WAIT_SECONDS
    while True:
        try:
            if magnum.cluster_get(request, cluster_id).is_busy:
                return True
        except Exception:
            return False
        if clock() >= deadline:
            return False
        sleep(APPEAR_POLL_SECONDS)


class CreateCluster(workflows.Workflow):
    slug = 'create_cluster'
    name = _('Create Cluster')
    finalize_button_name = _('Create')
    success_message = _('Creation of cluster "%s" requested.')
    failure_message = _('Unable to create cluster "%s".')
    success_url = 'horizon:project:clusters:index'
    multipart = False
    default_steps = (create_steps.Details, create_steps.Size,
                     create_steps.Network, create_steps.Management,
                     create_labels.Labels)

    def format_status_message(self, message):
        return message % self.context.get('name', '')

    def handle(self, request, context):
        values = create_labels.create_values(context)
        try:
            self.object = magnum.cluster_create(request, **values)
        except magnum_exceptions.RECOVERABLE as exc:
            if getattr(exc, 'http_status', None) in CLIENT_ERROR_CODES:
                # Re-render the wizard with the user's values and Magnum's
                # reason on the first step.
                self.add_error_to_step(magnum.error_message(exc), 'details')
                raise forms.ValidationError(magnum.error_message(exc))
            exceptions.handle(request, _('Unable to create the cluster.'),
                              details=magnum.error_message(exc))
            return False
        except Exception as exc:
            exceptions.handle(request, _('Unable to create the cluster.'),
                              details=magnum.error_message(exc))
            return False
        wait_until_listed(request, self.object.id)
        return True
