"""Mounted by the admin Clusters panel at ``triage/`` in the namespace
``triage``: ``horizon:admin:clusters:triage:index``."""

from django.urls import re_path

from magnum_ui.content.admin.clusters.triage import views

urlpatterns = [
    re_path(r'^$', views.TriageView.as_view(), name='index'),
]
