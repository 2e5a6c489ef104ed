"""Money received on an issued invoice, and the credit note that corrects or cancels one, whole
or in part (an amount per line, before taxes)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from consortium.accounts.access import INVOICE_READ_ROLES, role_required
from consortium.billing.forms import CreditNoteForm, PaymentForm
from consortium.billing.selectors.documents import line_amounts_left
from consortium.billing.services import credits, payments
from consortium.billing.views.common import changeable_invoice
from consortium.core.forms import add_service_errors


@role_required(*INVOICE_READ_ROLES)
def payment_record(request: HttpRequest, invoice_id: int) -> HttpResponse:
    invoice = changeable_invoice(request, invoice_id)
    initial = {"date": timezone.localdate(), "amount": invoice.balance}
    form = PaymentForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            payments.payment_record(invoice=invoice, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Le paiement de la facture %(number)s est enregistré.")
                % {"number": invoice.number},
            )
            return redirect("billing:invoice_detail", invoice_id=invoice.pk)
    return render(request, "billing/payment_form.html", {"form": form, "invoice": invoice})


@role_required(*INVOICE_READ_ROLES)
def credit_note_create(request: HttpRequest, invoice_id: int) -> HttpResponse:
    invoice = changeable_invoice(request, invoice_id)
    form = CreditNoteForm(
        request.POST or None,
        lines=invoice.lines.order_by("position", "pk"),
        left=line_amounts_left(invoice),
    )
    if request.method == "POST" and form.is_valid():
        try:
            note = credits.credit_note_create(
                invoice=invoice,
                user=request.user,
                reason=form.cleaned_data["reason"],
                amounts=form.amounts(),
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("La note de crédit %(note)s crédite la facture %(number)s.")
                % {"note": note.number, "number": invoice.number},
            )
            return redirect("billing:invoice_detail", invoice_id=note.pk)
    return render(request, "billing/credit_note_form.html", {"form": form, "invoice": invoice})
