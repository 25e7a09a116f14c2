"""Pseudo-locale checks: every user-visible string of ours is translated.

The pages render in the pseudo-locale ``en-xa`` (tools/catalogs.py): each
msgid of our catalogs comes back as ``⟦msgid⟧``. Horizon's and Django's
own strings come back as ``⟪msgid⟫`` from a pseudo catalog of Horizon's
and Django's messages, so what is left bare in the content area is a
string that never went through a catalog -- or data (names, ids,
numbers), which the checks remove first.
"""

import atexit
import functools
import os
import re
import shutil
import tempfile

from babel.messages import catalog as babel_catalog
import django
from django.test import utils as test_utils
from django.utils import translation
import horizon
import lxml.html
import openstack_dashboard
from openstack_dashboard.test.test_data import utils as test_data_utils

from tools import catalogs

LANGUAGE = catalogs.PSEUDO_LANGUAGE
FOREIGN_OPEN, FOREIGN_CLOSE = '\u27ea', '\u27eb'
# Horizon's and Django's strings: Horizon keeps no English catalog, its
# British one is the most complete.
FOREIGN_CATALOGS = [
    os.path.join(os.path.dirname(module.__file__), *path)
    for module, path in (
        (horizon, ('locale', 'en_GB', 'LC_MESSAGES', 'django.po')),
        (openstack_dashboard, ('locale', 'en_GB', 'LC_MESSAGES',
                               'django.po')),
        (django, ('conf', 'locale', 'en', 'LC_MESSAGES', 'django.po')))]
# Text of the content area that is neither ours nor translatable.
SKIPPED_ELEMENTS = ('script', 'style', 'pre', 'code', 'textarea', 'option')
SHOWN_ATTRIBUTES = ('title', 'placeholder', 'alt', 'aria-label',
                    'data-original-title')
DATA = re.compile(
    r'[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'
    r'|https?://\S+|\d[\d.:/+TZ-]*\w*|(?<=\d )UTC\b|\W+', re.IGNORECASE)
# A marked message, or the part of one in this text node when markup
# inside the message (a link, <code>) splits it over several nodes.
MARKED = re.compile('|'.join(
    '{0}[^{1}]*{1}|{0}[^{1}]*$|^[^{0}]*{1}'.format(opening, closing)
    for opening, closing in ((catalogs.OPEN, catalogs.CLOSE),
                             (FOREIGN_OPEN, FOREIGN_CLOSE))))


def _foreign_text(msgid):
    if isinstance(msgid, tuple):
        return tuple(_foreign_text(text) for text in msgid)
    return catalogs.mark(msgid, FOREIGN_OPEN, FOREIGN_CLOSE)


@functools.lru_cache(maxsize=None)
def locale_dir():
    """A LOCALE_PATHS folder with the compiled pseudo-locale: ours marked
    ⟦…⟧, Horizon's ⟪…⟫ (ours win where both have a msgid).
    """
    target = tempfile.mkdtemp(prefix='magnum-ui-pseudo-')
    atexit.register(shutil.rmtree, target, True)
    catalogs.write_pseudo_locale(target_dir=target, compiled=True)
    ours = catalogs.read(catalogs.catalog_path(
        catalogs.PSEUDO_LOCALE, 'django', target))
    merged = babel_catalog.Catalog(fuzzy=False)
    for message in ours:
        if message.id:
            merged[message.id] = message
    for path in FOREIGN_CATALOGS:
        for message in catalogs.read(path):
            if message.id and merged.get(message.id,
                                         message.context) is None:
                merged.add(message.id, _foreign_text(message.id),
                           context=message.context)
    catalogs.write_mo(merged, catalogs.catalog_path(
        catalogs.PSEUDO_LOCALE, 'django', target, ext='.mo'))
    return target


def pseudo_locale():
    """Settings that make ``en-xa`` the language of every request."""
    return test_utils.override_settings(
        LOCALE_PATHS=[locale_dir()], LANGUAGE_CODE=LANGUAGE,
        LANGUAGES=[(LANGUAGE, 'Pseudo')])


def strings_of(value, found=None):
    """Every string in ``value``'s dicts, lists and tuples (keys too)."""
    found = set() if found is None else found
    if isinstance(value, str):
        found.add(value)
    elif isinstance(value, dict):
        for key, item in value.items():
            strings_of(key, found)
            strings_of(item, found)
    elif isinstance(value, (list, tuple, set)):
        for item in value:
            strings_of(item, found)
    return found


def data_values(test):
    """Strings of the test data (names, ids, addresses) shown as data."""
    found = set()
    containers = [value for value in vars(test).values()
                  if isinstance(value, test_data_utils.TestDataContainer)]
    for container in containers:
        for item in container.list():
            # __dict__, not getattr: client resources load lazily.
            fields = getattr(item, '__dict__', {})
            resource = fields.get('_apiresource', item)
            if isinstance(resource, dict):  # Glance's images are dicts
                strings_of(dict(resource), found)
            fields = getattr(resource, '__dict__', {})
            strings_of(fields.get('_info') or fields, found)
    return found


def data_pattern(values):
    """One regex of the values, whole words only, longest first."""
    words = sorted((value for value in values if value.strip()),
                   key=len, reverse=True)
    if not words:
        return None
    return re.compile('|'.join(r'(?<!\w)%s(?!\w)' % re.escape(word)
                               for word in words))


def content(html):
    """The elements of a page that our templates fill."""
    document = lxml.html.document_fromstring(html)
    found = document.xpath('//*[@id="content_body"]')
    return found[0] if found else document


def shown_texts(element):
    """Every text node and shown attribute under ``element``."""
    for node in element.iter():
        if not isinstance(node.tag, str):
            continue
        if node.tag in SKIPPED_ELEMENTS:
            if node.tail:
                yield node.tail
            continue
        for name in SHOWN_ATTRIBUTES:
            # Horizon's themable select titles its button with the value.
            if node.get(name) and 'dropdown-toggle' not in node.get(
                    'class', ''):
                yield node.get(name)
        if node.text and node.getparent() is None or (
                node.text and not _skipped(node)):
            yield node.text
        if node.tail and not _skipped(node.getparent()):
            yield node.tail


def _skipped(node):
    while node is not None:
        if node.tag in SKIPPED_ELEMENTS:
            return True
        node = node.getparent()
    return False


def untranslated(html, data=None):
    """The texts of ``html``'s content area that went through no catalog;
    ``data``: a regex of the data values shown.
    """
    left = []
    for text in shown_texts(content(html)):
        rest = MARKED.sub(' ', text)
        if data is not None:
            rest = data.sub(' ', rest)
        rest = DATA.sub(' ', rest).strip()
        if re.search(r'[^\W\d_]{2}', rest):
            left.append(text.strip())
    return left


class PseudoLocaleMixin:
    """Requests in the pseudo-locale, and the check of their pages."""

    def setUp(self):
        super().setUp()
        settings = pseudo_locale()
        settings.enable()
        self.addCleanup(settings.disable)
        translation.activate(LANGUAGE)
        self.addCleanup(translation.deactivate)

    def assertTranslated(self, response, status=200, data=()):
        """Every text of the page's content area went through a catalog,
        or is data: the test data's strings, or those in ``data``.
        """
        self.assertEqual(status, response.status_code)
        html = response.content.decode('utf-8')
        self.assertIn(catalogs.OPEN, html, 'no string of ours at all')
        left = untranslated(html, data_pattern(data_values(self) | set(data)))
        self.assertEqual([], left, 'untranslated: %s' % left)
        return html
