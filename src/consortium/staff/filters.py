"""The filters of the staff directory; « Trouver un expert » searches fields of expertise."""

import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from consortium.members.models import Region
from consortium.staff.models import Department, Expert, FieldOfExpertise
from consortium.staff.selectors import experts_with_field_matching


class ExpertFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Trouver un expert"),
        method="search",
        help_text=_("Champ d'expertise ou nom, avec ou sans accents"),
    )
    department = django_filters.ModelChoiceFilter(
        label=_("Département"),
        queryset=Department.objects.order_by("name_fr"),
        empty_label=_("Tous"),
    )
    field = django_filters.ModelChoiceFilter(
        label=_("Champ d'expertise"),
        field_name="fields_of_expertise",
        queryset=FieldOfExpertise.objects.order_by("name_fr"),
        empty_label=_("Tous"),
    )
    region = django_filters.ChoiceFilter(
        label=_("Région"), choices=Region.choices, empty_label=_("Toutes")
    )

    class Meta:
        model = Expert
        fields: list[str] = []

    def search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return experts_with_field_matching(queryset, value)
