from django.urls import path

from consortium.members import views

app_name = "members"

urlpatterns = [
    path("", views.organisation_list, name="organisation_list"),
    path("<str:code>/", views.organisation_detail, name="organisation_detail"),
]
