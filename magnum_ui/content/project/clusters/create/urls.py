"""Mounted by the Clusters panel at ``create/`` in the namespace ``create``."""

from django.urls import re_path

from magnum_ui.content.project.clusters.create import views

urlpatterns = [
    re_path(r'^$', views.CreateView.as_view(), name='index'),
    re_path(r'^cli/$', views.CliView.as_view(), name='cli'),
    re_path(r'^quota/$', views.QuotaPreviewView.as_view(), name='quota'),
]
