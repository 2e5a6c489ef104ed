"""Finance prepares the invoices of approved hours, reviews each draft (a line's text, lines
added by hand, a discount, the note), deletes a draft or issues it. Every write goes through
billing's services; an issued invoice refuses them all."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from consortium.accounts.access import (
    INVOICE_READ_ROLES,
    invoices_changeable_by,
    request_roles,
    role_required,
)
from consortium.accounts.models import RoleKind
from consortium.billing.forms import (
    DiscountForm,
    DraftRunForm,
    LineAddForm,
    LineEditForm,
    NoteForm,
    last_day_of_last_month,
)
from consortium.billing.models import Invoice, InvoiceStatus
from consortium.billing.selectors.documents import invoice_list_rows
from consortium.billing.services import drafting, drafts, issuing
from consortium.billing.views.common import changeable_invoice
from consortium.billing.views.invoices import render_detail
from consortium.core.forms import add_service_errors


def _refusal(request: HttpRequest, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


def _refused_on_form(request: HttpRequest, form, error: ValidationError, **renamed) -> bool:
    """Show a service's refusal under the form's field; a refusal of the whole document (it is
    no longer a draft) goes to the page's messages instead. True when the caller redirects."""
    if hasattr(error, "error_dict"):
        add_service_errors(form, error, renamed=renamed)
        return False
    _refusal(request, error)
    return True


@role_required(RoleKind.FINANCE)
def invoice_draft_run(request: HttpRequest) -> HttpResponse:
    initial = {"through": last_day_of_last_month(timezone.localdate())}
    form = DraftRunForm(request.POST or None, initial=initial)
    run = drafted = None
    if request.method == "POST" and form.is_valid():
        try:
            run = drafting.invoices_draft(through=form.cleaned_data["through"], user=request.user)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            drafted = list(
                invoice_list_rows(Invoice.objects.filter(pk__in=run.invoice_ids)).order_by(
                    "organisation__name", "pk"
                )
            )
    waiting = Invoice.objects.filter(status=InvoiceStatus.DRAFT).count()
    return render(
        request,
        "billing/invoice_draft_run.html",
        {"form": form, "run": run, "drafted": drafted, "waiting": waiting},
    )


@role_required(*INVOICE_READ_ROLES)
def invoice_line_update(request: HttpRequest, invoice_id: int, line_id: int) -> HttpResponse:
    invoice = changeable_invoice(request, invoice_id)
    line = get_object_or_404(invoice.lines, pk=line_id)
    form = LineEditForm(
        request.POST or None,
        initial={"description": line.description, "tax_code": line.tax_code},
    )
    if request.method == "POST" and form.is_valid():
        try:
            drafts.invoice_line_update(line=line, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("La ligne est modifiée."))
            return redirect("billing:invoice_detail", invoice_id=invoice.pk)
    return render(
        request, "billing/line_form.html", {"form": form, "invoice": invoice, "line": line}
    )


