"""Mounted by the Clusters panel at ``<cluster_id>/`` in the namespace
``operations``: ``horizon:project:clusters:operations:resize`` and so on."""

from django.urls import re_path

from magnum_ui.content.project.clusters.operations import views

urlpatterns = [
    re_path(r'^resize/$', views.ResizeView.as_view(), name='resize'),
    re_path(r'^resize/quota/$', views.ResizeQuotaView.as_view(),
            name='resize_quota'),
    re_path(r'^resize/cli/$', views.ResizeCliView.as_view(),
            name='resize_cli'),
    re_path(r'^upgrade/$', views.UpgradeView.as_view(), name='upgrade'),
]
