"""Reads of mandates: the list's rows, budget states, and a mandate's hours.

Who may see or change which mandate is decided in `accounts.access` (`mandates_visible_to`,
`mandate_for_read`, `mandate_for_change`); these reads take the mandates it returns.
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import (
    Case,
    DecimalField,
    F,
    FloatField,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, NullIf
from django.utils import timezone

from consortium.core.fiscal_years import MonthStartOf
from consortium.mandates.models import Mandate, MandateAssignment
from consortium.staff.models import Expert

WARNING_SHARE = Decimal("0.8")
HOURS_FIELD = DecimalField(max_digits=12, decimal_places=2)


class BudgetState:
    """Where a mandate's hours stand against its budget: the badge and meter it shows."""

    NONE = "none"
    OK = "ok"
    WARNING = "warning"
    OVER = "over"


def _hours_of_each_mandate() -> Coalesce:
    # Read through the relation the ledger gives mandates (`time_entries`): the registry never
    # imports the ledger above it.
    hours = (
        Mandate.objects.filter(pk=OuterRef("pk"), time_entries__isnull=False)
        .order_by()
        .values("pk")
        .annotate(total=Sum("time_entries__hours"))
        .values("total")
    )
    return Coalesce(
        Subquery(hours, output_field=HOURS_FIELD), Value(Decimal(0)), output_field=HOURS_FIELD
    )


def with_hours(mandates: QuerySet[Mandate]) -> QuerySet[Mandate]:
    """`hours` logged on each mandate and `budget_pct` (None without a budget), in SQL."""
    # Floats for the percentage: SQLite would divide two whole decimals as integers.
    return mandates.annotate(hours=_hours_of_each_mandate()).annotate(
        budget_pct=Cast(F("hours"), FloatField())
        * Value(100.0)
        / NullIf(Cast(F("budget_hours"), FloatField()), Value(0.0))
    )


def budget_state_condition(state: str) -> Q:
    """The mandates (annotated `with_hours`) in one budget state, as a filter."""
    budgeted = Q(budget_hours__isnull=False)
    over = budgeted & Q(hours__gte=F("budget_hours")) & Q(hours__gt=0)
    warning = (
        budgeted
        & Q(hours__gte=F("budget_hours") * WARNING_SHARE)
        & Q(hours__lt=F("budget_hours"))
        & Q(hours__gt=0)
    )
    conditions = {
        BudgetState.NONE: Q(budget_hours__isnull=True),
        BudgetState.OVER: over,
        BudgetState.WARNING: warning,
        BudgetState.OK: budgeted & ~over & ~warning,
    }
    return conditions[state]


def budget_state(hours: Decimal, budget: Decimal | None) -> str:
    """The same rule as `budget_state_condition`, for one mandate already read."""
    if budget is None:
        return BudgetState.NONE
    if hours > 0 and hours >= budget:
        return BudgetState.OVER
    if hours > 0 and hours >= budget * WARNING_SHARE:
        return BudgetState.WARNING
    return BudgetState.OK


def mandate_list_rows(mandates: QuerySet[Mandate]) -> QuerySet[Mandate]:
    """The list's mandates with what each row shows, in one query."""
    return with_hours(mandates).select_related("organisation", "mandate_type", "department")


def mandate_export_rows(mandates: QuerySet[Mandate]) -> Iterable[dict]:
    """Every mandate of `mandates` as plain values, read in chunks by one query."""
    return (
        with_hours(mandates)
        .values(
            "code",
            "title",
            "organisation__code",
            "organisation__name",
            "mandate_type__name_fr",
            "mandate_type__name_en",
            "department__name_fr",
            "department__name_en",
            "start",
            "end",
            "status",
            "hours",
            "budget_hours",
            "budget_pct",
        )
        .iterator(chunk_size=2000)
    )


@dataclass(frozen=True)
class ExpertHours:
    expert_id: int
    name: str
    code: str
    hours: Decimal
    last_day: dt.date


