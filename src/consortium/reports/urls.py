from django.urls import path

from consortium.reports import views

app_name = "reports"

urlpatterns = [
    path("", views.report_list, name="report_list"),
    path("<str:fiscal_year>/", views.report_detail, name="report_detail"),
    path("<str:fiscal_year>/pdf/", views.report_pdf_download, name="report_pdf"),
    path(
        "<str:fiscal_year>/pdf/preparer/", views.report_pdf_request_view, name="report_pdf_request"
    ),
    path("<str:fiscal_year>/pdf/etat/", views.report_pdf_status, name="report_pdf_status"),
    path("<str:fiscal_year>/pdf/<int:pk>/", views.report_pdf_file, name="report_pdf_file"),
    path("<str:fiscal_year>/preparation/", views.report_preparation, name="report_preparation"),
    path("<str:fiscal_year>/preparer/", views.report_prepare_view, name="report_prepare"),
    path(
        "<str:fiscal_year>/textes/<str:section>/", views.report_text_edit, name="report_text_edit"
    ),
]
