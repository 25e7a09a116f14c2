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

import unicodedata

from django.core.exceptions import ValidationError
from django import forms
from django.utils.translation import gettext_lazy as _

from magnum_ui.content.common import label_types

# Blank lines and lines starting with '#' are ignored.
COMMENT = '#'


def _line_errors(text):
    labels = {}
    errors = []
    for number, raw in enumerate((text or '').splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith(COMMENT):
            continue
        shown = _printable(line)
        if '=' not in line:
            errors.append(ValidationError(
                _('Line %(line)d ("%(text)s"): "=" is missing; write '
                  'key=value.'),
                code='missing_equals',
                params={'line': number, 'text': shown}))
            continue
        key, value = line.split('=', 1)
        key, value = key.strip(), value.strip()
        if not key:
            errors.append(ValidationError(
                _('Line %(line)d ("%(text)s"): the key is empty.'),
                code='empty_key', params={'line': number, 'text': shown}))
            continue
        if any(char.isspace() for char in key):
            errors.append(ValidationError(
                _('Line %(line)d ("%(text)s"): the key "%(key)s" contains '
                  'a space.'),
                code='space_in_key',
                params={'line': number, 'text': shown, 'key': key}))
            continue
        if _has_control_character(key) or _has_control_character(value):
            errors.append(ValidationError(
                _('Line %(line)d: the label "%(key)s" contains a control '
                  'character (such as NUL); Magnum cannot store it.'),
                code='control_character',
                params={'line': number, 'key': _printable(key)}))
            continue
        if key in labels:
            errors.append(ValidationError(
                _('Line %(line)d: the key "%(key)s" is given twice.'),
                code='duplicate_key', params={'line': number, 'key': key}))
            continue
        wrong = label_types.value_error(key, value)
        if wrong:
            errors.append(ValidationError(
                _('Line %(line)d: %(reason)s'), code='wrong_type',
                params={'line': number, 'reason': wrong}))
            continue
        labels[key] = value
    return labels, errors


def _has_control_character(text):
    return any(unicodedata.category(char) == 'Cc' for char in text)


def _printable(text):
    return ''.join('?' if unicodedata.category(char) == 'Cc' else char
                   for char in text)


def parse_labels(text):
    """Return ``{key: value}`` from ``key=value`` lines.

    Raises ``django.core.exceptions.ValidationError`` listing every bad line
    (missing ``=``, empty key, space in key, a control character such as
    NUL, duplicate key, a value of the wrong type for a label Magnum's
    drivers read as a boolean or integer: ``label_types``), each message
    naming the line number.
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
