"""Credit notes: how a mistake on an issued invoice is corrected, whole or in part.

A credit note is a document of its own series (``NC-2020-2021-0001``, billing.numbering), issued
at once. Its amounts are positive: its kind says they are taken off. It carries what Revenu
Québec asks of a credit note: the number and date of the invoice it corrects (`credited_invoice`,
whose number and issue date the document prints), both parties' names and the supplier's tax
numbers (copied when issued, as for an invoice), the amounts credited and the GST and QST
adjusted. Each of its lines credits one line of the invoice (`credited_line`), with the
invoice's discount, so that crediting every line in full gives back exactly the invoice's taxes.

Crediting the whole remaining amount cancels the invoice; a partial credit lowers its balance
(`Invoice.credited`). A ristourne (patronage dividend, H2) credits an organisation's year of
business rather than one invoice: it has no invoice, one exempt line (a patronage dividend does
not adjust the taxes of the year's supplies).
"""

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from consortium.billing.models import (
    CreditReason,
    Invoice,
    InvoiceKind,
    InvoiceLine,
    InvoiceStatus,
    LineKind,
    TaxCode,
)
from consortium.billing.services.issuing import _issue
from consortium.billing.services.permissions import check_may_bill
from consortium.billing.services.totals import invoice_totals_refresh
from consortium.core.money import ZERO, cents
from consortium.members.models import Organisation


def credit_note_create(
    *,
    invoice: Invoice | None,
    user,
    reason: str,
    amounts: dict[int, Decimal] | None = None,
    note: str = "",
    on: dt.date | None = None,
    organisation: Organisation | None = None,
    amount: Decimal | None = None,
    description: str = "",
) -> Invoice:
    """Issue a credit note for `invoice`: `amounts` maps the invoice's line ids to the amount
    (before taxes) to credit on each; None credits everything not yet credited.

    Refused for a draft, a cancelled invoice, a line of another invoice, a negative amount, or
    more than a line has left (so never more than the invoice has left, but for a cent of tax
    rounding between notes). A RISTOURNE may have no invoice: then give the
    `organisation`, the `amount` and optionally the line's `description`.
    """
    check_may_bill(user)
    on = on or timezone.localdate()
    if reason not in CreditReason.values:
        raise ValidationError(_("Motif de crédit inconnu : %(reason)s") % {"reason": reason})
    with transaction.atomic():
        if invoice is None:
            note_row = _ristourne_note(organisation, amount, description, note)
        else:
            note_row = _credit_of_invoice(invoice, reason, amounts, note)
        note_row = _issue(invoice=note_row, user=user, on=on)
        if invoice is not None:
            _credit_apply(note_row)
    return note_row


def _ristourne_note(organisation, amount, description, note) -> Invoice:
    if organisation is None or amount is None:
        raise ValidationError(
            _("Une note de crédit sans facture (ristourne) indique l'organisation et le montant.")
        )
    amount = Decimal(amount)
    if amount <= 0 or amount != cents(amount):
        raise ValidationError(_("Le montant de la ristourne est positif, au cent près."))
    note_row = _note_create(
        organisation=organisation, credited=None, reason=CreditReason.RISTOURNE, note=note
    )
    line = InvoiceLine(
        invoice=note_row,
        position=1,
        kind=LineKind.CREDIT,
        description=description or _("Ristourne"),
        amount=amount,
        tax_code=TaxCode.EXEMPT,
    )
    line.full_clean()
    line.save()
    invoice_totals_refresh(note_row)
    return note_row


