"""The staff's treasury pages, /tresorerie/."""

from django.urls import path

from consortium.treasury import views

app_name = "treasury"

urlpatterns = [
    path("", views.plan_list, name="plan_list"),
    path("<str:code>/", views.plan_detail, name="plan_detail"),
    path("<str:code>/politique/<int:version>/", views.policy_detail, name="policy_detail"),
    path("<str:code>/politique/<int:version>/pdf/", views.policy_pdf, name="policy_pdf"),
]
