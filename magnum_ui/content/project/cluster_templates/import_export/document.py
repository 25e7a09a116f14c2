"""A cluster template as a YAML document, and back.

The document is a mapping of Magnum attribute names, the ones
``openstack coe cluster template create`` sets (``TEMPLATE_FIELDS``):
no ids, timestamps, links or owners. ``labels`` is a mapping.

    export_text(template) -> str     the YAML of a template
    filename(template) -> str        a safe file name for it
    read(text) -> dict               the attributes of a document; raises
                                     ValidationError naming what is wrong
    form_data(attributes) -> QueryDict
                                     what the wizard's form posts for these
                                     attributes
"""

import re

from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _
import yaml

from magnum_ui.api.wrappers import TEMPLATE_FIELDS
from magnum_ui.content.common import cli
from magnum_ui.content.common import labels as labels_text

BOOLEANS = ('tls_disabled', 'public', 'hidden', 'registry_enabled',
            'master_lb_enabled', 'floating_ip_enabled')
LABEL_TEXTS = {True: 'true', False: 'false'}


def _present(value):
    return value not in (None, '', {})


def values(template):
    """The attributes a template sets, in the wizard's order."""
    result = {}
    for field in TEMPLATE_FIELDS:
        value = getattr(template, field)
        if _present(value):
            result[field] = dict(value) if field == 'labels' else value
    return result


def export_text(template):
    attributes = values(template)
    command = cli.template_create(attributes)
    header = [
        str(_('Cluster template "%s", Magnum attributes.')
            % (template.name or template.id)),
        str(_('Import it in the Cluster Templates panel, or run:')),
    ] + command.splitlines()
    return ''.join('# %s\n' % line for line in header) + yaml.safe_dump(
        attributes, sort_keys=False, default_flow_style=False,
        allow_unicode=True)


def filename(template):
    name = re.sub(r'[^A-Za-z0-9._-]+', '_', template.name or template.id)
    return '%s.yaml' % (name.strip('._') or 'cluster-template')


def _parse(text):
    try:
        document = yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise ValidationError(
            _('This is not valid YAML: %(problem)s (line %(line)d, column '
              '%(column)d).'),
            code='yaml', params={'problem': exc.problem or exc.context,
                                 'line': mark.line + 1,
                                 'column': mark.column + 1})
    except yaml.YAMLError as exc:
        raise ValidationError(_('This is not valid YAML: %s') % exc,
                              code='yaml')
    except RecursionError:
        raise ValidationError(_('The YAML is nested too deeply.'),
                              code='yaml_depth')
    if not isinstance(document, dict):
        raise ValidationError(
            _('The YAML must be a mapping of cluster template attributes, '
              'e.g. "name: k8s".'), code='not_mapping')
    return document


def _label_value(key, value):
    if isinstance(value, bool):
        return LABEL_TEXTS[value]
    if value is None:
        return ''
    if isinstance(value, (dict, list)):
        raise ValidationError(
            _('Label "%s": the value must be text, not a list or mapping.')
            % key, code='label_value')
    return str(value)


def _checked(key, value):
    """Raise if ``value`` cannot be the value of attribute ``key``."""
    if key == 'labels':
        if not isinstance(value, dict):
            raise ValidationError(
                _('"labels" must be a mapping, e.g. "labels: {kube_tag: '
                  'v1.30.1}".'), code='labels')
        return {str(k): _label_value(k, v) for k, v in value.items()}
    if key in BOOLEANS:
        if not isinstance(value, bool) and value is not None:
            raise ValidationError(
                _('"%(key)s" must be true or false, not "%(value)s".'),
                code='boolean', params={'key': key, 'value': value})
        return bool(value)
    if isinstance(value, (dict, list)):
        raise ValidationError(
            _('"%s" must be a single value, not a list or mapping.') % key,
            code='scalar')
    return value


def read(text):
    """The attributes of a YAML document, as Magnum names them."""
    document = _parse(text)
    unknown = sorted(str(key) for key in document
                     if key not in TEMPLATE_FIELDS)
    if unknown:
        raise ValidationError(
            _('Not cluster template attributes this wizard can set: '
              '%(unknown)s. It takes: %(known)s.'),
            code='unknown', params={'unknown': ', '.join(unknown),
                                    'known': ', '.join(TEMPLATE_FIELDS)})
    errors = []
    result = {}
    for key, value in document.items():
        try:
            result[key] = _checked(key, value)
        except ValidationError as exc:
            errors.append(exc)
    if errors:
        raise ValidationError(errors)
    return result


def form_data(attributes):
    """A QueryDict as the wizard's form posts ``attributes``: a checkbox
    only when checked, labels as ``key=value`` lines.
    """
    data = QueryDict(mutable=True)
    for name in TEMPLATE_FIELDS:
        value = attributes.get(name)
        if name in BOOLEANS:
            if value:
                data[name] = 'on'
        elif name == 'labels':
            data[name] = labels_text.format_labels(value)
        elif value is not None:
            data[name] = str(value)
    return data
