"""The filters of the organisation list."""

import django_filters
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from consortium.core.fiscal_years import fiscal_year_name_for
from consortium.core.folding import fold
from consortium.core.models import FiscalYear
from consortium.members.models import LegalForm, MemberCategory, Organisation, Region
from consortium.members.selectors import is_federation, memberships_in_force

NOT_A_MEMBER = "none"
YES, NO = "yes", "no"


def hours_year_choices() -> list[tuple[str, str]]:
    """The stored fiscal years, and the current one even before it is stored, latest first."""
    names = set(FiscalYear.objects.values_list("name", flat=True))
    names.add(fiscal_year_name_for(timezone.localdate()))
    return [(name, name) for name in sorted(names, reverse=True)]


class OrganisationFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Recherche"), method="search", help_text=_("Nom, NEQ ou code")
    )
    legal_form = django_filters.ChoiceFilter(label=_("Forme juridique"), choices=LegalForm.choices)
    region = django_filters.ChoiceFilter(label=_("Région"), choices=Region.choices)
    category = django_filters.ChoiceFilter(
        label=_("Catégorie de membre"),
        choices=[*MemberCategory.choices, (NOT_A_MEMBER, _("non membre"))],
        method="current_category",
    )
    member = django_filters.ChoiceFilter(
        label=_("Membre aujourd'hui"),
        choices=[(YES, _("oui")), (NO, _("non"))],
        method="member_today",
    )
    federation = django_filters.ModelChoiceFilter(
        label=_("Regroupement sectoriel"),
        queryset=Organisation.objects.filter(is_federation()).order_by("name__folded", "name"),
    )
    # Not a filter: which fiscal year the hours column counts (the current one by default).
    year = django_filters.ChoiceFilter(
        label=_("Heures de l'exercice"),
        choices=hours_year_choices,
        method="keep_all",
        empty_label=None,
    )

    class Meta:
        model = Organisation
        fields: list[str] = []

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Read once: a callable would be asked again each time the select is checked or drawn.
        self.filters["year"].extra["choices"] = hours_year_choices()

    def search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        for word in value.split():
            queryset = queryset.filter(
                Q(name__folded__contains=fold(word))
                | Q(neq__icontains=word)
                | Q(code__icontains=word)
            )
        return queryset

    def _in_force(self) -> QuerySet:
        return memberships_in_force(timezone.localdate()).filter(organisation=OuterRef("pk"))

    def current_category(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        if value == NOT_A_MEMBER:
            return queryset.exclude(Exists(self._in_force()))
        return queryset.filter(Exists(self._in_force().filter(category=value)))

    def member_today(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        in_force = Exists(self._in_force())
        return queryset.filter(in_force) if value == YES else queryset.exclude(in_force)

    def keep_all(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset
