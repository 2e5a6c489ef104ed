"""The filters of the organisation list."""

import django_filters
from django.db.models import Exists, Max, Min, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from consortium.core.folding import fold
from consortium.core.listing import fiscal_year_choices_between
from consortium.mandates.models import Mandate
from consortium.members.models import LegalForm, MemberCategory, Organisation, Province, Region
from consortium.members.selectors import is_federation, memberships_in_force

NOT_A_MEMBER = "none"
YES, NO = "yes", "no"


def hours_year_choices() -> list[tuple[str, str]]:
    """Every fiscal year that may hold hours, latest first: from the year the first mandate
    began (no hours come before it) to the current one, even before it is stored. One query."""
    days = Mandate.objects.aggregate(first=Min("start"), last=Max("start"))
    return fiscal_year_choices_between(days["first"], days["last"], timezone.localdate())


class OrganisationFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Recherche"), method="search", help_text=_("Nom, NEQ ou code")
    )
    legal_form = django_filters.ChoiceFilter(
        label=_("Forme juridique"), choices=LegalForm.choices, empty_label=_("Toutes")
    )
    province = django_filters.ChoiceFilter(
        label=_("Province ou territoire"), choices=Province.choices, empty_label=_("Toutes")
    )
    region = django_filters.ChoiceFilter(
        label=_("Région"), choices=Region.choices, empty_label=_("Toutes")
    )
    category = django_filters.ChoiceFilter(
        label=_("Catégorie de membre"),
        choices=[*MemberCategory.choices, (NOT_A_MEMBER, _("non membre"))],
        method="current_category",
        empty_label=_("Toutes"),
    )
    member = django_filters.ChoiceFilter(
        label=_("Membre aujourd'hui"),
        choices=[(YES, _("oui")), (NO, _("non"))],
        method="member_today",
        empty_label=_("Tous"),
    )
    federation = django_filters.ModelChoiceFilter(
        label=_("Regroupement sectoriel"),
        queryset=Organisation.objects.filter(is_federation()).order_by("name__folded", "name"),
        empty_label=_("Tous"),
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
