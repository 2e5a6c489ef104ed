from django.urls import path

from consortium.staff import views

app_name = "staff"

urlpatterns = [
    path("", views.expert_list, name="expert_list"),
    path("<str:code>/", views.expert_detail, name="expert_detail"),
]
