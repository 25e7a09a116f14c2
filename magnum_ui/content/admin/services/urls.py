from django.urls import re_path

from magnum_ui.content.admin.services import views

urlpatterns = [
    re_path(r'^$', views.IndexView.as_view(), name='index'),
]
