from django.urls import re_path

from magnum_ui.content.admin.quotas import views

urlpatterns = [
    re_path(r'^$', views.IndexView.as_view(), name='index'),
    re_path(r'^create/$', views.CreateView.as_view(), name='create'),
    re_path(r'^(?P<project_id>[^/]+)/update/$', views.UpdateView.as_view(),
            name='update'),
]
