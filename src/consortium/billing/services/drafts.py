"""Finance reviews a draft before issuing it: a line's text and tax code, fixed-fee and expense
lines added by hand, a discount, the note, or the whole draft deleted (its hours go back to the
next run). Every service here refuses an issued document: it never changes again, a credit note
corrects it. Each recomputes the draft's totals (services.totals) in the same transaction, and
refuses a `user` who may not bill (PermissionDenied; None is the system).
"""

from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from consortium.billing.models import Invoice, InvoiceLine, LineKind, TaxCode
from consortium.billing.services.permissions import check_may_bill
from consortium.billing.services.totals import invoice_totals_refresh
from consortium.core.money import cents
from consortium.mandates.models import Mandate

# The kinds of line finance adds by hand; hours lines come from the invoice run only.
HAND_LINE_KINDS = (LineKind.FIXED_FEE, LineKind.EXPENSE)


def _locked_draft(invoice: Invoice, user) -> Invoice:
    """The invoice, read again under a row lock, if it is still a draft and `user` may bill
    (None: the system); else a refusal that names it. The lock keeps an issuer from issuing it
    while it is being edited."""
    check_may_bill(user)
    current = Invoice.objects.select_for_update().select_related("organisation").get(pk=invoice.pk)
    if not current.is_draft:
        raise ValidationError(
            _(
                "La facture %(number)s est émise : elle ne change plus. "
                "Corrigez-la par une note de crédit."
            )
            % {"number": current.number}
        )
    return current


def _checked_tax_code(tax_code: str) -> str:
    if tax_code not in TaxCode.values:
        raise ValidationError(
            {"tax_code": _("Code de taxe inconnu : %(code)s.") % {"code": tax_code}}
        )
    return tax_code


@transaction.atomic
def invoice_line_update(
    *, line: InvoiceLine, description: str, tax_code: str | None = None, user=None
) -> InvoiceLine:
    """Change a draft line's text and, if given, its tax code; the totals follow."""
    invoice = _locked_draft(line.invoice, user)
    line.description = description.strip()
    if tax_code is not None:
        line.tax_code = _checked_tax_code(tax_code)
    line.full_clean()
    line.save(update_fields=["description", "tax_code"])
    invoice_totals_refresh(invoice)
    return line


def _line_amount(amount: Decimal | None, hours: Decimal | None, rate: Decimal | None) -> Decimal:
    """The amount of a hand-made line: as given, or hours × rate to the cent; both given, they
    must agree to the cent."""
    if (hours is None) != (rate is None):
        raise ValidationError(_("Indiquez les heures et le taux, ou ni l'un ni l'autre."))
    computed = None
    if hours is not None:
        try:
            computed = cents(Decimal(hours) * Decimal(rate))
        except InvalidOperation as error:
            raise ValidationError(_("Les heures et le taux doivent être des nombres.")) from error
    if amount is None:
        if computed is None:
            raise ValidationError({"amount": _("Indiquez le montant de la ligne.")})
        return computed
    amount = Decimal(amount)
    if computed is not None and cents(amount) != computed:
        raise ValidationError(
            {
                "amount": _(
                    "Le montant %(amount)s $ ne fait pas %(hours)s h × %(rate)s $ = %(computed)s $."
                )
                % {"amount": amount, "hours": hours, "rate": rate, "computed": computed}
            }
        )
    return amount


@transaction.atomic
def invoice_line_add(
    *,
    invoice: Invoice,
    kind: str,
    description: str,
    amount: Decimal | None,
    hours: Decimal | None = None,
    rate: Decimal | None = None,
    tax_code: str = TaxCode.TAXABLE,
    mandate: Mandate | None = None,
    user=None,
) -> InvoiceLine:
    """Add a fixed-fee or expense line at the end of a draft. With hours and a rate, the amount
    is their product to the cent (`amount` may then be None; if given, it must agree)."""
    invoice = _locked_draft(invoice, user)
    if kind not in HAND_LINE_KINDS:
        raise ValidationError(
            {
                "kind": _("On ajoute à la main un forfait ou des débours, pas « %(kind)s ».")
                % {"kind": kind}
            }
        )
    line_amount = _line_amount(amount, hours, rate)
    if line_amount <= 0:
        raise ValidationError({"amount": _("Le montant d'une ligne ajoutée est positif.")})
    if mandate is not None and mandate.payer_id != invoice.organisation_id:
        raise ValidationError(
            {
                "mandate": _("Le mandat %(code)s n'est pas facturé à %(organisation)s.")
                % {"code": mandate.code, "organisation": invoice.organisation.name}
            }
        )
    last = invoice.lines.aggregate(last=Max("position"))["last"]
    line = InvoiceLine(
        invoice=invoice,
        position=0 if last is None else last + 1,
        kind=kind,
        mandate=mandate,
        description=description.strip(),
        hours=hours,
        rate=rate,
        amount=line_amount,
        tax_code=_checked_tax_code(tax_code),
    )
    line.full_clean()
    line.save()
    invoice_totals_refresh(invoice)
    return line


@transaction.atomic
def invoice_line_delete(*, line: InvoiceLine, user=None) -> None:
    """Remove a line from a draft; an hours line's entries are free again for the next run."""
    invoice = _locked_draft(line.invoice, user)
    # Its InvoiceEntry rows go with it (CASCADE): the hours are no longer invoiced.
    line.delete()
    invoice_totals_refresh(invoice)


@transaction.atomic
def invoice_discount_set(*, invoice: Invoice, percent: Decimal, user=None) -> Invoice:
    """Set a draft's discount, a percentage from 0 to 100 with two decimals at most; the taxes
    are then computed on the taxable amount after it."""
    invoice = _locked_draft(invoice, user)
    try:
        percent = Decimal(percent)
    except InvalidOperation as error:
        raise ValidationError({"discount_percent": _("L'escompte est un pourcentage.")}) from error
    if not 0 <= percent <= 100:
        raise ValidationError({"discount_percent": _("L'escompte est un pourcentage de 0 à 100.")})
    if percent != percent.quantize(Decimal("0.01")):
        raise ValidationError({"discount_percent": _("L'escompte a au plus deux décimales.")})
    invoice.discount_percent = percent
    invoice.full_clean()
    invoice.save(update_fields=["discount_percent", "updated_at"])
    return invoice_totals_refresh(invoice)


@transaction.atomic
def invoice_note_set(*, invoice: Invoice, note: str, user=None) -> Invoice:
    """Set the note printed on a draft."""
    invoice = _locked_draft(invoice, user)
    invoice.note = note.strip()
    invoice.full_clean()
    invoice.save(update_fields=["note", "updated_at"])
    return invoice


@transaction.atomic
def invoice_draft_delete(*, invoice: Invoice, user=None) -> None:
    """Delete a draft with its lines; the hours it billed wait for the next invoice run."""
    invoice = _locked_draft(invoice, user)
    invoice.delete()
