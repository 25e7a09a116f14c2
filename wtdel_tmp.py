from magnumclient import client as magnum_client
from sandbox import api
from tests import conftest
ep = api.endpoints()
s = conftest.login(ep, 'demo')
m = magnum_client.Client('1', session=s, region_name=ep['region'], api_version='1.14')
for c in m.clusters.list():
    print(c.name, c.status); m.clusters.delete(c.uuid)
