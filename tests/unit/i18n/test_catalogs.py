"""The committed message catalogs agree with each other."""

import glob
import os
import re
import unittest

from babel.messages import mofile

from tools import catalogs

JS_DIR = os.path.join(catalogs.REPO_ROOT, 'magnum_ui', 'static')
PLACEHOLDER = re.compile(r'%\(\w+\)[sd]|%[sd]')
JS_GETTEXT = re.compile(r'''\bgettext\(\s*(['"])((?:\\.|(?!\1).)*)\1''')


def _tuple(value):
    return tuple(value) if isinstance(value, (list, tuple)) else value


def translations(catalog):
    """(msgid, context) -> translation, for messages translated to other
    text than their msgid (Babel compiles an untranslated plural as its
    msgids).
    """
    found = {}
    for message in catalog:
        msgid, text = _tuple(message.id), _tuple(message.string)
        if msgid and any(text if isinstance(text, tuple) else [text]) and \
                text != msgid:
            found[msgid, message.context] = text
    return found


class CatalogTests(unittest.TestCase):
    def test_every_mo_is_its_po_compiled(self):
        sources = glob.glob(os.path.join(catalogs.LOCALE_DIR, '*',
                                         'LC_MESSAGES', '*.po'))
        self.assertEqual(2 * len(catalogs.DOMAINS), len(sources), sources)
        for source in sources:
            with open(source[:-3] + '.mo', 'rb') as compiled:
                self.assertEqual(
                    translations(catalogs.read(source)),
                    translations(mofile.read_mo(compiled)),
                    '%s: run make messages' % source)

    def test_pseudo_locale_marks_every_message_of_the_english_one(self):
        for domain in catalogs.DOMAINS:
            english = catalogs.read(catalogs.catalog_path(
                catalogs.SOURCE_LANGUAGE, domain))
            pseudo = catalogs.read(catalogs.catalog_path(
                catalogs.PSEUDO_LOCALE, domain))
            self.assertEqual(
                translations(catalogs.pseudo_catalog(english)),
                translations(pseudo), '%s: run make messages' % domain)
            for (msgid, _context), text in translations(pseudo).items():
                for singular, marked in zip(
                        msgid if isinstance(msgid, tuple) else (msgid,),
                        text if isinstance(text, tuple) else (text,)):
                    self.assertEqual(catalogs.mark(singular), marked)

    def test_placeholders_survive_the_pseudo_translation(self):
        english = catalogs.read(catalogs.catalog_path(
            catalogs.SOURCE_LANGUAGE, 'django'))
        formatted = [m for m in english if m.python_format]
        self.assertTrue(formatted)
        for message in catalogs.pseudo_catalog(english):
            if message.python_format and not message.pluralizable:
                self.assertEqual(PLACEHOLDER.findall(message.id),
                                 PLACEHOLDER.findall(message.string))

    def test_every_javascript_string_is_in_the_catalog(self):
        english = catalogs.read(catalogs.catalog_path(
            catalogs.SOURCE_LANGUAGE, 'djangojs'))
        found = set()
        for path in glob.glob(os.path.join(JS_DIR, '**', '*.js'),
                              recursive=True):
            with open(path) as script:
                found.update(match[1] for match in
                             JS_GETTEXT.findall(script.read()))
        self.assertTrue(found)
        self.assertEqual(set(), found - {m.id for m in english})
