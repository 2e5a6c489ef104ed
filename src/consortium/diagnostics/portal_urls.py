"""The member's diagnostic: included by the root URLs as /portail/<code>/diagnostic/."""

from django.urls import path

from consortium.diagnostics.views import portal as views

app_name = "diagnostics_portal"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("commencer/", views.begin, name="begin"),
    path("<int:pk>/section/<int:number>/", views.section, name="section"),
    path("<int:pk>/terminer/", views.finish, name="finish"),
    path("<int:pk>/", views.result, name="result"),
    path("<int:pk>/pdf/", views.result_download, name="diagnostic_pdf"),
    path("<int:pk>/demander/", views.request_service, name="request_service"),
]
