"""Python entry points for tests and the demo launcher.

    from sandbox import api
    ep = api.ensure_up()       # start whatever is not running; endpoints dict
    ep = api.endpoints()       # what the last `up` recorded (no start)
    api.is_up()                # every service answers?
    api.down()

The dictionary (also in <state dir>/endpoints.json) holds ``auth_url``,
``region``, ``services`` (catalogue type -> URL), ``logins``
(admin/demo/alt -> username, password, project, role), ``ports``,
``state_dir``, ``port_offset`` and the names of the seeded images, flavors,
keypairs, networks and ClusterTemplate.  The state dir and port offset come
from ``$MAGNUM_UI_SANDBOX_DIR`` / ``$MAGNUM_UI_SANDBOX_PORT_OFFSET`` unless
passed explicitly.
"""
import os

from sandbox import control
from sandbox import state


def _layout(state_dir=None, port_offset=None, strict=False):
    return state.Layout(state_dir, port_offset, strict=strict)


def ensure_up(state_dir=None, port_offset=None):
    """Start the sandbox if needed (idempotent); return the endpoints."""
    return control.up(_layout(state_dir, port_offset, strict=True))


def endpoints(state_dir=None):
    """The endpoints recorded by the last successful `up`."""
    layout = _layout(state_dir)
    if not os.path.exists(layout.endpoints_file):
        raise RuntimeError('no sandbox recorded in %s: run `python -m '
                           'sandbox up`' % layout.root)
    return state.read_json(layout.endpoints_file)


def is_up(state_dir=None):
    rows = control.status(_layout(state_dir))
    return all(answers for _, _, answers, _, _, _ in rows)


def down(state_dir=None):
    control.down(_layout(state_dir))


def reset(state_dir=None):
    control.reset(_layout(state_dir))
