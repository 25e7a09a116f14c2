"""Readable form of a cluster's health_status_reason.

Magnum's Kubernetes monitor reports ``{"<node>.Ready": true, ...,
"api": "ok"}``; other drivers may report other checks. Each entry becomes
(subject, check, ok, text).
"""

import collections

from django.utils.translation import gettext_lazy as _

HealthCheck = collections.namedtuple('HealthCheck',
                                     ['subject', 'check', 'ok', 'text'])
GOOD_TEXTS = ('true', 'ok', 'healthy', 'ready')


def is_good(value):
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in GOOD_TEXTS


def health_checks(reason):
    if not isinstance(reason, dict):
        return []
    checks = []
    for key, value in sorted(reason.items(), key=lambda kv: str(kv[0])):
        key = str(key)
        if key == 'api':
            subject, check = _('API server'), _('health check')
        elif '.' in key:
            subject, check = key.rsplit('.', 1)
        else:
            subject, check = key, ''
        checks.append(HealthCheck(subject, check, is_good(value),
                                  str(value)))
    return checks
