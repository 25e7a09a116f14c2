"""URLs of objects, reversed once per process.

A page of rows asks for the same few URLs many times: Horizon asks a link
column for its cell's URL three times while drawing the cell. The URL of
a view and its arguments only changes with the deployment's script prefix,
which is part of the key.
"""

import functools

from django import urls

MAX_URLS = 4096


@functools.lru_cache(maxsize=MAX_URLS)
def _reverse(viewname, args, prefix):
    return urls.reverse(viewname, args=args)


def object_url(viewname, *args):
    """``reverse(viewname, args=args)``, remembered."""
    return _reverse(viewname, args, urls.get_script_prefix())
