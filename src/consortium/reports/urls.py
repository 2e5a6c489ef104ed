from django.urls import path

from consortium.reports import views

app_name = "reports"

urlpatterns = [
    path("", views.report_list, name="report_list"),
    path("<str:fiscal_year>/", views.report_detail, name="report_detail"),
    path("<str:fiscal_year>/pdf/", views.report_pdf_download, name="report_pdf"),
]
