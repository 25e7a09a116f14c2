from django.urls import re_path

from magnum_ui.content.admin.cluster_templates import views

urlpatterns = [
    re_path(r'^$', views.IndexView.as_view(), name='index'),
    re_path(r'^(?P<template_id>[^/]+)/$', views.DetailView.as_view(),
            name='detail'),
]
