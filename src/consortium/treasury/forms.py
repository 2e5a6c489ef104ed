"""The plan in three steps, and the policy's forms. Amounts are read as people type them
(billing's `MoneyField`: « 1 234,56 », « 1234.56 $ »); every error, on top of the form, names
its field (and its month)."""

import datetime as dt
from decimal import Decimal

from babel.dates import format_date
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from consortium.billing.forms import DATE_WIDGET, MoneyField
from consortium.core.formatting import babel_locale
from consortium.core.forms import SupportedDateField
from consortium.treasury.models import LANGUAGES, Seasonality
from consortium.treasury.services import ProjectInput


class NamedErrorsMixin:
    """The form's errors as sentences that name their field: « Mois 3 — encaissements : … »."""

    def named_errors(self) -> list[str]:
        named = []
        for name, errors in self.errors.items():
            label = self.fields[name].label if name in self.fields else None
            for error in errors:
                named.append(f"{label} : {error}" if label else str(error))
        return named


class PercentField(forms.DecimalField):
    """A share of revenue in percent, 0 to 100, with a decimal comma or point and an
    optional « % »."""

    def __init__(self, **kwargs) -> None:
        super().__init__(min_value=0, max_value=100, max_digits=5, decimal_places=2, **kwargs)
        self.widget.attrs.update({"inputmode": "decimal"})

    def to_python(self, value):
        if isinstance(value, str):
            value = value.replace("%", "").replace("\u00a0", "").replace(" ", "")
            value = value.replace(",", ".")
        return super().to_python(value)


class PlanForm(NamedErrorsMixin, forms.Form):
    as_of = SupportedDateField(
        label=_("Date du plan"),
        help_text=_("Le mois 1 du profil commence à cette date."),
        **DATE_WIDGET,
    )
    annual_expenses = MoneyField(label=_("Charges d'exploitation annuelles (sans amortissement)"))
    cash = MoneyField(label=_("Encaisse"))
    short_term_investments = MoneyField(label=_("Placements à court terme"), required=False)
    restricted_funds = MoneyField(
        label=_("Fonds affectés"),
        required=False,
        help_text=_(
            "Affectés par le conseil ou par un tiers : non disponibles pour l'exploitation."
        ),
    )
    largest_source_pct = PercentField(
        label=_("Part des revenus venant de la principale source (%)"), required=False
    )
    grants_pct = PercentField(label=_("Part des revenus venant de subventions (%)"), required=False)
    seasonality = forms.ChoiceField(
        label=_("Activité saisonnière"),
        choices=Seasonality.choices,
        initial=Seasonality.PROFILE,
        widget=forms.RadioSelect,
    )

    def clean_annual_expenses(self) -> Decimal:
        value = self.cleaned_data["annual_expenses"]
        if value is not None and value <= 0:
            raise ValidationError(
                _(
                    "Les charges annuelles sont plus grandes que zéro : la réserve se compte en "
                    "mois de charges."
                )
            )
        return value

    def _not_negative(self, name: str) -> Decimal:
        value = self.cleaned_data.get(name) or Decimal("0.00")
        if value < 0:
            raise ValidationError(_("Ce montant n'est jamais négatif."))
        return value

    def clean_short_term_investments(self) -> Decimal:
        return self._not_negative("short_term_investments")

    def clean_restricted_funds(self) -> Decimal:
        return self._not_negative("restricted_funds")


def _month_label(as_of: dt.date, month: int) -> str:
    first = as_of.replace(day=1)
    year, index = divmod(first.month - 1 + month - 1, 12)
    day = first.replace(year=first.year + year, month=index + 1)
    return format_date(day, "MMMM y", locale=babel_locale())


class MonthlyFlowsForm(NamedErrorsMixin, forms.Form):
    """Twelve rows of receipts and disbursements; an empty cell is 0."""

    def __init__(self, *args, as_of: dt.date, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.months = []
        for month in range(1, 13):
            name = _month_label(as_of, month)
            receipts = MoneyField(
                label=_("Mois %(month)s (%(name)s) — encaissements")
                % {"month": month, "name": name},
                required=False,
            )
            disbursements = MoneyField(
                label=_("Mois %(month)s (%(name)s) — décaissements")
                % {"month": month, "name": name},
                required=False,
            )
            self.fields[f"receipts_{month}"] = receipts
            self.fields[f"disbursements_{month}"] = disbursements
            self.months.append(
                (month, name, self[f"receipts_{month}"], self[f"disbursements_{month}"])
            )

    def clean(self):
        data = super().clean()
        for name, value in list(data.items()):
            if value is not None and value < 0:
                self.add_error(name, _("Inscrivez un montant positif ou zéro."))
        return data

    def flows(self) -> list[tuple[Decimal, Decimal]]:
        zero = Decimal("0.00")
        return [
            (
                self.cleaned_data.get(f"receipts_{month}") or zero,
                self.cleaned_data.get(f"disbursements_{month}") or zero,
            )
            for month in range(1, 13)
        ]


class ProjectForm(forms.Form):
    name = forms.CharField(label=_("Projet"), max_length=200)
    amount = MoneyField(label=_("Montant"))
    planned_on = SupportedDateField(label=_("Date prévue"), **DATE_WIDGET)

    def clean_amount(self) -> Decimal:
        value = self.cleaned_data["amount"]
        if value is not None and value <= 0:
            raise ValidationError(_("Le montant d'un projet est plus grand que zéro."))
        return value


class BaseProjectFormSet(forms.BaseFormSet):
    def named_errors(self) -> list[str]:
        named = [str(error) for error in self.non_form_errors()]
        for number, form in enumerate(self.forms, start=1):
            for name, errors in form.errors.items():
                label = form.fields[name].label if name in form.fields else ""
                for error in errors:
                    named.append(
                        str(_("Projet %(number)s — %(field)s : %(error)s"))
                        % {"number": number, "field": label, "error": error}
                    )
        return named

    def projects(self) -> list[ProjectInput]:
        return [
            ProjectInput(
                form.cleaned_data["name"],
                form.cleaned_data["amount"],
                form.cleaned_data["planned_on"],
            )
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]


ProjectFormSet = forms.formset_factory(
    ProjectForm, formset=BaseProjectFormSet, extra=2, can_delete=True, max_num=50
)


class PolicyDraftForm(forms.Form):
    language = forms.ChoiceField(label=_("Langue de la politique"), choices=LANGUAGES)
    fresh = forms.BooleanField(
        label=_("Repartir du plan (les modifications du brouillon sont perdues)"),
        required=False,
    )


class PolicySectionForm(forms.Form):
    paragraphs = forms.CharField(
        label=_("Texte"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Texte simple ; une ligne vide sépare deux paragraphes."),
        max_length=20000,
    )

    def paragraph_list(self) -> list[str]:
        text = self.cleaned_data["paragraphs"].replace("\r\n", "\n")
        return [part.strip() for part in text.split("\n\n") if part.strip()]


class PolicyAdoptForm(forms.Form):
    adopted_on = SupportedDateField(label=_("Adoptée le"), **DATE_WIDGET)
