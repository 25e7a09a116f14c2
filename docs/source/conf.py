"""Sphinx configuration of the magnum_ui guides (``make docs``)."""

import os

DOCS_SOURCE = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.dirname(os.path.dirname(DOCS_SOURCE))

README = os.path.join(REPO_ROOT, 'README.md')
GENERATED = os.path.join(DOCS_SOURCE, '_generated')


def readme_install_section():
    """README's "## Install..." section (heading left out), for the
    operator guide to include as it stands; an error if it is gone.
    """
    with open(README, encoding='utf-8') as readme:
        lines = readme.read().splitlines()
    starts = [number for number, line in enumerate(lines)
              if line.startswith('## Install')]
    if not starts:
        raise RuntimeError('README.md has no "## Install..." section for '
                           'the operator guide')
    section = []
    for line in lines[starts[0] + 1:]:
        if line.startswith('## ') or line.startswith('# '):
            break
        section.append(line)
    return '\n'.join(section).strip() + '\n'


os.makedirs(GENERATED, exist_ok=True)
with open(os.path.join(GENERATED, 'readme_install.md'), 'w',
          encoding='utf-8') as generated:
    generated.write(readme_install_section())

project = 'magnum_ui'
copyright = 'magnum_ui developers'
author = 'magnum_ui developers'

extensions = ['myst_parser']  # for README.md's install section
source_suffix = {'.rst': 'restructuredtext'}
master_doc = 'index'
exclude_patterns = ['_generated']
language = 'en'
pygments_style = 'native'
# The included READMEs: their sections are not link targets, and their
# links point into the repository, not into these guides.
suppress_warnings = ['myst.header', 'myst.xref_missing']
myst_heading_anchors = 0

try:  # OpenStack's theme, as OpenStack projects build their docs
    import openstackdocstheme  # noqa: F401
except ImportError:
    html_theme = 'alabaster'
else:
    extensions.append('openstackdocstheme')
    html_theme = 'openstackdocs'
    # This repository is not on opendev.org: no bug links or git-derived
    # names and versions.
    openstackdocs_auto_name = False
    openstackdocs_auto_version = False
    openstackdocs_repo_name = ''
    openstackdocs_bug_project = ''
    openstackdocs_pdf_link = False

html_title = 'Container Infra panels for Horizon (magnum_ui)'
html_static_path = []
html_show_sourcelink = False
