"""Reads of mandates: who may see or change which, the list's rows, and a mandate's hours.

Access is decided in SQL (subqueries on the user's expert and director roles), so a page asks
the same number of queries whoever reads it and however many mandates there are. `roles` is the
set of RoleKind values the user holds; views pass `request_roles(request)` to save a query.
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import (
    BooleanField,
    DecimalField,
    Exists,
    F,
    FloatField,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Cast, Coalesce, NullIf, TruncMonth
from django.http import Http404

from consortium.accounts.models import RoleKind, StaffRole
from consortium.accounts.selectors import user_roles
from consortium.mandates.models import Mandate
from consortium.staff.models import Department, Expert

WARNING_SHARE = Decimal("0.8")
HOURS_FIELD = DecimalField(max_digits=12, decimal_places=2)

# Roles that read every mandate; an expert reads those of their department and those they
# logged hours on.
READ_ALL_ROLES = frozenset(
    {RoleKind.DIRECTOR, RoleKind.FINANCE, RoleKind.COMMUNICATIONS, RoleKind.ADMINISTRATOR}
)
STAFF_ROLES = frozenset(RoleKind.values)
CHANGE_ROLES = frozenset({RoleKind.DIRECTOR, RoleKind.ADMINISTRATOR})


class BudgetState:
    """Where a mandate's hours stand against its budget: the badge and meter it shows."""

    NONE = "none"
    OK = "ok"
    WARNING = "warning"
    OVER = "over"


def _roles(user, roles: Iterable[str] | None) -> frozenset[str]:
    return frozenset(user_roles(user) if roles is None else roles)


def _directed_department_ids(user) -> QuerySet:
    return StaffRole.departments.through.objects.filter(
        staffrole__user_id=user.pk, staffrole__role=RoleKind.DIRECTOR
    ).values("department_id")


def _expert_reach(user) -> Q:
    """The mandates of the user's department, and those the user logged hours on."""
    own_department = Expert.objects.filter(user_id=user.pk).values("department_id")
    worked_on = Mandate.objects.filter(time_entries__expert__user_id=user.pk).values("pk")
    return Q(department_id__in=Subquery(own_department)) | Q(pk__in=Subquery(worked_on))


def mandates_visible_to(user, roles: Iterable[str] | None = None) -> QuerySet[Mandate]:
    """The mandates `user` may read (none for a user without a staff role)."""
    held = _roles(user, roles)
    if held & READ_ALL_ROLES:
        return Mandate.objects.all()
    if RoleKind.EXPERT in held:
        return Mandate.objects.filter(_expert_reach(user))
    return Mandate.objects.none()


def mandates_changeable_by(user, roles: Iterable[str] | None = None) -> QuerySet[Mandate]:
    """The mandates `user` may edit and close: all for an administrator, a director's own."""
    held = _roles(user, roles)
    if RoleKind.ADMINISTRATOR in held:
        return Mandate.objects.all()
    if RoleKind.DIRECTOR in held:
        return Mandate.objects.filter(department_id__in=_directed_department_ids(user))
    return Mandate.objects.none()


def _may_change(user, held: frozenset[str]) -> Exists | Value:
    if RoleKind.ADMINISTRATOR in held:
        return Value(True, output_field=BooleanField())
    if RoleKind.DIRECTOR in held:
        return Exists(
            StaffRole.departments.through.objects.filter(
                staffrole__user_id=user.pk,
                staffrole__role=RoleKind.DIRECTOR,
                department_id=OuterRef("department_id"),
            )
        )
    return Value(False, output_field=BooleanField())


def _by_code(queryset: QuerySet[Mandate], code: str) -> Mandate:
    mandate = queryset.select_related("organisation", "mandate_type", "department").filter(
        code=code
    )
    found = mandate.first()
    if found is None:
        raise Http404(code)
    return found


def mandate_for_read(user, code: str, roles: Iterable[str] | None = None) -> Mandate:
    """The mandate `user` may read, with `user_may_change`; 404 if out of their reach."""
    held = _roles(user, roles)
    visible = mandates_visible_to(user, held).annotate(user_may_change=_may_change(user, held))
    return _by_code(visible, code)


def mandate_for_change(user, code: str, roles: Iterable[str] | None = None) -> Mandate:
    """The mandate `user` may edit or close; 404 if it is not theirs to change."""
    return _by_code(mandates_changeable_by(user, roles), code)


def departments_open_to(user, roles: Iterable[str] | None = None) -> QuerySet[Department]:
    """The departments whose mandates `user` may open: all for an administrator, a director's."""
    held = _roles(user, roles)
    departments = Department.objects.order_by("name_fr")
    if RoleKind.ADMINISTRATOR in held:
        return departments
    if RoleKind.DIRECTOR in held:
        return departments.filter(pk__in=_directed_department_ids(user))
    return departments.none()


def can_create_mandates(roles: Iterable[str]) -> bool:
    return bool(frozenset(roles) & CHANGE_ROLES)


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
        (_as_date(row["month"]), row["hours"])
        for row in entries.annotate(month=TruncMonth("date"))
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


def _as_date(value: dt.date | dt.datetime) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def last_entry_day(mandate: Mandate) -> dt.date | None:
    """The last day hours were logged on `mandate`, if any."""
    return mandate.time_entries.aggregate(day=Max("date"))["day"]
