"""Markup stays inert: hostile names and texts render escaped everywhere.

Every hostile value is ``hostile(tag)``: a tag naming the field, then an
element payload and an attribute-breaking payload. A page passes when
neither payload occurs raw (``assertInert``) and the escaped value of each
field it shows does (``assertShown``), so a field that is not escaped, and
one that silently went missing, both fail.
"""

from html import parser as html_parser
import json

from django.contrib import messages as django_messages
from django.utils.html import escape

IMG = '<img src=x onerror=alert(1)>'
ATTR = '"><b>x</b>'
RAW = (IMG, ATTR, '<b>x</b>')
# Escaped: &lt;img src=x onerror=alert(1)&gt; and
# &quot;&gt;&lt;b&gt;x&lt;/b&gt;


def hostile(tag):
    """A value of field ``tag`` holding both payloads."""
    return '%s%s%s' % (tag, IMG, ATTR)


def escaped(tag):
    """``hostile(tag)`` as it must appear in HTML."""
    return escape(hostile(tag))


def body(response):
    return response.content.decode('utf-8')


def queued_messages(response):
    """The texts of the Horizon messages the response's request queued."""
    return [str(m) for m in
            django_messages.get_messages(response.wsgi_request)]


def ajax_messages(response):
    """Horizon's messages of an ajax response (X-Horizon-Messages)."""
    header = response.get('X-Horizon-Messages')
    return json.loads(header) if header else []


class InertAssertions:
    """Mixin of the markup tests' assertions."""

    def assertInert(self, text, where=''):
        for raw in RAW:
            self.assertNotIn(raw, text, '%s: raw %r rendered' % (where, raw))

    def assertShown(self, text, *tags):
        """Each tag's hostile value shows, escaped, in ``text``."""
        self.assertInert(text)
        for tag in tags:
            self.assertIn(escaped(tag), text, 'field %s not shown escaped'
                          % tag)

    def assertPage(self, response, *tags, status=200):
        self.assertEqual(status, response.status_code)
        self.assertShown(body(response), *tags)

    def assertOption(self, page, value, label):
        """The option of ``value`` exists, its value read back whole, and
        its label shows as text: ``label`` itself, or -- Horizon's
        ThemableSelectWidget escapes labels twice under Horizon's escape
        monkeypatch -- its escaped form, never markup.
        """
        self.assertInert(page)
        labels = option_labels(page, value)
        self.assertTrue(labels, 'no <option value=%r>' % value)
        for shown in labels:
            self.assertIn(shown, (label, escape(label)))

    def assertMessageEscaped(self, response, text):
        """A message holding ``text`` (raw in the message) shows escaped on
        the page that renders it, never raw.
        """
        page = body(response)
        self.assertInert(page, 'next page')
        self.assertIn(escape(text), page)

    def assertAjaxMessage(self, response, text):
        """An ajax response's message holds ``text`` and is not marked
        safe, so Horizon's JS escapes it.
        """
        found = [m for m in ajax_messages(response) if text in m[1]]
        self.assertTrue(found, ajax_messages(response))
        for _level, _message, extra in found:
            self.assertNotIn('safe', extra.split())


class _Elements(html_parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []
        self.options = []
        self._option = None

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))
        if tag == 'option':
            self._option = [dict(attrs).get('value'), '']
            self.options.append(self._option)

    def handle_startendtag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if tag == 'option':
            self._option = None

    def handle_data(self, data):
        if self._option is not None:
            self._option[1] += data


def elements(text, tag=None, **wanted):
    """(tag, attributes) of the elements of ``text`` -- attribute values as
    a browser reads them (entities decoded once) -- that have the ``wanted``
    attribute values.
    """
    reader = _Elements()
    reader.feed(text)
    reader.close()
    return [(name, attrs) for name, attrs in reader.found
            if (tag is None or name == tag) and
            all(attrs.get(key.replace('_', '-')) == value
                for key, value in wanted.items())]


def attribute(text, name, **wanted):
    """The value (as a browser reads it) of attribute ``name`` of the one
    element having the ``wanted`` attribute values.
    """
    found = elements(text, **wanted)
    assert len(found) == 1, (wanted, found)
    return found[0][1].get(name)


def option_labels(text, value):
    """The texts of the <option>s of ``value``, as a browser shows them."""
    reader = _Elements()
    reader.feed(text)
    reader.close()
    return [label.strip() for found, label in reader.options
            if found == value]
