from django.urls import include
from django.urls import re_path

from magnum_ui.content.clusters import action_views
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
]

try:
    from magnum_ui.content.clusters.certificates import urls as _cert_urls
except ImportError:
    _cert_urls = None
if _cert_urls is not None:
    urlpatterns.append(re_path(r'^(?P<cluster_id>[^/]+)/certificates/',
                               include(_cert_urls)))
