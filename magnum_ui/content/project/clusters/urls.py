from django.urls import include
from django.urls import re_path

from magnum_ui.content.project.clusters.certificates \
    import urls as certificate_urls
from magnum_ui.content.project.clusters.create import urls as create_urls
from magnum_ui.content.project.clusters.nodegroups \
    import urls as nodegroup_urls
from magnum_ui.content.project.clusters.operations \
    import urls as operation_urls
from magnum_ui.content.project.clusters import views

CLUSTER = r'^(?P<cluster_id>[^/]+)/'

urlpatterns = [
    re_path(r'^$', views.IndexView.as_view(), name='index'),
    re_path(r'^rows/$', views.RowsView.as_view(), name='rows'),
    re_path(r'^usage/$', views.UsageView.as_view(), name='usage'),
    re_path(r'^create/', include((create_urls, 'create'))),
    re_path(CLUSTER + r'$', views.DetailView.as_view(), name='detail'),
    re_path(CLUSTER + r'nodegroups/',
            include((nodegroup_urls, 'nodegroups'))),
    re_path(CLUSTER + r'certificates/',
            include((certificate_urls, 'certificates'))),
    re_path(CLUSTER, include((operation_urls, 'operations'))),
]
