"""Form scraping: the fields a browser would submit, from a page."""

import html.parser


class _FormParser(html.parser.HTMLParser):
    """Every <form>: id, action, and the fields a browser would submit."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms = []
        self._form = None
        self._select = None
        self._options = []
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == 'form':
            self._form = {'id': attrs.get('id'), 'action': attrs.get('action'),
                          'fields': [], 'options': {}}
            self.forms.append(self._form)
        if self._form is None:
            return
        name = attrs.get('name')
        if tag == 'input' and name:
            kind = (attrs.get('type') or 'text').lower()
            if kind in ('submit', 'button', 'image', 'reset', 'file'):
                return
            if kind in ('checkbox', 'radio') and 'checked' not in attrs:
                return
            default = 'on' if kind in ('checkbox', 'radio') else ''
            self._form['fields'].append((name, attrs.get('value', default)))
        elif tag == 'select' and name:
            self._select = name
            self._options = []
        elif tag == 'option' and self._select:
            self._options.append((attrs.get('value', ''),
                                  'selected' in attrs))
        elif tag == 'textarea' and name:
            self._textarea = [name, '']

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == 'select' and self._select:
            chosen = [v for v, sel in self._options if sel] or \
                [v for v, _ in self._options[:1]]
            if chosen:
                self._form['fields'].append((self._select, chosen[0]))
            self._form['options'][self._select] = [
                v for v, _ in self._options]
            self._select = None
        elif tag == 'textarea' and self._textarea is not None:
            self._form['fields'].append(tuple(self._textarea))
            self._textarea = None
        elif tag == 'form':
            self._form = None


def forms_of(page):
    parser = _FormParser()
    parser.feed(page)
    return parser.forms


FIRST_CHOICE = object()   # in a form's changes: the first non-empty option


def form_with(page, field, changes=None):
    """The fields (a dict) of the first form that has ``field``, with
    ``changes`` applied.
    """
    for form in forms_of(page):
        fields = dict(form['fields'])
        if field in fields:
            for name, value in (changes or {}).items():
                if value is FIRST_CHOICE:
                    value = next(v for v in form['options'].get(name, ())
                                 if v)
                fields[name] = value
            return fields
    raise AssertionError('no form with a %r field' % field)
