"""The training pages, under /formation/."""

from django.urls import path

from consortium.training import views

app_name = "training"

urlpatterns = [
    path("", views.course_list, name="course_list"),
    path("nouvelle/", views.course_create, name="course_create"),
    path("<int:course_id>/", views.course_update, name="course_update"),
]
