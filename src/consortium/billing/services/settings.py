"""The centre's billing settings: its identity and tax numbers on every invoice, its payment
terms, the ristourne's by-law and the accounts of the journal; one row (pk 1), written here."""

import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from consortium.billing.models import BillingSettings
from consortium.core.services import row_save

# The forms the two agencies give the numbers: 9 digits RT 4 digits, 10 digits TQ 4 digits.
GST_NUMBER = re.compile(r"^\d{9} ?RT\d{4}$")
QST_NUMBER = re.compile(r"^\d{10} ?TQ\d{4}$")


def _tax_numbers_checked(values: dict) -> dict:
    errors = {}
    for name, pattern, example in (
        ("gst_number", GST_NUMBER, "123456789 RT0001"),
        ("qst_number", QST_NUMBER, "1234567890 TQ0001"),
    ):
        if name not in values:
            continue
        number = " ".join(values[name].upper().split())
        values[name] = number
        if number and not pattern.match(number):
            label = BillingSettings._meta.get_field(name).verbose_name
            errors[name] = _("Le %(label)s a la forme %(example)s.") % {
                "label": label,
                "example": example,
            }
    if errors:
        raise ValidationError(errors)
    return values


@transaction.atomic
def billing_settings_save(**values) -> BillingSettings:
    """Create or change the one row of billing settings with `values` (its field names); a tax
    number of the wrong form is refused, naming the field."""
    values = _tax_numbers_checked(dict(values))
    settings = BillingSettings.objects.select_for_update().filter(pk=1).first()
    return row_save(settings or BillingSettings(pk=1), **values)


def billing_settings_update(*, settings: BillingSettings, **values) -> BillingSettings:
    """The admin's update: the same single row, whatever row it was given."""
    return billing_settings_save(**values)
