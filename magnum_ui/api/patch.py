"""JSON-patch building for Magnum updates: only what changed is sent."""


def _empty(value):
    return value is None or value == '' or value == {} or value == []


def build_patch(current, wanted):
    """Patch operations turning ``current`` into ``wanted``.

    Only keys present in ``wanted`` are considered; unchanged values produce
    no operation. A value cleared to empty becomes ``remove``; a value on an
    attribute that had none is ``add`` (Magnum refuses ``add`` on an attribute
    that already has a value, and ``replace`` on one that has none).
    """
    operations = []
    for key in sorted(wanted):
        new = wanted[key]
        old = current.get(key)
        if new == old or (_empty(new) and _empty(old)):
            continue
        path = '/%s' % key
        if _empty(new):
            operations.append({'op': 'remove', 'path': path})
        elif old is None:
            operations.append({'op': 'add', 'path': path, 'value': new})
        else:
            operations.append({'op': 'replace', 'path': path, 'value': new})
    return operations
