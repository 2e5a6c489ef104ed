"""Reads of the staff directory: who is on staff, what they know, and who is on which mandate.

Who may read the directory is decided in `accounts.access` (`experts_visible_to`,
`expert_for_read`); these reads take the experts and mandates it returns. Hours come through
the relation the ledger gives experts and mandates (`time_entries`), never by importing it.
"""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet, Sum

from consortium.core.fiscal_years import Period
from consortium.core.folding import fold
from consortium.mandates.models import Mandate
from consortium.staff.models import Expert, FieldOfExpertise


def employed_on(experts: QuerySet[Expert], day: dt.date) -> QuerySet[Expert]:
    """The experts on staff on `day`: hired by then and not yet gone."""
    return experts.filter(hired_on__lte=day).filter(Q(left_on__isnull=True) | Q(left_on__gte=day))


def experts_with_field_matching(experts: QuerySet[Expert], words: str) -> QuerySet[Expert]:
    """« Trouver un expert »: every word found, accents and case ignored, in the name of one of
    their fields of expertise (French or English) or in their own name."""
    for word in words.split():
        folded = fold(word)
        field_matches = FieldOfExpertise.objects.filter(
            Q(name_fr__folded__contains=folded) | Q(name_en__folded__contains=folded),
            experts=OuterRef("pk"),
        )
        experts = experts.filter(
            Exists(field_matches)
            | Q(first_name__folded__contains=folded)
            | Q(last_name__folded__contains=folded)
        )
    return experts


def directory_rows(experts: QuerySet[Expert]) -> QuerySet[Expert]:
    """The directory's rows: department joined, fields of expertise in one more query."""
    return experts.select_related("department").prefetch_related(
        Prefetch("fields_of_expertise", queryset=FieldOfExpertise.objects.order_by("name_fr"))
    )


def expert_fields(expert: Expert) -> list[FieldOfExpertise]:
    return list(expert.fields_of_expertise.select_related("department").order_by("name_fr"))


@dataclass(frozen=True)
class MandateWorked:
    mandate: Mandate
    hours: object
    assigned: bool


def expert_mandates_of_year(
    expert: Expert, mandates: QuerySet[Mandate], year: Period
) -> list[MandateWorked]:
    """Among `mandates` (those the reader may see), the ones `expert` logged hours on during
    `year`, with those hours, and the ones they are assigned to (with or without hours). Two
    queries."""
    worked = {
        mandate.pk: mandate
        for mandate in mandates.filter(
            time_entries__expert=expert,
            time_entries__date__range=(year.start, year.end),
        )
        .annotate(expert_hours=Sum("time_entries__hours"))
        .select_related("organisation")
    }
    assigned = {
        mandate.pk: mandate
        for mandate in mandates.filter(assignments__expert=expert).select_related("organisation")
    }
    rows = [
        MandateWorked(mandate, mandate.expert_hours, mandate.pk in assigned)
        for mandate in worked.values()
    ]
    rows += [
        MandateWorked(mandate, None, True) for pk, mandate in assigned.items() if pk not in worked
    ]
    return sorted(rows, key=lambda row: row.mandate.code)
