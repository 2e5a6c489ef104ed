"""The addresses of the finance workspace's invoices, under /facturation/."""

from django.urls import path

from consortium.billing.views import drafts, invoices, receivables, settlement

app_name = "billing"

urlpatterns = [
    path("", invoices.invoice_list, name="invoice_list"),
    path("preparer/", drafts.invoice_draft_run, name="invoice_draft_run"),
    path("emettre/", drafts.invoice_issue_many, name="invoice_issue_many"),
    path("<int:invoice_id>/", invoices.invoice_detail, name="invoice_detail"),
    path("<int:invoice_id>/pdf/", invoices.invoice_pdf_download, name="invoice_pdf"),
    path("<int:invoice_id>/emettre/", drafts.invoice_issue, name="invoice_issue"),
    path("<int:invoice_id>/supprimer/", drafts.invoice_draft_delete, name="invoice_draft_delete"),
    path("<int:invoice_id>/lignes/", drafts.invoice_line_add, name="invoice_line_add"),
    path(
        "<int:invoice_id>/lignes/<int:line_id>/",
        drafts.invoice_line_update,
        name="invoice_line_update",
    ),
    path(
        "<int:invoice_id>/lignes/<int:line_id>/retirer/",
        drafts.invoice_line_delete,
        name="invoice_line_delete",
    ),
    path("<int:invoice_id>/escompte/", drafts.invoice_discount_set, name="invoice_discount_set"),
    path("<int:invoice_id>/note/", drafts.invoice_note_set, name="invoice_note_set"),
    path("<int:invoice_id>/paiement/", settlement.payment_record, name="payment_record"),
    path("<int:invoice_id>/credit/", settlement.credit_note_create, name="credit_note_create"),
    path("soldes/", receivables.aged_balance, name="aged_balance"),
    path("releve/", receivables.statement_pick, name="statement_pick"),
    path("releve/<str:code>/", receivables.statement, name="statement"),
    path("programmes/", receivables.programme_banks, name="programme_banks"),
    path("mandats/<str:code>/banques/", receivables.mandate_banks, name="mandate_banks"),
]
