"""Routing the dashboard through the proxies: the Keystone catalogue.

``route`` points the **internal** endpoints of container-infra and
orchestration at the proxies (the Horizon under test uses that interface);
``restore`` puts the URLs recorded in endpoints.json back.
"""

import urllib.parse

ROUTED_SERVICES = ('container-infra', 'orchestration')
INTERFACE = 'internal'


def _catalogue(session, auth_url):
    services = session.get(auth_url + '/services').json()['services']
    types = {s['id']: s['type'] for s in services}
    endpoints = session.get(auth_url + '/endpoints').json()['endpoints']
    return [(types.get(e['service_id']), e) for e in endpoints]


def set_urls(session, auth_url, urls, interface=INTERFACE):
    """Set {service type: URL} of ``interface`` endpoints; the old URLs."""
    old = {}
    for stype, endpoint in _catalogue(session, auth_url):
        if stype in urls and endpoint['interface'] == interface:
            old[stype] = endpoint['url']
            if endpoint['url'] != urls[stype]:
                session.patch(auth_url + '/endpoints/' + endpoint['id'],
                              json={'endpoint': {'url': urls[stype]}})
    missing = set(urls) - set(old)
    if missing:
        raise RuntimeError('no %s endpoint for %s in the catalogue'
                           % (interface, ', '.join(sorted(missing))))
    return old


def route(session, auth_url, proxies, real_urls, interface=INTERFACE):
    """Point ``interface`` endpoints at the proxies ({type: FaultProxy}).

    ``real_urls``: {type: the service's catalogue URL} (endpoints.json);
    the proxy URL keeps its path (``/v1``, ``/v1/%(tenant_id)s``).
    """
    urls = {}
    for stype, proxy in proxies.items():
        path = urllib.parse.urlsplit(real_urls[stype]).path
        urls[stype] = proxy.url + path
    set_urls(session, auth_url, urls, interface)
    return urls


def restore(session, auth_url, real_urls, interface=INTERFACE):
    """Put the recorded URLs of the routed services back."""
    return set_urls(session, auth_url,
                    {t: real_urls[t] for t in ROUTED_SERVICES}, interface)
