"""A real OpenStack control plane on loopback for magnum_ui's demo and tests.

Keystone, Glance, Heat, Magnum, the Nova API and the Neutron server run as
local processes (one per service) over a private MariaDB; see README.md.

Command line (from the repository root)::

    .venv/bin/python -m sandbox up|down|status|reset

Python::

    from sandbox import api
    endpoints = api.ensure_up()     # start what is not running, return dict
    endpoints = api.endpoints()     # read what the last `up` recorded
"""
