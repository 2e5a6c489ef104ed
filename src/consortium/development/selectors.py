"""Reads of business development: the activity report's table, the activities and their
follow-ups, the pipeline of opportunities, partnerships and the organisation picker."""

import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth.models import User
from django.db.models import Count, Prefetch, Q, QuerySet

from consortium.core.fiscal_years import Period
from consortium.core.folding import fold
from consortium.development.models import (
    ActivityKind,
    DevelopmentActivity,
    OpportunityStage,
    Partnership,
)
from consortium.members.models import Organisation


def name_sort_key(name: str) -> tuple[str, str]:
    """Accents and case aside, as a reader expects (É among the E), the same on every database."""
    stripped = "".join(
        c for c in unicodedata.normalize("NFD", name) if unicodedata.category(c) != "Mn"
    )
    return stripped.casefold(), name


def development_report(period: Period) -> dict:
    """Activities of each kind dated in the period, with the organisations met, and the
    partnerships in force during it. Three queries, whatever the data."""
    in_period = Q(date__range=(period.start, period.end))
    counts = dict(
        DevelopmentActivity.objects.filter(in_period)
        .order_by()
        .values_list("kind")
        .annotate(count=Count("pk"))
    )
    met = (
        DevelopmentActivity.organisations_met.through.objects.filter(
            developmentactivity__date__range=(period.start, period.end)
        )
        .order_by()
        .values_list("developmentactivity__kind", "organisation__name")
        .distinct()
    )
    names: dict[str, set[str]] = {}
    for kind, name in met:
        names.setdefault(kind, set()).add(name)
    partnerships = (
        Partnership.objects.filter(start__lte=period.end)
        .filter(Q(end__isnull=True) | Q(end__gte=period.start))
        .select_related("organisation")
        .order_by("start", "title")
    )
    return {
        "activities": [
            {
                "kind": kind.value,
                "label": str(kind.label),
                "count": counts.get(kind.value, 0),
                "organisations": sorted(names.get(kind.value, ()), key=name_sort_key),
            }
            for kind in ActivityKind
        ],
        "partnerships": [
            {"organisation": partnership.organisation.name, "title": partnership.title}
            for partnership in partnerships
        ],
    }


# The pages' reads. Each takes the rows the user may see (`accounts.access`) and costs a fixed
# number of queries, whatever the data.

PICKER_LIMIT = 10


def organisations_matching(text: str, *, limit: int = PICKER_LIMIT) -> list[Organisation]:
    """The organisations whose code or name holds every word of `text`, accents and case
    aside (« cooperative » finds « Coopérative »), by name. One query."""
    words = fold(text).split()
    if not words:
        return []
    organisations = Organisation.objects.all()
    for word in words:
        organisations = organisations.filter(
            Q(name__folded__contains=word) | Q(code__folded__contains=word)
        )
    return list(
        organisations.order_by("name__folded").only("pk", "code", "name", "is_prospect")[:limit]
    )


def activity_rows(activities: QuerySet, *, text: str = "", kind: str = "") -> QuerySet:
    """Activities, latest first, with their organisations and staff (three queries a page)."""
    if kind:
        activities = activities.filter(kind=kind)
    for word in fold(text).split():
        activities = activities.filter(
            Q(title__folded__contains=word)
            | Q(
                pk__in=DevelopmentActivity.organisations_met.through.objects.filter(
                    organisation__name__folded__contains=word
                ).values("developmentactivity_id")
            )
        )
    return (
        activities.select_related("follow_up_owner")
        .prefetch_related(
            Prefetch("organisations_met", queryset=Organisation.objects.only("code", "name")),
            "participants",
        )
        .order_by("-date", "title")
    )


def activity_detail_rows(activities: QuerySet) -> QuerySet:
    return activities.select_related("follow_up_owner").prefetch_related(
        "organisations_met", "participants"
    )


def follow_ups_due(activities: QuerySet, *, owner: User | None = None) -> QuerySet:
    """The follow-ups not yet done, overdue first (earliest due date first), mine or all."""
    open_follow_ups = activities.filter(follow_up_due__isnull=False, follow_up_done_on__isnull=True)
    if owner is not None:
        open_follow_ups = open_follow_ups.filter(follow_up_owner=owner)
    return (
        open_follow_ups.select_related("follow_up_owner")
        .prefetch_related(
            Prefetch("organisations_met", queryset=Organisation.objects.only("code", "name"))
        )
        .order_by("follow_up_due", "title")
    )


@dataclass
class PipelineStage:
    stage: str
    label: str
    opportunities: list = field(default_factory=list)
    count: int = 0
    amount: Decimal = Decimal(0)
    hours: Decimal = Decimal(0)


def pipeline(opportunities: QuerySet) -> list[PipelineStage]:
    """The opportunities by stage, in the pipeline's order, each stage with its count and its
    estimated hours and amount. One query."""
    stages = {
        choice.value: PipelineStage(stage=choice.value, label=str(choice.label))
        for choice in OpportunityStage
    }
    rows = opportunities.select_related(
        "organisation", "mandate_type", "department", "mandate", "owner"
    ).order_by("title", "pk")
    for opportunity in rows:
        stage = stages[opportunity.stage]
        stage.opportunities.append(opportunity)
        stage.count += 1
        stage.amount += opportunity.estimated_amount or 0
        stage.hours += opportunity.estimated_hours or 0
    return list(stages.values())


def opportunity_detail_rows(opportunities: QuerySet) -> QuerySet:
    return opportunities.select_related(
        "organisation", "mandate_type", "department", "mandate", "owner"
    )


def partnership_rows(partnerships: QuerySet) -> QuerySet:
    """Partnerships, latest first, with their organisation and how many documents."""
    return (
        partnerships.select_related("organisation")
        .annotate(document_count=Count("documents"))
        .order_by("-start", "title")
    )


def partnership_documents(partnership: Partnership) -> QuerySet:
    """A partnership's documents without their content (listed, not read)."""
    return partnership.documents.defer("content")
