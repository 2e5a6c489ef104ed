"""The invoices and credit notes: the filtered list with its totals, one document with its
backup detail and the actions its state allows, and its PDF."""

from django.db.models import Case, F, Q, Value, When
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from consortium.accounts.access import (
    INVOICE_READ_ROLES,
    invoice_for_read,
    invoices_visible_to,
    may_change_invoices,
    request_roles,
    role_required,
)
from consortium.billing.forms import DiscountForm, InvoiceFilterForm, LineAddForm, NoteForm
from consortium.billing.models import Invoice, InvoiceKind, InvoiceStatus
from consortium.billing.pdf import invoice_pdf
from consortium.billing.selectors.documents import (
    invoice_list_rows,
    invoice_list_totals,
    invoices_with_detail,
)
from consortium.core.exports import FORMATS, Column, Kind, export_response
from consortium.core.listing import page_links, paginate, query_string
from consortium.core.models import FiscalYear

PER_PAGE = 50


def _filtered(invoices, form: InvoiceFilterForm):
    if not form.is_valid():
        return invoices
    data = form.cleaned_data
    if data["status"]:
        invoices = invoices.filter(status=data["status"])
    if data["kind"]:
        invoices = invoices.filter(kind=data["kind"])
    if data["year"]:
        invoices = invoices.filter(fiscal_year__name=data["year"])
    if data["q"]:
        invoices = invoices.filter(
            Q(organisation__name__icontains=data["q"]) | Q(organisation__code__iexact=data["q"])
        )
    return invoices


def _export_columns() -> list[Column]:
    kinds, statuses = dict(InvoiceKind.choices), dict(InvoiceStatus.choices)

    def signed(field: str):
        def value(invoice: Invoice):
            amount = getattr(invoice, field)
            return -amount if invoice.kind == InvoiceKind.CREDIT_NOTE else amount

        return value

    return [
        Column(_("Numéro"), lambda invoice: invoice.number, width=18),
        Column(_("Type"), lambda invoice: capfirst(kinds[invoice.kind])),
        Column(_("Code de l'organisation"), lambda invoice: invoice.organisation.code, width=12),
        Column(_("Organisation"), lambda invoice: invoice.organisation.name, width=32),
        Column(_("Date"), lambda invoice: invoice.issued_on, Kind.DATE, width=11),
        Column(_("État"), lambda invoice: capfirst(statuses[invoice.status])),
        Column(
            _("Facture créditée"), lambda invoice: getattr(invoice.credited_invoice, "number", "")
        ),
        Column(_("Sous-total"), signed("subtotal"), Kind.NUMBER),
        Column(_("Escompte"), signed("discount"), Kind.NUMBER),
        Column(_("TPS"), signed("gst"), Kind.NUMBER),
        Column(_("TVQ"), signed("qst"), Kind.NUMBER),
        Column(_("Total"), signed("total"), Kind.NUMBER),
        Column(_("Payé"), lambda invoice: invoice.paid, Kind.NUMBER),
    ]


@role_required(*INVOICE_READ_ROLES)
def invoice_list(request: HttpRequest) -> HttpResponse:
    roles = request_roles(request)
    years = list(FiscalYear.objects.order_by("-start_date").values_list("name", flat=True))
    form = InvoiceFilterForm(request.GET or None, years=years)
    visible = invoices_visible_to(request.user, among=Invoice.objects.all(), roles=roles)
    invoices = _filtered(visible, form)
    # Drafts first (they wait for finance), then the newest documents.
    ordered = invoice_list_rows(invoices).order_by(
        Case(When(status=InvoiceStatus.DRAFT, then=Value(0)), default=Value(1)),
        F("issued_on").desc(nulls_first=True),
        "-sequence",
        "-pk",
    )
    export_format = request.GET.get("format")
    if export_format in FORMATS:
        # Amounts as they weigh on what is owed: a credit note's are negative.
        return export_response(
            export_format,
            _("factures"),
            _("Factures"),
            _export_columns(),
            ordered.iterator(chunk_size=500),
        )
    page = paginate(request, ordered, PER_PAGE)
    return render(
        request,
        "billing/invoice_list.html",
        {
            "form": form,
            "page": page,
            "page_links": page_links(request, page),
            "totals": invoice_list_totals(invoices),
            "may_change": may_change_invoices(roles),
            "filtered": any(request.GET.get(name) for name in form.fields),
            "credit_note": InvoiceKind.CREDIT_NOTE,
            "csv_url": query_string(request, format="csv", page=None),
            "xlsx_url": query_string(request, format="xlsx", page=None),
        },
    )


def detail_context(request: HttpRequest, invoice: Invoice, **forms) -> dict:
    """The invoice page's context; a failed action hands its bound form back in `forms`."""
    may_change = may_change_invoices(request_roles(request))
    context = {
        "invoice": invoice,
        "lines": list(invoice.lines.all()),
        "payments": list(invoice.payments.all()),
        "credit_notes": list(invoice.credit_notes.all()),
        "may_change": may_change,
        "is_invoice": invoice.kind == InvoiceKind.INVOICE,
        "settled": invoice.status in (InvoiceStatus.PAID, InvoiceStatus.CANCELLED),
    }
    if may_change and invoice.is_draft:
        context["line_add_form"] = forms.get("line_add_form") or LineAddForm(
            prefix="add", organisation_id=invoice.organisation_id
        )
        context["discount_form"] = forms.get("discount_form") or DiscountForm(
            initial={"percent": invoice.discount_percent}, prefix="discount"
        )
        context["note_form"] = forms.get("note_form") or NoteForm(
            initial={"note": invoice.note}, prefix="note"
        )
    return context


def render_detail(
    request: HttpRequest, invoice_id: int, status: int = 200, **forms
) -> HttpResponse:
    invoice = invoice_for_read(
        request.user, invoice_id, among=invoices_with_detail(), roles=request_roles(request)
    )
    return render(
        request,
        "billing/invoice_detail.html",
        detail_context(request, invoice, **forms),
        status=status,
    )


@role_required(*INVOICE_READ_ROLES)
def invoice_detail(request: HttpRequest, invoice_id: int) -> HttpResponse:
    return render_detail(request, invoice_id)


@role_required(*INVOICE_READ_ROLES)
def invoice_pdf_download(request: HttpRequest, invoice_id: int) -> HttpResponse:
    invoice = invoice_for_read(
        request.user,
        invoice_id,
        among=Invoice.objects.select_related("organisation"),
        roles=request_roles(request),
    )
    name = invoice.number or f"brouillon-{invoice.pk}"
    response = HttpResponse(invoice_pdf(invoice), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
    return response
