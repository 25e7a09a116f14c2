from django.urls import include
from django.urls import re_path

from magnum_ui.content.project.cluster_templates.import_export \
    import urls as import_export_urls
from magnum_ui.content.project.cluster_templates import views

TEMPLATE = r'^(?P<template_id>[^/]+)/'

urlpatterns = [
    re_path(r'^$', views.IndexView.as_view(), name='index'),
    re_path(r'^create/$', views.CreateView.as_view(), name='create'),
    re_path(r'^cli_preview/$', views.CliPreviewView.as_view(),
            name='cli_preview'),
    re_path(r'^', include((import_export_urls, 'import_export'))),
    re_path(TEMPLATE + r'$', views.DetailView.as_view(), name='detail'),
    re_path(TEMPLATE + r'update/$', views.UpdateView.as_view(),
            name='update'),
    re_path(TEMPLATE + r'clone/$', views.CloneView.as_view(), name='clone'),
    re_path(TEMPLATE + r'cli_preview/$', views.UpdateCliPreviewView.as_view(),
            name='cli_update_preview'),
]
