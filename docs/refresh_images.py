"""Copy the screenshots the guides show from the end-to-end tests' output.

Every ``.. figure::``/``.. image::`` of ``docs/source`` naming
``images/<name>.png`` is refreshed from ``test-output/screenshots/<name>.png``
(or ``$MAGNUM_UI_SCREENSHOTS``) when the tests have taken it; otherwise the
committed copy stays. Exits 1 naming any picture found in neither place.
"""

import os
import re
import shutil
import sys

DOCS = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.join(DOCS, 'source')
IMAGES = os.path.join(SOURCE, 'images')
SCREENSHOTS = os.environ.get('MAGNUM_UI_SCREENSHOTS', os.path.join(
    os.path.dirname(DOCS), 'test-output', 'screenshots'))
DIRECTIVE = re.compile(r'^\s*\.\. (?:figure|image):: \S*images/(\S+\.png)\s*$',
                       re.MULTILINE)


def pictures():
    """The file names of the pictures the guides show."""
    found = set()
    for folder, _dirs, files in os.walk(SOURCE):
        for name in files:
            if name.endswith('.rst'):
                with open(os.path.join(folder, name), encoding='utf-8') as rst:
                    found.update(DIRECTIVE.findall(rst.read()))
    return sorted(found)


def main():
    os.makedirs(IMAGES, exist_ok=True)
    fresh, kept, missing = [], [], []
    for name in pictures():
        taken = os.path.join(SCREENSHOTS, name)
        target = os.path.join(IMAGES, name)
        if os.path.exists(taken):
            shutil.copyfile(taken, target)
            fresh.append(name)
        elif os.path.exists(target):
            kept.append(name)
        else:
            missing.append(name)
    print('docs images: %d from %s, %d committed copies'
          % (len(fresh), SCREENSHOTS, len(kept)))
    if missing:
        print('no screenshot and no committed copy of: %s (run make test-e2e)'
              % ', '.join(missing), file=sys.stderr)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
