"""Message catalogs: the pseudo-locale, and compiling catalogs with Babel.

``make messages`` extracts the English catalogs with Django's makemessages
(domain ``django`` for Python and templates, ``djangojs`` for the
JavaScript Horizon serves through its jsi18n view), then runs
``python -m tools.catalogs``, which writes the pseudo-locale -- every msgstr
is its msgid between markers, placeholders untouched, so a page shown in
that locale marks every string that went through our catalog and leaves
bare every one that did not -- and compiles every .po into its .mo.

The .mo files are committed: pbr builds the wheel from what git tracks,
with no compile step of its own, and Babel compiles them in pure Python
(no GNU gettext needed). tests/unit/i18n/test_catalogs.py fails when a
.mo no longer matches its .po.
"""

import copy
import os
import re

from babel.messages import mofile
from babel.messages import pofile

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LOCALE_DIR = os.path.join(REPO_ROOT, 'magnum_ui', 'locale')
DOMAINS = ('django', 'djangojs')
SOURCE_LANGUAGE = 'en'
# Django language code en-xa; no real language uses the XA region.
PSEUDO_LOCALE = 'en_XA'
PSEUDO_LANGUAGE = 'en-xa'
OPEN, CLOSE = '\u27e6', '\u27e7'


def catalog_path(locale, domain, locale_dir=LOCALE_DIR, ext='.po'):
    return os.path.join(locale_dir, locale, 'LC_MESSAGES', domain + ext)


# The argument of Django's yesno filter, e.g. "Enabled,Disabled,-": each
# choice is marked, as the filter shows one of them.
YESNO = re.compile(r'[^,\s][^,]*(,[^,\s][^,]*){1,2}')


def mark(text, opening=OPEN, closing=CLOSE):
    if not text:
        return text
    if YESNO.fullmatch(text):
        return ','.join(opening + part + closing for part in text.split(','))
    return opening + text + closing


def read(path):
    with open(path, 'rb') as source:
        return pofile.read_po(source)


def pseudo_catalog(catalog):
    """A copy of ``catalog`` whose every translation is its marked msgid."""
    pseudo = copy.deepcopy(catalog)
    pseudo.fuzzy = False
    for message in pseudo:
        if not message.id:
            continue
        message.flags.discard('fuzzy')
        if message.pluralizable:
            singular, plural = message.id
            message.string = (mark(singular),) + (mark(plural),) * (
                pseudo.num_plurals - 1)
        else:
            message.string = mark(message.id)
    return pseudo


def write_po(catalog, path):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'wb') as out:
        pofile.write_po(out, catalog, width=79, omit_header=False)


def write_mo(catalog, path):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'wb') as out:
        mofile.write_mo(out, catalog)


def write_pseudo_locale(locale_dir=LOCALE_DIR, target_dir=None,
                        compiled=False):
    """Write the pseudo-locale of every domain (and its .mo if asked)."""
    target_dir = target_dir or locale_dir
    for domain in DOMAINS:
        source = catalog_path(SOURCE_LANGUAGE, domain, locale_dir)
        pseudo = pseudo_catalog(read(source))
        write_po(pseudo, catalog_path(PSEUDO_LOCALE, domain, target_dir))
        if compiled:
            write_mo(pseudo, catalog_path(PSEUDO_LOCALE, domain, target_dir,
                                          ext='.mo'))


def compile_all(locale_dir=LOCALE_DIR):
    """Compile every catalog of ``locale_dir`` (.po) into its .mo."""
    for language in sorted(os.listdir(locale_dir)):
        for domain in DOMAINS:
            source = catalog_path(language, domain, locale_dir)
            if os.path.exists(source):
                write_mo(read(source), source[:-3] + '.mo')


def main():
    write_pseudo_locale()
    compile_all()


if __name__ == '__main__':
    main()
