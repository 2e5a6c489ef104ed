"""Issuing a draft: it takes the next number of its fiscal year's series, its dates, and copies of
the supplier's and customer's names and tax numbers; from then on it never changes (database
triggers, billing/triggers_sql.py)."""

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from consortium.billing.models import BillingSettings, Invoice, InvoiceStatus
from consortium.billing.numbering import number_take
from consortium.billing.services.permissions import check_may_bill

# The settings an invoice cannot be issued without, as Revenu Québec requires them on it.
REQUIRED_SETTINGS = ("legal_name", "address", "gst_number", "qst_number")
REFERENCES = ["organisation", "programme", "fiscal_year", "issued_by", "credited_invoice"]


def billing_settings_for_issue() -> BillingSettings:
    """The centre's billing settings, refused with what to fill (and where) when incomplete."""
    settings = BillingSettings.objects.filter(pk=1).first() or BillingSettings(pk=1)
    missing = [
        str(BillingSettings._meta.get_field(name).verbose_name)
        for name in REQUIRED_SETTINGS
        if not getattr(settings, name).strip()
    ]
    if missing:
        raise ValidationError(
            _(
                "Impossible d'émettre : remplissez %(fields)s dans l'administration, "
                "« Paramètres de facturation »."
            )
            % {"fields": ", ".join(missing)}
        )
    return settings


def invoice_issue(*, invoice: Invoice, user, on: dt.date | None = None) -> Invoice:
    """Issue a draft on `on` (default: today): refused if it is not a draft, has no line, or the
    billing settings lack the centre's legal name, address or tax numbers."""
    check_may_bill(user)
    with transaction.atomic():
        return _issue(invoice=invoice, user=user, on=on or timezone.localdate())


def invoices_issue(
    *, invoices: Iterable[Invoice], user, on: dt.date | None = None
) -> list[Invoice]:
    """Issue several drafts, one transaction each: a refused one leaves the others issued and
    raises after them, naming every refused draft."""
    check_may_bill(user)
    on = on or timezone.localdate()
    settings = billing_settings_for_issue()
    issued, refused = [], []
    for invoice in invoices:
        try:
            with transaction.atomic():
                issued.append(_issue(invoice=invoice, user=user, on=on, settings=settings))
        except ValidationError as error:
            refused.append(
                _("Brouillon n° %(id)s : %(message)s")
                % {"id": invoice.pk, "message": " ".join(error.messages)}
            )
    if refused:
        raise ValidationError(refused)
    return issued


def _issue(
    *, invoice: Invoice, user, on: dt.date, settings: BillingSettings | None = None
) -> Invoice:
    invoice = Invoice.objects.select_for_update().select_related("organisation").get(pk=invoice.pk)
    if not invoice.is_draft:
        raise ValidationError(
            _("La facture %(number)s est déjà émise.") % {"number": invoice.number}
        )
    if not invoice.lines.exists():
        raise ValidationError(_("Un brouillon sans ligne ne peut être émis."))
    settings = settings or billing_settings_for_issue()
    invoice.fiscal_year, invoice.sequence, invoice.number = number_take(kind=invoice.kind, on=on)
    invoice.issued_on = on
    invoice.due_on = on + dt.timedelta(days=settings.payment_terms_days)
    invoice.issued_by = user
    invoice.status = InvoiceStatus.ISSUED
    invoice.supplier_name = settings.legal_name
    invoice.supplier_address = settings.address
    invoice.supplier_gst_number = settings.gst_number
    invoice.supplier_qst_number = settings.qst_number
    invoice.customer_name = invoice.organisation.name
    # The fields as the user could have typed them; the references, the constraints and the
    # number's uniqueness were just read or taken under lock and the database checks them again:
    # full_clean()'s own check of those costs some twenty queries an invoice.
    invoice.full_clean(exclude=REFERENCES, validate_unique=False, validate_constraints=False)
    invoice.save()
    return invoice
