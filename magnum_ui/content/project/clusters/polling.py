"""Settings of the batched row refresh (cluster_rows.js), for every table
of the panel that refreshes its busy rows."""

from django.conf import settings

# More ids than a page can show busy rows for is not a browser's request.
MAX_ROW_IDS = 200
# Longest back-off of the row poller (milliseconds).
MAX_POLL_INTERVAL = 60000


def poll_interval():
    config = getattr(settings, 'HORIZON_CONFIG', {})
    return config.get('ajax_poll_interval', 2500)


def context(rows_url):
    """What the template of a refreshed table gives its container."""
    return {'rows_url': rows_url, 'poll_interval': poll_interval(),
            'max_poll_interval': MAX_POLL_INTERVAL}


def requested_ids(request):
    """The distinct ids a row refresh asks for (?ids=a,b,c)."""
    ids = [i for i in request.GET.get('ids', '').split(',') if i]
    return list(dict.fromkeys(ids))[:MAX_ROW_IDS]
