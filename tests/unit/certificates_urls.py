"""Test-only urlconf: the certificates urls under their own namespace.

Lets the certificate views be tested whether or not the Clusters panel has
mounted them yet; the views reverse within whatever namespace they are in.
"""

from django import http
from django.urls import include
from django.urls import re_path
from openstack_dashboard import urls as dashboard_urls

NAMESPACE = 'certtest'


def index(request):
    return http.HttpResponse('cluster index')


_patterns = ([
    re_path(r'^$', index, name='index'),
    re_path(r'^(?P<cluster_id>[^/]+)/certificates/',
            include(('magnum_ui.content.project.clusters.certificates.urls',
                     'certificates'))),
], NAMESPACE)

urlpatterns = [
    re_path(r'^certtest/', include(_patterns)),
] + dashboard_urls.urlpatterns