@require_POST
@role_required(*INVOICE_READ_ROLES)
def invoice_line_add(request: HttpRequest, invoice_id: int) -> HttpResponse:
    invoice = changeable_invoice(request, invoice_id)
    form = LineAddForm(request.POST, prefix="add", organisation_id=invoice.organisation_id)
    if form.is_valid():
        try:
            drafts.invoice_line_add(invoice=invoice, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            if _refused_on_form(request, form, error):
                return redirect("billing:invoice_detail", invoice_id=invoice.pk)
        else:
            messages.success(request, _("La ligne est ajoutée."))
            return redirect("billing:invoice_detail", invoice_id=invoice.pk)
    return render_detail(request, invoice.pk, line_add_form=form)


@require_POST
@role_required(*INVOICE_READ_ROLES)
def invoice_line_delete(request: HttpRequest, invoice_id: int, line_id: int) -> HttpResponse:
    invoice = changeable_invoice(request, invoice_id)
    line = get_object_or_404(invoice.lines, pk=line_id)
    try:
        drafts.invoice_line_delete(line=line, user=request.user)
    except ValidationError as error:
        _refusal(request, error)
    else:
        messages.success(
            request, _("La ligne est retirée; ses heures attendent la prochaine facturation.")
        )
    return redirect("billing:invoice_detail", invoice_id=invoice.pk)


@require_POST
@role_required(*INVOICE_READ_ROLES)
def invoice_discount_set(request: HttpRequest, invoice_id: int) -> HttpResponse:
    invoice = changeable_invoice(request, invoice_id)
    form = DiscountForm(request.POST, prefix="discount")
    if form.is_valid():
        try:
            drafts.invoice_discount_set(
                invoice=invoice, percent=form.cleaned_data["percent"], user=request.user
            )
        except ValidationError as error:
            if _refused_on_form(request, form, error, discount_percent="percent"):
                return redirect("billing:invoice_detail", invoice_id=invoice.pk)
        else:
            messages.success(request, _("L'escompte est appliqué."))
            return redirect("billing:invoice_detail", invoice_id=invoice.pk)
    return render_detail(request, invoice.pk, discount_form=form)


@require_POST
@role_required(*INVOICE_READ_ROLES)
def invoice_note_set(request: HttpRequest, invoice_id: int) -> HttpResponse:
    invoice = changeable_invoice(request, invoice_id)
    form = NoteForm(request.POST, prefix="note")
    if form.is_valid():
        try:
            drafts.invoice_note_set(
                invoice=invoice, note=form.cleaned_data["note"], user=request.user
            )
        except ValidationError as error:
            if _refused_on_form(request, form, error):
                return redirect("billing:invoice_detail", invoice_id=invoice.pk)
        else:
            messages.success(request, _("La note est enregistrée."))
            return redirect("billing:invoice_detail", invoice_id=invoice.pk)
    return render_detail(request, invoice.pk, note_form=form)


@role_required(*INVOICE_READ_ROLES)
def invoice_draft_delete(request: HttpRequest, invoice_id: int) -> HttpResponse:
    invoice = changeable_invoice(request, invoice_id)
    if request.method == "POST":
        try:
            drafts.invoice_draft_delete(invoice=invoice, user=request.user)
        except ValidationError as error:
            _refusal(request, error)
            return redirect("billing:invoice_detail", invoice_id=invoice.pk)
        messages.success(
            request,
            _(
                "Le brouillon de %(organisation)s est supprimé; "
                "ses heures attendent la prochaine facturation."
            )
            % {"organisation": invoice.organisation.name},
        )
        return redirect("billing:invoice_list")
    return render(request, "billing/invoice_confirm.html", {"invoice": invoice, "action": "delete"})


@role_required(*INVOICE_READ_ROLES)
def invoice_issue(request: HttpRequest, invoice_id: int) -> HttpResponse:
    invoice = changeable_invoice(request, invoice_id)
    if request.method == "POST":
        try:
            issued = issuing.invoice_issue(invoice=invoice, user=request.user)
        except ValidationError as error:
            _refusal(request, error)
        else:
            messages.success(
                request, _("La facture %(number)s est émise.") % {"number": issued.number}
            )
        return redirect("billing:invoice_detail", invoice_id=invoice.pk)
    return render(request, "billing/invoice_confirm.html", {"invoice": invoice, "action": "issue"})


def _ticked_drafts(request: HttpRequest):
    """The drafts ticked on the list, among those the user may change (a forged id outside them
    is ignored), by organisation name."""
    ids = {int(value) for value in request.POST.getlist("invoice") if value.isdigit()}
    changeable = invoices_changeable_by(
        request.user, among=Invoice.objects.all(), roles=request_roles(request)
    )
    return invoice_list_rows(changeable.filter(pk__in=ids, status=InvoiceStatus.DRAFT)).order_by(
        "organisation__name", "pk"
    )


@require_POST
@role_required(RoleKind.FINANCE)
def invoice_issue_many(request: HttpRequest) -> HttpResponse:
    """Issue the drafts ticked on the list, after a page that lists them and asks to confirm;
    each is issued in its own transaction, a refused one is named and leaves the others issued."""
    drafts_ticked = list(_ticked_drafts(request))
    if not drafts_ticked:
        messages.warning(request, _("Cochez au moins un brouillon à émettre."))
        return redirect("billing:invoice_list")
    if request.POST.get("confirm") != "yes":
        return render(
            request,
            "billing/invoice_issue_many.html",
            {"drafts": drafts_ticked, "total": sum(draft.total for draft in drafts_ticked)},
        )
    refused = []
    try:
        issuing.invoices_issue(invoices=drafts_ticked, user=request.user)
    except ValidationError as error:
        refused = error.messages
    issued = Invoice.objects.filter(
        pk__in=[draft.pk for draft in drafts_ticked], status=InvoiceStatus.ISSUED
    ).count()
    if issued:
        messages.success(
            request,
            ngettext("%(count)s facture émise.", "%(count)s factures émises.", issued)
            % {"count": issued},
        )
    for message in refused:
        messages.error(request, message)
    return redirect("billing:invoice_list")
