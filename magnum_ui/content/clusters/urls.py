from django.urls import include
from django.urls import re_path

from magnum_ui.content.clusters import action_views
from magnum_ui.content.clusters.certificates import urls as certificate_urls
from magnum_ui.content.clusters import views

urlpatterns = [
    re_path(r'^$', views.IndexView.as_view(), name='index'),
    re_path(r'^rows/$', views.RowsView.as_view(), name='rows'),
    re_path(r'^create/$', action_views.CreateView.as_view(), name='create'),
    re_path(r'^(?P<cluster_id>[^/]+)/$', views.DetailView.as_view(),
            name='detail'),
    re_path(r'^(?P<cluster_id>[^/]+)/resize/$',
            action_views.ResizeView.as_view(), name='resize'),
    re_path(r'^(?P<cluster_id>[^/]+)/upgrade/$',
            action_views.UpgradeView.as_view(), name='upgrade'),
    re_path(r'^(?P<cluster_id>[^/]+)/certificates/',
            include(certificate_urls)),
]
