"""Mounted by the Clusters panel at ``<cluster_id>/nodegroups/`` in the
namespace ``nodegroups``: ``horizon:project:clusters:nodegroups:create``
and so on."""

from django.urls import re_path

from magnum_ui.content.project.clusters.nodegroups import views

NODEGROUP = r'^(?P<nodegroup_id>[^/]+)/'

urlpatterns = [
    re_path(r'^create/$', views.CreateView.as_view(), name='create'),
    re_path(r'^rows/$', views.RowsView.as_view(), name='rows'),
    re_path(r'^cli/(?P<kind>[a-z]+)/$', views.CommandView.as_view(),
            name='cli'),
    re_path(NODEGROUP + r'update/$', views.UpdateView.as_view(),
            name='update'),
    re_path(NODEGROUP + r'resize/$', views.ResizeView.as_view(),
            name='resize'),
    re_path(NODEGROUP + r'upgrade/$', views.UpgradeView.as_view(),
            name='upgrade'),
]