@dataclass(frozen=True)
class MandateHours:
    """A mandate's hours: total, against its budget, by expert and by month."""

    total: Decimal
    budget: Decimal | None
    last_day: dt.date | None
    by_expert: list[ExpertHours]
    by_month: list[tuple[dt.date, Decimal]]

    @property
    def budget_pct(self) -> Decimal | None:
        if not self.budget:
            return None
        return self.total * 100 / self.budget

    @property
    def budget_state(self) -> str:
        return budget_state(self.total, self.budget)

    @property
    def meter_pct(self) -> int:
        """The meter's filled width, capped at the full bar."""
        pct = self.budget_pct
        if pct is None:
            return 100 if self.budget is not None and self.total > 0 else 0
        return int(min(pct, Decimal(100)))


def mandate_hours(mandate: Mandate) -> MandateHours:
    """The hours logged on `mandate`, by expert (most first) and by month: two queries."""
    entries = mandate.time_entries.order_by()
    by_expert = [
        ExpertHours(
            expert_id=row["expert_id"],
            name=f"{row['expert__first_name']} {row['expert__last_name']}",
            code=row["expert__code"],
            hours=row["hours"],
            last_day=row["last_day"],
        )
        for row in entries.values(
            "expert_id", "expert__first_name", "expert__last_name", "expert__code"
        )
        .annotate(hours=Sum("hours"), last_day=Max("date"))
        .order_by("-hours", "expert__last_name", "expert__first_name")
    ]
    by_month = [
        (row["month"], row["hours"])
        for row in entries.annotate(month=MonthStartOf("date"))
        .values("month")
        .annotate(hours=Sum("hours"))
        .order_by("month")
    ]
    return MandateHours(
        total=sum((row.hours for row in by_expert), Decimal(0)),
        budget=mandate.budget_hours,
        last_day=max((row.last_day for row in by_expert), default=None),
        by_expert=by_expert,
        by_month=by_month,
    )


def last_entry_day(mandate: Mandate) -> dt.date | None:
    """The last day hours were logged on `mandate`, if any."""
    return mandate.time_entries.aggregate(day=Max("date"))["day"]


def next_mandate_code(day: dt.date) -> str:
    """The next free code of `day`'s year in the centre's scheme, « 2026-0104 »: one more than
    the highest of that year (codes of other shapes are left alone). One query."""
    prefix = f"{day.year}-"
    codes = Mandate.objects.filter(code__regex=rf"^{day.year}-[0-9]{{4}}$").values_list(
        "code", flat=True
    )
    highest = max((int(code[len(prefix) :]) for code in codes), default=0)
    return f"{prefix}{highest + 1:04d}"


def assigned_mandate_ids(expert: Expert) -> set[int]:
    """The mandates `expert` is assigned to (the week grid offers them first). One query."""
    return set(MandateAssignment.objects.filter(expert=expert).values_list("mandate_id", flat=True))


def mandate_assignments(mandate: Mandate) -> list[MandateAssignment]:
    """The experts assigned to `mandate`, with their department, by name. One query."""
    return list(
        MandateAssignment.objects.filter(mandate=mandate)
        .select_related("expert__department")
        .order_by("expert__last_name", "expert__first_name", "pk")
    )


def assignable_experts(mandate: Mandate) -> QuerySet[Expert]:
    """The experts still employed and not yet assigned to `mandate`, the mandate's department
    first, then by name."""
    today = timezone.localdate()
    return (
        Expert.objects.filter(Q(left_on__isnull=True) | Q(left_on__gte=today))
        .exclude(mandate_assignments__mandate=mandate)
        .select_related("department")
        .annotate(
            other_department=Case(
                When(department_id=mandate.department_id, then=Value(0)), default=Value(1)
            )
        )
        .order_by("other_department", "last_name", "first_name")
    )
