"""Payments received against issued invoices, and the status they give them."""

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from consortium.billing.models import Invoice, InvoiceKind, InvoiceStatus, Payment
from consortium.billing.services.credits import invoice_status_for
from consortium.billing.services.permissions import check_may_bill


@transaction.atomic
def payment_record(
    *,
    invoice: Invoice,
    date: dt.date,
    amount: Decimal,
    method: str,
    reference: str = "",
    user=None,
) -> Payment:
    """Record money received on an issued invoice; refused on a draft, a credit note, a
    cancelled invoice, or beyond its balance (total − paid − credited). The invoice becomes
    partly paid or paid."""
    check_may_bill(user)
    invoice = Invoice.objects.select_for_update().get(pk=invoice.pk)
    if invoice.kind != InvoiceKind.INVOICE:
        raise ValidationError(_("Une note de crédit ne reçoit pas de paiement."))
    if invoice.is_draft:
        raise ValidationError(_("Un brouillon ne reçoit pas de paiement : émettez-le d'abord."))
    if invoice.status == InvoiceStatus.CANCELLED:
        raise ValidationError(
            _("La facture %(number)s est annulée : elle ne reçoit plus de paiement.")
            % {"number": invoice.number}
        )
    payment = Payment(
        invoice=invoice,
        date=date,
        amount=amount,
        method=method,
        reference=reference,
        recorded_by=user,
    )
    payment.full_clean()
    if payment.amount > invoice.balance:
        raise ValidationError(
            {
                "amount": _(
                    "%(amount)s $ dépasse le solde de la facture %(number)s (%(balance)s $)."
                )
                % {"amount": payment.amount, "number": invoice.number, "balance": invoice.balance}
            }
        )
    payment.save()
    invoice.paid += payment.amount
    invoice.status = invoice_status_for(invoice)
    invoice.save(update_fields=["paid", "status", "updated_at"])
    return payment
