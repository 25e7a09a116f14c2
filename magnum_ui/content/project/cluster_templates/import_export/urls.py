"""Mounted by the Cluster Templates panel in the namespace ``import_export``:
``horizon:project:cluster_templates:import_export:import`` and ``:export``."""

from django.urls import re_path

from magnum_ui.content.project.cluster_templates.import_export import views

urlpatterns = [
    re_path(r'^import/$', views.ImportView.as_view(), name='import'),
    re_path(r'^(?P<template_id>[^/]+)/export/$', views.ExportView.as_view(),
            name='export'),
]
