"""Render the configuration templates in sandbox/config/.

Templates use ``{{ name }}`` placeholders (so oslo.config's own ``$var`` and
Python ``%(x)s`` syntax pass through untouched).  A placeholder without a
value is an error, never an empty string.
"""
import os
import re

TEMPLATE_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                            'config')
_PLACEHOLDER = re.compile(r'\{\{\s*([a-z_][a-z0-9_]*)\s*\}\}')


def render(template, dest, **values):
    """Render sandbox/config/<template> into dest (mode 0600)."""
    with open(os.path.join(TEMPLATE_DIR, template)) as f:
        text = f.read()

    def value(match):
        key = match.group(1)
        if key not in values:
            raise KeyError('%s: no value for {{ %s }}' % (template, key))
        return str(values[key])

    text = _PLACEHOLDER.sub(value, text)
    os.makedirs(os.path.dirname(dest), exist_ok=True)
    tmp = dest + '.tmp'
    with open(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600),
              'w') as f:
        f.write(text)
    os.replace(tmp, dest)
    return dest
