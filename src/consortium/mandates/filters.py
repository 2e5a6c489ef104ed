"""The filters of the mandate list. The queryset they filter is annotated `with_hours`."""

import django_filters
from django.db.models import DateField, Max, Min, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from consortium.core.fiscal_years import fiscal_year_bounds, fiscal_year_name_for
from consortium.core.folding import fold
from consortium.core.listing import fiscal_year_choices_between
from consortium.core.models import FiscalYear
from consortium.mandates.models import Mandate, MandateStatus, MandateType
from consortium.mandates.selectors import BudgetState, budget_state_condition
from consortium.staff.models import Department

BUDGET_CHOICES = [
    (BudgetState.OVER, _("Budget d'heures dépassé")),
    (BudgetState.WARNING, _("80 % du budget d'heures atteint")),
    (BudgetState.OK, _("Sous 80 % du budget")),
    (BudgetState.NONE, _("Sans budget d'heures")),
]


def fiscal_year_choices() -> list[tuple[str, str]]:
    """Every fiscal year a mandate was active in, up to the current one, latest first: one
    query."""
    days = Mandate.objects.aggregate(first=Min("start"), last_start=Max("start"), last=Max("end"))
    last = max((day for day in (days["last_start"], days["last"]) if day), default=None)
    return fiscal_year_choices_between(days["first"], last, timezone.localdate())


def default_filters() -> dict[str, str]:
    """What the list shows at first: the current fiscal year's mandates in progress."""
    return {"year": fiscal_year_name_for(timezone.localdate()), "status": MandateStatus.OPEN}


class MandateFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Recherche"), method="search", help_text=_("Code, titre ou organisation")
    )
    department = django_filters.ModelChoiceFilter(
        label=_("Département"),
        queryset=Department.objects.order_by("name_fr__folded"),
        empty_label=_("Tous"),
    )
    mandate_type = django_filters.ModelChoiceFilter(
        label=_("Type de mandat"),
        queryset=MandateType.objects.order_by("name_fr__folded"),
        empty_label=_("Tous"),
    )
    status = django_filters.ChoiceFilter(
        label=_("Statut"), choices=MandateStatus.choices, empty_label=_("Tous")
    )
    organisation = django_filters.CharFilter(
        label=_("Code de l'organisation"), field_name="organisation__code", lookup_expr="iexact"
    )
    payer = django_filters.CharFilter(
        label=_("Code de l'organisation qui paie"),
        method="paid_by",
        help_text=_("L'organisation facturée, ou l'organisation servie si elle paie elle-même"),
    )
    year = django_filters.ChoiceFilter(
        label=_("Actif pendant l'exercice"),
        choices=fiscal_year_choices,
        method="active_during",
        empty_label=_("Tous"),
    )
    budget = django_filters.ChoiceFilter(
        label=_("Budget d'heures"),
        choices=BUDGET_CHOICES,
        method="in_budget_state",
        empty_label=_("Tous"),
    )

    class Meta:
        model = Mandate
        fields: list[str] = []

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Read once: a callable would be asked again each time the select is checked or drawn.
        self.filters["year"].extra["choices"] = fiscal_year_choices()

    def search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        for word in value.split():
            folded = fold(word)
            queryset = queryset.filter(
                Q(code__icontains=word)
                | Q(title__folded__contains=folded)
                | Q(organisation__name__folded__contains=folded)
            )
        return queryset

    def paid_by(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        # Mirrors Mandate.payer_id: no billed organisation means the one served pays.
        return queryset.filter(
            Q(billed_organisation__code__iexact=value)
            | Q(billed_organisation__isnull=True, organisation__code__iexact=value)
        )

    def active_during(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        # The stored fiscal year's days if it is stored, else the configured start month's.
        year = FiscalYear.objects.filter(name=value)
        start, end = fiscal_year_bounds(value)
        first_day = Coalesce(
            Subquery(year.values("start_date")[:1]), Value(start), output_field=DateField()
        )
        last_day = Coalesce(
            Subquery(year.values("end_date")[:1]), Value(end), output_field=DateField()
        )
        return queryset.filter(start__lte=last_day).filter(
            Q(end__isnull=True) | Q(end__gte=first_day)
        )

    def in_budget_state(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(budget_state_condition(value))