def _credit_of_invoice(invoice: Invoice, reason: str, amounts, note: str) -> Invoice:
    invoice = Invoice.objects.select_for_update().select_related("organisation").get(pk=invoice.pk)
    if invoice.kind != InvoiceKind.INVOICE:
        raise ValidationError(_("Une note de crédit ne se crédite pas."))
    if invoice.is_draft:
        raise ValidationError(_("Un brouillon ne se crédite pas : modifiez-le ou supprimez-le."))
    if invoice.status == InvoiceStatus.CANCELLED:
        raise ValidationError(
            _("La facture %(number)s est annulée : il n'y a plus rien à créditer.")
            % {"number": invoice.number}
        )
    lines = {line.pk: line for line in invoice.lines.order_by("position", "id")}
    already = dict(
        InvoiceLine.objects.filter(credited_line__in=lines)
        .values_list("credited_line")
        .annotate(total=Sum("amount"))
    )
    left = {pk: line.amount - already.get(pk, ZERO) for pk, line in lines.items()}
    if amounts is None:
        amounts = {pk: rest for pk, rest in left.items() if rest > 0}
    problems = []
    for pk, value in amounts.items():
        value = Decimal(value)
        if pk not in lines:
            problems.append(
                _("La ligne %(line)s n'est pas sur la facture %(number)s.")
                % {"line": pk, "number": invoice.number}
            )
        elif value < 0 or value != cents(value):
            problems.append(
                _("Ligne « %(line)s » : le montant à créditer est positif, au cent près.")
                % {"line": lines[pk].description}
            )
        elif value > left[pk]:
            problems.append(
                _("Ligne « %(line)s » : %(amount)s $ à créditer, il n'en reste que %(left)s $.")
                % {"line": lines[pk].description, "amount": value, "left": left[pk]}
            )
    if problems:
        raise ValidationError(problems)
    amounts = {pk: Decimal(value) for pk, value in amounts.items() if Decimal(value) > 0}
    if not amounts:
        raise ValidationError(_("Rien à créditer : indiquez au moins un montant."))
    note_row = _note_create(
        organisation=invoice.organisation, credited=invoice, reason=reason, note=note
    )
    note_row.discount_percent = invoice.discount_percent
    note_row.language = invoice.language
    note_row.save(update_fields=["discount_percent", "language"])
    InvoiceLine.objects.bulk_create(
        InvoiceLine(
            invoice=note_row,
            position=position,
            kind=LineKind.CREDIT,
            mandate_id=lines[pk].mandate_id,
            served_organisation_id=lines[pk].served_organisation_id,
            programme_id=lines[pk].programme_id,
            description=lines[pk].description,
            amount=value,
            tax_code=lines[pk].tax_code,
            credited_line=lines[pk],
        )
        for position, (pk, value) in enumerate(sorted(amounts.items()), start=1)
    )
    # Each note's taxes are rounded on its own amounts (what the listing and Revenu Québec
    # check): notes that credit every line in parts may take a cent more in taxes than the
    # invoice had, which its balance then shows as owed to the organisation.
    invoice_totals_refresh(note_row)
    return note_row


def _note_create(*, organisation, credited, reason: str, note: str) -> Invoice:
    note_row = Invoice(
        kind=InvoiceKind.CREDIT_NOTE,
        organisation=organisation,
        language=getattr(organisation, "language", "fr"),
        credited_invoice=credited,
        credit_reason=reason,
        note=note,
    )
    note_row.full_clean()
    note_row.save()
    return note_row


def _credit_apply(note_row: Invoice) -> None:
    """Take the credit note off its invoice: cancelled when nothing is left, else a lower
    balance and the status its payments give it."""
    invoice = Invoice.objects.select_for_update().get(pk=note_row.credited_invoice_id)
    invoice.credited += note_row.total
    invoice.status = invoice_status_for(invoice)
    invoice.save(update_fields=["credited", "status", "updated_at"])


def invoice_status_for(invoice: Invoice) -> str:
    """An issued invoice's status from its amounts: cancelled once credited in full, paid once
    payments cover what credit notes left, partly paid, or issued."""
    if invoice.credited >= invoice.total:
        return InvoiceStatus.CANCELLED
    if invoice.paid >= invoice.total - invoice.credited:
        return InvoiceStatus.PAID
    if invoice.paid > 0:
        return InvoiceStatus.PARTLY_PAID
    return InvoiceStatus.ISSUED
