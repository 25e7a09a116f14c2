from django.urls import include
from django.urls import re_path

from magnum_ui.content.admin.clusters.triage import urls as triage_urls
from magnum_ui.content.admin.clusters import views

urlpatterns = [
    re_path(r'^$', views.IndexView.as_view(), name='index'),
    re_path(r'^triage/', include((triage_urls, 'triage'))),
    re_path(r'^(?P<cluster_id>[^/]+)/$', views.DetailView.as_view(),
            name='detail'),
]
