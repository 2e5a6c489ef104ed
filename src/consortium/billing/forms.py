"""The forms of the invoice pages: they parse what finance types (amounts with a decimal comma,
dates) and hand it to billing's services, which hold every rule."""

import datetime as dt
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from consortium.billing.models import (
    CreditReason,
    InvoiceKind,
    InvoiceStatus,
    LineKind,
    PaymentMethod,
    TaxCode,
)
from consortium.core.formatting import number
from consortium.core.forms import SupportedDateField
from consortium.core.money import parse_amount
from consortium.mandates.models import Mandate

DATE_WIDGET = {"widget": forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})}


class MoneyField(forms.Field):
    """An amount as people type it (« 1 234,56 », « 1234.56 $ »): `Decimal`, never float."""

    widget = forms.TextInput

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.widget.attrs.update({"inputmode": "decimal", "maxlength": "20"})

    def prepare_value(self, value):
        if isinstance(value, Decimal):
            return f"{value:.2f}".replace(".", ",")
        return value

    def to_python(self, value) -> Decimal | None:
        text = str(value).strip() if value not in (None, "") else ""
        if not text:
            return None
        try:
            return parse_amount(text)
        except ValueError as error:
            raise ValidationError(str(error), code="invalid") from error


def last_day_of_last_month(today: dt.date) -> dt.date:
    return today.replace(day=1) - dt.timedelta(days=1)


class DraftRunForm(forms.Form):
    through = SupportedDateField(
        label=gettext_lazy("Heures approuvées jusqu'au"),
        help_text=gettext_lazy("Par défaut, le dernier jour du mois dernier."),
        **DATE_WIDGET,
    )


class InvoiceFilterForm(forms.Form):
    status = forms.ChoiceField(label=gettext_lazy("État"), required=False)
    kind = forms.ChoiceField(label=gettext_lazy("Type"), required=False)
    year = forms.ChoiceField(label=gettext_lazy("Exercice"), required=False)
    q = forms.CharField(
        label=gettext_lazy("Organisation"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search"}),
    )

    def __init__(self, *args, years: list[str], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        everything = [("", _("Tous"))]
        self.fields["status"].choices = everything + list(InvoiceStatus.choices)
        self.fields["kind"].choices = everything + list(InvoiceKind.choices)
        self.fields["year"].choices = everything + [(name, name) for name in years]


class LineEditForm(forms.Form):
    description = forms.CharField(label=gettext_lazy("Description"), max_length=500)
    tax_code = forms.ChoiceField(label=gettext_lazy("Code de taxe"), choices=TaxCode.choices)


class LineAddForm(forms.Form):
    kind = forms.ChoiceField(
        label=gettext_lazy("Type de ligne"),
        choices=[
            (LineKind.FIXED_FEE, LineKind.FIXED_FEE.label),
            (LineKind.EXPENSE, LineKind.EXPENSE.label),
        ],
    )
    description = forms.CharField(label=gettext_lazy("Description"), max_length=500)
    hours = MoneyField(
        label=gettext_lazy("Heures"), required=False, help_text=gettext_lazy("Facultatif.")
    )
    rate = MoneyField(
        label=gettext_lazy("Taux"), required=False, help_text=gettext_lazy("Facultatif.")
    )
    amount = MoneyField(
        label=gettext_lazy("Montant"),
        required=False,
        help_text=gettext_lazy("Vide : heures × taux."),
    )
    tax_code = forms.ChoiceField(
        label=gettext_lazy("Code de taxe"), choices=TaxCode.choices, initial=TaxCode.TAXABLE
    )
    mandate = forms.ModelChoiceField(
        label=gettext_lazy("Mandat"),
        queryset=Mandate.objects.none(),
        required=False,
        to_field_name="code",
        help_text=gettext_lazy("Facultatif : un mandat facturé à cette organisation."),
    )

    def __init__(self, *args, organisation_id: int, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["mandate"].queryset = Mandate.objects.filter(
            Q(billed_organisation_id=organisation_id)
            | Q(billed_organisation__isnull=True, organisation_id=organisation_id)
        ).order_by("code")
        self.fields["mandate"].label_from_instance = lambda mandate: (
            f"{mandate.code} – {mandate.title}"
        )


class DiscountForm(forms.Form):
    percent = MoneyField(label=gettext_lazy("Escompte (%)"))


class NoteForm(forms.Form):
    note = forms.CharField(
        label=gettext_lazy("Note imprimée sur la facture"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class PaymentForm(forms.Form):
    date = SupportedDateField(label=gettext_lazy("Date"), **DATE_WIDGET)
    amount = MoneyField(label=gettext_lazy("Montant"))
    method = forms.ChoiceField(label=gettext_lazy("Mode"), choices=PaymentMethod.choices)
    reference = forms.CharField(label=gettext_lazy("Référence"), required=False, max_length=100)


class CreditNoteForm(forms.Form):
    """Whole (every line's remaining amount) or partial (an amount per line, before taxes)."""

    WHOLE, PARTIAL = "whole", "partial"

    scope = forms.ChoiceField(
        label=gettext_lazy("Crédit"),
        choices=[(WHOLE, gettext_lazy("Toute la facture")), (PARTIAL, gettext_lazy("En partie"))],
        initial=WHOLE,
        widget=forms.RadioSelect,
    )
    reason = forms.ChoiceField(
        label=gettext_lazy("Motif"),
        choices=[
            (CreditReason.CORRECTION, CreditReason.CORRECTION.label),
            (CreditReason.CANCELLATION, CreditReason.CANCELLATION.label),
        ],
    )
    note = forms.CharField(
        label=gettext_lazy("Explication imprimée sur la note de crédit"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, lines, left: dict[int, Decimal], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.lines = list(lines)
        for line in self.lines:
            self.fields[f"line_{line.pk}"] = MoneyField(
                label=line.description,
                required=False,
                help_text=_("Avant taxes; il reste %(left)s $ à créditer.")
                % {"left": number(left.get(line.pk, line.amount), 2)},
            )

    def line_fields(self):
        return [self[f"line_{line.pk}"] for line in self.lines]

    def amounts(self) -> dict[int, Decimal] | None:
        """None for the whole invoice, else the amount typed for each line (empty: none)."""
        if self.cleaned_data["scope"] == self.WHOLE:
            return None
        return {
            line.pk: self.cleaned_data[f"line_{line.pk}"]
            for line in self.lines
            if self.cleaned_data.get(f"line_{line.pk}")
        }

    def clean(self) -> dict:
        cleaned = super().clean()
        if cleaned.get("scope") == self.PARTIAL and not any(
            cleaned.get(f"line_{line.pk}") for line in self.lines
        ):
            raise ValidationError(_("Indiquez le montant à créditer sur au moins une ligne."))
        return cleaned


class AgedBalanceForm(forms.Form):
    on = SupportedDateField(label=gettext_lazy("Soldes au"), **DATE_WIDGET)


class StatementPickForm(forms.Form):
    organisation = forms.CharField(
        label=gettext_lazy("Organisation"),
        max_length=100,
        help_text=gettext_lazy("Son code, ou une partie de son nom."),
        widget=forms.TextInput(attrs={"type": "search"}),
    )


class StatementForm(forms.Form):
    start = SupportedDateField(label=gettext_lazy("Du"), **DATE_WIDGET)
    end = SupportedDateField(label=gettext_lazy("Au"), **DATE_WIDGET)

    def clean(self) -> dict:
        cleaned = super().clean()
        if cleaned.get("start") and cleaned.get("end") and cleaned["end"] < cleaned["start"]:
            raise ValidationError(_("La fin de la période précède son début."))
        return cleaned
