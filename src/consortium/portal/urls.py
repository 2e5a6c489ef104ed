"""The member portal: `/portail/`, then one organisation's pages under its code. The tools' pages
(surveys, diagnostic, treasury) live in their apps and are included by the root URLs under
`portail/<slug>/`, above this app's line: `<code>/` would otherwise take their slug for a code."""

from django.urls import path

from consortium.portal import views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("<str:code>/", views.overview, name="overview"),
    path("<str:code>/services/", views.services, name="services"),
    path("<str:code>/banques/", views.banks, name="banks"),
    path("<str:code>/factures/", views.invoices, name="invoices"),
    path(
        "<str:code>/factures/<str:number>/pdf/",
        views.invoice_pdf_download,
        name="invoice_pdf",
    ),
    path("<str:code>/documents/", views.documents, name="documents"),
]
