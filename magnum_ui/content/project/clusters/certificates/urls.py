"""Mounted by the Clusters panel at ``<cluster_id>/certificates/`` in the
namespace ``certificates``:
``horizon:project:clusters:certificates:kubeconfig`` and so on.
"""

from django.urls import re_path

from magnum_ui.content.project.clusters.certificates import views

urlpatterns = [
    re_path(r'^kubeconfig/$', views.KubeconfigView.as_view(),
            name='kubeconfig'),
    re_path(r'^ca/$', views.CAView.as_view(), name='ca'),
    re_path(r'^sign/$', views.SignCSRView.as_view(), name='sign_csr'),
    re_path(r'^rotate_ca/$', views.RotateCAView.as_view(), name='rotate_ca'),
    re_path(r'^rotate_credentials/$', views.RotateCredentialsView.as_view(),
            name='rotate_credentials'),
]
