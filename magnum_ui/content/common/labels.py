"""Labels as text: one ``key=value`` per line, parsed and validated.

Shared by the cluster template and cluster forms. Keys keep their case and
may contain ``.``, ``-``, ``/`` (e.g. ``k8s.io/role``). Values may contain
``=`` (only the first one separates key from value) and may be empty.

    parse_labels(text) -> dict        raises ValidationError (all bad lines)
    format_labels(mapping) -> str     the inverse, one line per key, sorted
    valid_labels(text) -> dict        the well-formed lines only, no errors
    LabelsField                       a forms.CharField (Textarea) cleaning
                                      to a dict
"""

from django.core.exceptions import ValidationError
from django import forms
from django.utils.translation import gettext_lazy as _

# Blank lines and lines starting with '#' are ignored.
COMMENT = '#'


def _line_errors(text):
    labels = {}
    errors = []
    for number, raw in enumerate((text or '').splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith(COMMENT):
            continue
        if '=' not in line:
            errors.append(ValidationError(
                _('Line %(line)d ("%(text)s"): "=" is missing; write '
                  'key=value.'),
                code='missing_equals',
                params={'line': number, 'text': line}))
            continue
        key, value = line.split('=', 1)
        key, value = key.strip(), value.strip()
        if not key:
            errors.append(ValidationError(
                _('Line %(line)d ("%(text)s"): the key is empty.'),
                code='empty_key', params={'line': number, 'text': line}))
            continue
        if any(char.isspace() for char in key):
            errors.append(ValidationError(
                _('Line %(line)d ("%(text)s"): the key "%(key)s" contains '
                  'a space.'),
                code='space_in_key',
                params={'line': number, 'text': line, 'key': key}))
            continue
        if key in labels:
            errors.append(ValidationError(
                _('Line %(line)d: the key "%(key)s" is given twice.'),
                code='duplicate_key', params={'line': number, 'key': key}))
            continue
        labels[key] = value
    return labels, errors


def parse_labels(text):
    """Return ``{key: value}`` from ``key=value`` lines.

    Raises ``django.core.exceptions.ValidationError`` listing every bad line
    (missing ``=``, empty key, space in key, duplicate key), each message
    naming the line number and its text.
    """
    labels, errors = _line_errors(text)
    if errors:
        raise ValidationError(errors)
    return labels


def valid_labels(text):
    """The labels of the well-formed lines only (for previews); no errors."""
    return _line_errors(text)[0]


def format_labels(labels):
    """Return ``key=value`` lines (sorted by key) for a dict; '' for none."""
    if not labels:
        return ''
    return '\n'.join('%s=%s' % (key, '' if value is None else value)
                     for key, value in sorted(labels.items()))


class LabelsField(forms.CharField):
    """A textarea of ``key=value`` lines whose cleaned value is a dict."""

    default_help_text = _('One label per line as key=value, e.g. '
                          'kube_tag=v1.30.1. Keys keep their case and may '
                          'contain dots, dashes and slashes.')

    def __init__(self, **kwargs):
        kwargs.setdefault('required', False)
        kwargs.setdefault('help_text', self.default_help_text)
        kwargs.setdefault('widget', forms.Textarea(attrs={'rows': 6}))
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, dict):
            return format_labels(value)
        return value

    def to_python(self, value):
        if isinstance(value, dict):
            return value
        return parse_labels(super().to_python(value))
