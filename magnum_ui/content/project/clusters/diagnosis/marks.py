"""What the status cell of a cluster row adds: the cause of a failure as
the status's tooltip, the "done/total" of a busy stack and the stall mark.

Built only from the row's cluster (Magnum's list) and the row's Heat
summary the table already has: no call.
"""

from django.utils.html import format_html
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from magnum_ui.content.project.clusters.diagnosis import cause
from magnum_ui.content.project.clusters.diagnosis import stall

SHOWN_WAITING = 2


def when(moment):
    """A time as the user's timezone shows it."""
    if moment is None:
        return _('unknown')
    return timezone.localtime(moment).strftime('%Y-%m-%d %H:%M:%S %Z')


def waiting_text(stalled):
    """"A (since …), B (since …)" of what a stall still waits for."""
    return ', '.join(
        str(_('%(name)s (since %(since)s)') % {
            'name': item.name, 'since': when(item.since)})
        if item.since else item.name for item in stalled.waiting)


def stall_title(stalled):
    title = _('Nothing has changed since %(since)s (%(ago)s).') % {
        'since': when(stalled.since), 'ago': stalled.duration}
    if stalled.waiting and stalled.source == 'heat':
        title = '%s %s' % (title, _('Still in progress: %s.')
                           % waiting_text(stalled))
    return title


def stall_mark(stalled):
    names = [item.name for item in stalled.waiting[:SHOWN_WAITING]]
    more = len(stalled.waiting) - len(names)
    if stalled.source == 'heat' and names:
        text = _('Stalled, waiting for %s') % ', '.join(names)
        if more > 0:
            text = '%s %s' % (text, _('and %d more') % more)
    else:
        text = _('Stalled, no change for %s') % stalled.duration
    return format_html(
        '<div class="cluster-stalled text-warning" data-since="{}" '
        'title="{}"><span class="fa fa-hourglass-end" aria-hidden="true">'
        '</span> {}</div>',
        stalled.since.isoformat(), stall_title(stalled), text)


def failed_status(text, cluster):
    """The status of a failed cluster, its cause as the tooltip."""
    reason = cause.row_reason(cluster)
    if not reason:
        return text
    return format_html(
        '<span class="cluster-root-cause" data-toggle="tooltip" '
        'title="{}">{} <span class="fa fa-info-circle" aria-hidden="true">'
        '</span></span>', reason, text)


def busy_status(text, cluster, summary):
    """A busy cluster's status, its stack's "done/total" and stall mark."""
    html = text
    if summary is not None:
        html = format_html(
            '{} <span class="cluster-progress" title="{}">{}/{}</span>',
            text, _('Resources completed'), summary[0], summary[1])
    stalled = stall.from_row(cluster, summary)
    if stalled is not None:
        html = format_html('{}{}', html, stall_mark(stalled))
    return html
