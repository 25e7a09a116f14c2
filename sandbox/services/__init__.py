"""The sandbox's services, in start order."""
from sandbox.services.glance import Glance
from sandbox.services.heat import Heat
from sandbox.services.keystone import Keystone
from sandbox.services.magnum import Magnum
from sandbox.services.neutron import Neutron
from sandbox.services.nova import Nova

ALL = (Keystone, Glance, Heat, Magnum, Nova, Neutron)
NAMES = tuple(cls.name for cls in ALL)


def all_services(layout):
    return [cls(layout) for cls in ALL]
