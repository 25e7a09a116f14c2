"""Horizon tables that draw many rows at a time, drawn with less work.

Horizon renders each row's action menu as a template of its own with the
request: every context processor runs again, and the menu's template and
each included action template are looked up again (through Horizon's theme
loader, which reads the disk). Each cell asks its column for its URL three
times and flattens the same column attributes again. On a page of clusters
that is most of the page's time. These pieces keep Horizon's markup and
do each of those things once per table.
"""

import functools
import re

from django.template import context as template_context
from django.template import loader
from django.utils import safestring

from horizon.tables import base as horizon_tables
from oslo_utils import uuidutils

# Object ids that can stand for each other in a rendered menu (UUIDs): an
# id this long and plain appears in the markup only where the id belongs.
_SUBSTITUTABLE_ID = re.compile(r'[0-9a-fA-F-]{32,36}')
_LABEL_FOR = re.compile(r'<label for="([^"]+)"')


class ManyRowsTable(object):
    """A DataTable mixin: one template context per table for its rows and
    their action menus, and each distinct menu rendered once.

    A menu is the same markup for every row whose bound actions agree on
    their names, labels, help texts, attributes, classes and URLs (with
    the row's id taken out); the next such row gets that markup with its
    own id. Actions that change other things per row must not be used
    here.
    """

    _shared_context = None
    _templates = None
    _menus = None

    def _context(self, template):
        """One Context with the context processors' values."""
        if self._shared_context is None:
            context = template_context.make_context({}, self.request)
            with context.bind_template(template):
                values = context.flatten()
            self._shared_context = template_context.Context(
                values, autoescape=template.engine.autoescape)
        return self._shared_context

    def render_in_context(self, template_name, **values):
        if self._templates is None:
            self._templates = {}
        template = self._templates.get(template_name)
        if template is None:
            template = loader.get_template(template_name).template
            self._templates[template_name] = template
        context = self._context(template)
        with context.push(**values):
            return template.render(context)

    def render_row_actions(self, datum, row=False):
        if row:
            return super().render_row_actions(datum, row=True)
        actions = self.get_row_actions(datum)
        row_id = self.get_object_id(datum)
        key = _menu_key(actions, row_id)
        if self._menus is None:
            self._menus = {}
        if key in self._menus:
            model_id, markup = self._menus[key]
            return safestring.mark_safe(markup.replace(model_id, row_id))
        markup = self.render_in_context(
            self._meta.row_actions_dropdown_template,
            row_actions=actions, row_id=row_id)
        if key is not None:
            self._menus[key] = (row_id, markup)
        return markup


def _is_substitutable(object_id):
    return (isinstance(object_id, str)
            and _SUBSTITUTABLE_ID.fullmatch(object_id) is not None)


def _menu_key(actions, row_id):
    """What a row's menu markup depends on, or None: not to be reused."""
    if not _is_substitutable(row_id):
        return None
    return tuple(
        (action.name, _text(action.verbose_name),
         _text(getattr(action, 'help_text', '')),
         getattr(action, 'bound_url', '').replace(row_id, ''),
         tuple(sorted(action.attrs.items())), tuple(action.classes))
        for action in actions)


def _text(value):
    """A label as the template shows it (Horizon's may be a method)."""
    return str(value() if callable(value) else value)


class Cell(horizon_tables.Cell):
    """Horizon's cell; its URL asked once, its attributes flattened once
    per table for each column, link presence and status, and the row's
    selection checkbox rendered once per table (each row gets that markup
    with its own id and a new label id).
    """

    def get_data(self, datum, column, row):
        table = row.table
        object_id = table.get_object_id(datum)
        model = table.__dict__.get('_checkbox_model')
        if (column.auto != 'multi_select' or model is None
                or not _is_substitutable(object_id)
                or not row.can_be_selected(datum)):
            data = super().get_data(datum, column, row)
            if (column.auto == 'multi_select' and data
                    and _is_substitutable(object_id)):
                table._checkbox_model = (
                    object_id, _LABEL_FOR.search(data).group(1), data)
            return data
        model_id, model_label, markup = model
        data = safestring.mark_safe(
            markup.replace(model_id, object_id)
            .replace(model_label, uuidutils.generate_uuid()))
        table._data_cache[column][object_id] = data
        return data

    @functools.cached_property
    def url(self):
        return super().url

    @property
    def attr_string(self):
        if self.attrs or self.inline_edit_available:
            return super().attr_string
        key = (self.column.name, self.url is not None,
               self.status if self.column.status else None)
        memo = self.row.table.__dict__.setdefault('_cell_attr_strings', {})
        if key not in memo:
            memo[key] = super().attr_string
        return memo[key]


def remembered(action_name):
    """For a batch action's ``action_present`` and ``action_past``: the
    lazy name of each count made once. Horizon asks for both names on
    every row, and every new lazy string builds a class; the names stay
    lazy (Horizon keeps them on the table's shared action), so each is
    translated when shown.
    """
    return functools.lru_cache(maxsize=32)(action_name)
