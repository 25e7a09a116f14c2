"""Form fields of the nodegroup forms: node taints, node counts, and the
node labels and taints Magnum takes from API 1.14."""

from django.core.exceptions import ValidationError
from django import forms
from django.utils.translation import gettext_lazy as _

from magnum_ui.api import magnum
from magnum_ui.content.common import labels as labels_text

TAINT_EFFECTS = ('NoSchedule', 'PreferNoSchedule', 'NoExecute')


def _taint(line):
    head, _colon, effect = line.rpartition(':')
    key, _equals, value = head.partition('=')
    return {'key': key.strip(), 'value': value.strip(),
            'effect': effect.strip()}


def valid_taints(text):
    """The well-formed taint lines only (for the command preview)."""
    taints = [_taint(line.strip()) for line in (text or '').splitlines()
              if line.strip()]
    return [t for t in taints if t['key'] and t['effect'] in TAINT_EFFECTS]


def parse_taints(text):
    """``key[=value]:Effect`` lines -> Magnum's list of taint objects."""
    taints, problems = [], []
    for number, raw in enumerate((text or '').splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        taint = _taint(line)
        if ':' not in line or not taint['key'] or \
                taint['effect'] not in TAINT_EFFECTS:
            problems.append(ValidationError(
                _('Line %(line)d ("%(text)s"): write key=value:Effect, the '
                  'effect one of %(effects)s.'),
                params={'line': number, 'text': line,
                        'effects': ', '.join(TAINT_EFFECTS)}))
            continue
        taints.append(taint)
    if problems:
        raise ValidationError(problems)
    return taints


def format_taints(taints):
    return '\n'.join('%s=%s:%s' % (t.get('key'), t.get('value') or '',
                                   t.get('effect')) for t in taints or ())


class TaintsField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault('required', False)
        kwargs.setdefault('label', _('Node Taints'))
        kwargs.setdefault('help_text', _(
            'Kubernetes taints of every node, one per line as '
            'key=value:Effect (NoSchedule, PreferNoSchedule or NoExecute).'))
        kwargs.setdefault('widget', forms.Textarea(attrs={'rows': 3}))
        super().__init__(**kwargs)

    def prepare_value(self, value):
        return format_taints(value) if isinstance(value, list) else value

    def to_python(self, value):
        if isinstance(value, list):
            return value
        return parse_taints(super().to_python(value))


def node_labels_field():
    return labels_text.LabelsField(
        label=_('Node Labels'),
        help_text=_('Kubernetes labels of every node, one per line as '
                    'key=value.'),
        widget=forms.Textarea(attrs={'rows': 3}))


def add_node_attributes(form, request):
    """Node labels and taints where Magnum takes them (API 1.14)."""
    if magnum.supports(request, 'node_labels_taints'):
        form.fields['node_labels'] = node_labels_field()
        form.fields['node_taints'] = TaintsField()


def check_counts(form, cleaned, node_count):
    """Magnum's rule, said before asking it: min <= nodes <= max."""
    low = cleaned.get('min_node_count')
    high = cleaned.get('max_node_count')
    if low is not None and high is not None and low > high:
        form.add_error('max_node_count', _(
            'The maximum (%(high)d) is below the minimum (%(low)d).')
            % {'high': high, 'low': low})
        return
    if node_count is None:
        return
    if low is not None and node_count < low:
        form.add_error('min_node_count', _(
            'The minimum (%(low)d) is above the node count (%(count)d).')
            % {'low': low, 'count': node_count})
    if high is not None and node_count > high:
        form.add_error('max_node_count', _(
            'The maximum (%(high)d) is below the node count (%(count)d).')
            % {'high': high, 'count': node_count})
