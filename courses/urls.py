from django.urls import path

from . import views

urlpatterns = [
    path("me/modules/<int:pk>/complete/", views.module_completion, name="module_complete"),
]
