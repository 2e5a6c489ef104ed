"""Invoices and credit notes, as on the site (`accounts.access.invoices`): finance and
administrators read and change every one; a director reads those of the departments they
direct; nobody else. Writes go through billing's services (drafting, issuing, credit notes),
which check the role again."""

from django.db.models import Prefetch
from django.http import HttpResponse
from django.utils.translation import gettext as _
from ninja import Router, Status

from consortium.accounts.access import request_holds, request_roles
from consortium.accounts.access.invoices import (
    invoice_for_change,
    invoice_for_read,
    invoices_visible_to,
)
from consortium.accounts.models import RoleKind
from consortium.api import schemas
from consortium.api.errors import ApiError
from consortium.api.models import Scope
from consortium.api.pagination import PageNumber, PageSize, paginate
from consortium.api.schemas import Code, Day, Id
from consortium.api.security import require_scope
from consortium.billing.models import CreditReason, Invoice, InvoiceLine
from consortium.billing.pdf import invoice_pdf
from consortium.billing.services.credits import credit_note_create
from consortium.billing.services.drafting import invoices_draft
from consortium.billing.services.issuing import invoice_issue
from consortium.members.models import Organisation

router = Router(tags=["invoices"])


def _check_finance(request) -> None:
    if not request_holds(request, (RoleKind.FINANCE,)):
        raise ApiError(403, _("La facturation est réservée aux finances et aux administrateurs."))


def _check_reader(request) -> None:
    """The invoice pages' role gate: finance, administrators, directors."""
    if not request_holds(request, (RoleKind.FINANCE, RoleKind.DIRECTOR)):
        raise ApiError(403, _("Les factures sont réservées aux finances et à la direction."))


def _rows():
    return Invoice.objects.select_related("organisation").prefetch_related(
        Prefetch("lines", queryset=InvoiceLine.objects.order_by("position", "pk"))
    )


def _invoice(request, invoice_id: int) -> Invoice:
    """The invoice to read: 403 for a role that reads none, 404 out of reach."""
    _check_reader(request)
    return invoice_for_read(request.user, invoice_id, among=_rows(), roles=request_roles(request))


def _invoice_to_change(request, invoice_id: int) -> Invoice:
    """404 out of reach, 403 for a director who reads it but changes none."""
    _check_reader(request)
    return invoice_for_change(request.user, invoice_id, among=_rows(), roles=request_roles(request))


@router.get("/invoices", response=schemas.InvoicePage)
def invoices_list(
    request,
    organisation: Code | None = None,
    status: Code | None = None,
    kind: Code | None = None,
    date_from: Day | None = None,
    date_to: Day | None = None,
    page: int = PageNumber,
    page_size: int = PageSize,
):
    """Invoices and credit notes, drafts included; dates are the issue dates."""
    require_scope(request, Scope.INVOICES_READ)
    _check_reader(request)
    rows = invoices_visible_to(request.user, among=_rows(), roles=request_roles(request)).order_by(
        "-issued_on", "number", "pk"
    )
    if organisation:
        rows = rows.filter(organisation__code=organisation)
    if status:
        rows = rows.filter(status=status)
    if kind:
        rows = rows.filter(kind=kind)
    if date_from:
        rows = rows.filter(issued_on__gte=date_from)
    if date_to:
        rows = rows.filter(issued_on__lte=date_to)
    return paginate(rows, page, page_size)


@router.get("/invoices/{int:invoice_id}", response=schemas.Invoice)
def invoice_read(request, invoice_id: Id):
    require_scope(request, Scope.INVOICES_READ)
    return _invoice(request, invoice_id)


@router.get(
    "/invoices/{int:invoice_id}/pdf",
    response={200: bytes},
    openapi_extra={
        "responses": {
            "200": {
                "description": "PDF",
                "content": {"application/pdf": {"schema": {"type": "string", "format": "binary"}}},
            }
        }
    },
)
def invoice_pdf_read(request, invoice_id: Id):
    require_scope(request, Scope.INVOICES_READ)
    invoice = _invoice(request, invoice_id)
    name = invoice.number or f"brouillon-{invoice.pk}"
    response = HttpResponse(invoice_pdf(invoice), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{name}.pdf"'
    return response


@router.post("/invoices/draft", response=schemas.DraftRun)
def invoices_draft_endpoint(request, payload: schemas.InvoicesDraft):
    """Draft the invoices of the approved, billable, not yet invoiced hours through a day."""
    require_scope(request, Scope.INVOICES_WRITE)
    _check_finance(request)
    organisation_ids = None
    if payload.organisations:
        found = dict(
            Organisation.objects.filter(code__in=payload.organisations).values_list("code", "pk")
        )
        unknown = [code for code in payload.organisations if code not in found]
        if unknown:
            raise ApiError(
                422,
                _("La demande est refusée : voyez chaque champ dans « errors »."),
                errors=[
                    {
                        "field": "body.organisations",
                        "message": _("Organisation inconnue : %s.") % ", ".join(unknown),
                    }
                ],
            )
        organisation_ids = list(found.values())
    run = invoices_draft(
        through=payload.through, user=request.user, organisation_ids=organisation_ids
    )
    return {
        "created": run.created,
        "extended": run.extended,
        "hours": run.hours,
        "amount": run.amount,
        "problems": list(run.problems),
        "invoice_ids": list(run.invoice_ids),
    }


@router.post("/invoices/{int:invoice_id}/issue", response=schemas.Invoice)
def invoice_issue_endpoint(request, invoice_id: Id, payload: schemas.InvoiceIssue):
    require_scope(request, Scope.INVOICES_WRITE)
    invoice = invoice_issue(
        invoice=_invoice_to_change(request, invoice_id), user=request.user, on=payload.on
    )
    return _rows().get(pk=invoice.pk)


@router.post("/invoices/{int:invoice_id}/cancel", response={201: schemas.Invoice})
def invoice_cancel_endpoint(request, invoice_id: Id, payload: schemas.InvoiceCancel):
    """Cancel an issued invoice: a credit note of everything it has left (the note is
    returned)."""
    require_scope(request, Scope.INVOICES_WRITE)
    note = credit_note_create(
        invoice=_invoice_to_change(request, invoice_id),
        user=request.user,
        reason=CreditReason.CANCELLATION,
        note=payload.note,
        on=payload.on,
    )
    return Status(201, _rows().get(pk=note.pk))
