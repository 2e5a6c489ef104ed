"""The staff's diagnostic pages: /diagnostics/."""

from django.urls import path

from consortium.diagnostics.views import staff as views

app_name = "diagnostics"

urlpatterns = [
    path("", views.diagnostic_list, name="diagnostic_list"),
    path("<int:pk>/", views.diagnostic_detail, name="diagnostic_detail"),
    path("demandes/", views.service_request_list, name="service_request_list"),
    path(
        "demandes/<int:pk>/accepter/",
        views.service_request_accept_view,
        name="service_request_accept",
    ),
    path(
        "demandes/<int:pk>/refuser/",
        views.service_request_decline_view,
        name="service_request_decline",
    ),
]
