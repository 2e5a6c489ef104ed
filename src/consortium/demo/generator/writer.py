"""Write the plan to the database: reference rows with bulk_create, entries with the ledger's
bulk writer, the recent weeks as their experts handed them in and their directors decided them,
then the locks finance would have made, through the ledger's own service.

Runs inside the caller's transaction.
"""

import datetime as dt
import random
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Sum

from consortium.accounts.models import RoleKind, StaffRole
from consortium.core.fiscal_years import fiscal_year_bounds
from consortium.core.models import FiscalYear
from consortium.demo.generator import catalogue, targets
from consortium.demo.generator.hours import UNITS_PER_HOUR, PlannedEntry
from consortium.demo.generator.mandates import MandatePlan
from consortium.demo.generator.organisations import OrganisationPlan
from consortium.demo.generator.recent import WeekDeciders, WeekStatuses, week_timestamps
from consortium.demo.generator.staff import ExpertPlan
from consortium.demo.generator.workdays import day_of
from consortium.mandates.models import Mandate, MandateType
from consortium.members.models import Membership, Organisation
from consortium.staff.models import Department, Expert, FieldOfExpertise
from consortium.timesheets.models import (
    PeriodKind,
    TimeEntry,
    TimeEntryImport,
    TimesheetWeek,
    WeekStatus,
)
from consortium.timesheets.services.entries import time_entries_bulk_write
from consortium.timesheets.services.locks import period_lock

ENTRY_BATCH = 20_000


@dataclass
class WrittenIds:
    organisations: list[int]
    experts: list[int]
    mandates: list[int]


def _checked(objects: list, exclude: tuple[str, ...] = ()) -> list:
    # Field checks only: the foreign keys were just created and validating them costs a query
    # each; the database constraints still apply.
    for obj in objects:
        obj.clean_fields(exclude=exclude)
    return objects


def write_reference() -> None:
    departments = Department.objects.bulk_create(
        _checked(
            [Department(code=c, name_fr=fr, name_en=en) for c, fr, en in catalogue.DEPARTMENTS]
        )
    )
    by_code = {department.code: department for department in departments}
    FieldOfExpertise.objects.bulk_create(
        _checked(
            [
                FieldOfExpertise(code=c, department=by_code[d], name_fr=fr, name_en=en)
                for c, d, fr, en in catalogue.FIELDS_OF_EXPERTISE
            ],
            exclude=("department",),
        )
    )
    MandateType.objects.bulk_create(
        _checked(
            [MandateType(code=c, name_fr=fr, name_en=en) for c, fr, en in catalogue.MANDATE_TYPES]
        )
    )
    # Fiscal years outlive a reset (finance may point at them): add only the missing ones.
    existing = set(FiscalYear.objects.values_list("name", flat=True))
    years = []
    for month in (targets.MONTHS[0], targets.MONTHS[12], targets.MONTHS[24]):
        name = f"{month[0]}-{month[0] + 1}"
        if name not in existing:
            start, end = fiscal_year_bounds(name)
            years.append(FiscalYear(name=name, start_date=start, end_date=end))
    FiscalYear.objects.bulk_create(_checked(years))


# The member co-ops the centre serves outside Quebec (in the seed: Ontario and Alberta), with
# the name each takes there. Chosen among the independents with no regional programme, at
# writing: the plan (and so every hour, invoice and figure of the report) stays the same.
OUTSIDE_QUEBEC = (
    ("ON", "Ottawa Valley Workers' Co-operative"),
    ("ON", "Coopérative franco-ontarienne de services de Sudbury"),
    ("AB", "Calgary Community Services Co-op"),
)
_REGIONS_WITH_PROGRAMMES = {"03", "06", "13", "16"}


def outside_quebec(organisations: list[OrganisationPlan]) -> dict[str, tuple[str, str]]:
    """The codes of the organisations placed outside Quebec: their province and name."""
    candidates = [
        o.code
        for o in organisations
        if o.group == "independents"
        and o.legal_form == "cooperative"
        and o.memberships
        and o.pattern
        and not o.fully_managed
        and o.region not in _REGIONS_WITH_PROGRAMMES
    ]
    chosen = sorted(candidates)[-len(OUTSIDE_QUEBEC) :]
    return dict(zip(chosen, OUTSIDE_QUEBEC, strict=False))


def write_organisations(organisations: list[OrganisationPlan]) -> list[int]:
    """Federations before their affiliates, so that each row can point at its federation.
    A few member co-ops are in Ontario and Alberta: no Quebec region nor NEQ for them."""
    ids: dict[str, int] = {}
    elsewhere = outside_quebec(organisations)
    remaining = list(organisations)
    while remaining:
        ready = [o for o in remaining if not o.federation or o.federation in ids]
        if not ready:
            raise ValueError("federations form a cycle")
        rows = [
            Organisation(
                code=o.code,
                name=elsewhere[o.code][1] if o.code in elsewhere else o.name,
                legal_form=o.legal_form,
                neq="" if o.code in elsewhere else o.neq,
                region="" if o.code in elsewhere else o.region,
                province=elsewhere[o.code][0] if o.code in elsewhere else "QC",
                federation_id=ids.get(o.federation),
            )
            for o in ready
        ]
        for row in Organisation.objects.bulk_create(_checked(rows, exclude=("federation",))):
            ids[row.code] = row.pk
        remaining = [o for o in remaining if o.code not in ids]
    Membership.objects.bulk_create(
        _checked(
            [
                Membership(
                    organisation_id=ids[o.code], category=m.category, start=m.start, end=m.end
                )
                for o in organisations
                for m in o.memberships
            ],
            exclude=("organisation",),
        )
    )
    return [ids[o.code] for o in organisations]


def write_experts(experts: list[ExpertPlan]) -> list[int]:
    departments = dict(Department.objects.values_list("code", "pk"))
    fields = dict(FieldOfExpertise.objects.values_list("code", "pk"))
    rows = [
        Expert(
            code=e.code,
            first_name=e.first_name,
            last_name=e.last_name,
            email=e.email,
            role=e.role,
            department_id=departments[e.department],
            hired_on=e.hired_on,
            left_on=e.left_on,
            gender=e.gender,
            birth_year=e.birth_year,
        )
        for e in experts
    ]
    for row in _checked(rows, exclude=("department",)):
        row.clean()
    ids = [row.pk for row in Expert.objects.bulk_create(rows)]
    through = Expert.fields_of_expertise.through
    through.objects.bulk_create(
        through(expert_id=expert_id, fieldofexpertise_id=fields[code])
        for expert_id, expert in zip(ids, experts, strict=True)
        for code in expert.fields
    )
    return ids


def write_mandates(mandates: list[MandatePlan], organisation_ids: list[int]) -> list[int]:
    departments = dict(Department.objects.values_list("code", "pk"))
    types = dict(MandateType.objects.values_list("code", "pk"))
    rows = [
        Mandate(
            code=m.code,
            organisation_id=organisation_ids[m.organisation],
            title=m.title,
            mandate_type_id=types[m.mandate_type],
            department_id=departments[m.department],
            start=m.start,
            end=m.end,
            status=m.status,
        )
        for m in mandates
    ]
    _checked(rows, exclude=("organisation", "mandate_type", "department"))
    return [row.pk for row in Mandate.objects.bulk_create(rows, batch_size=2_000)]


class EntryWriter:
    """Turns planned entries into ledger rows; dates and hours are shared, not rebuilt."""

    def __init__(self, ids: WrittenIds) -> None:
        self.ids = ids
        self.days: dict[int, dt.date] = {}
        cent = Decimal("0.01")
        self.hours = [
            (Decimal(units) / UNITS_PER_HOUR).quantize(cent)
            for units in range(UNITS_PER_HOUR * 24 + 1)
        ]

    def write(self, planned: list[PlannedEntry]) -> int:
        experts, mandates, days, hours = self.ids.experts, self.ids.mandates, self.days, self.hours
        rows = []
        for expert, mandate, day, units, description in planned:
            date = days.get(day) or days.setdefault(day, day_of(day))
            rows.append((experts[expert], mandates[mandate], date, hours[units], description))
        for first in range(0, len(rows), ENTRY_BATCH):
            time_entries_bulk_write(rows[first : first + ENTRY_BATCH], new_only=True)
        return len(rows)


def write_locks() -> int:
    """Each month up to March 2021, then fiscal year 2019-2020: what finance closed."""
    for year, month in targets.LOCKED_MONTHS:
        period_lock(
            kind=PeriodKind.MONTH, month=dt.date(year, month, 1), reason="Clôture mensuelle"
        )
    for name in targets.LOCKED_FISCAL_YEARS:
        period_lock(kind=PeriodKind.FISCAL_YEAR, fiscal_year=name, reason="Clôture de l'exercice")
    return len(targets.LOCKED_MONTHS) + len(targets.LOCKED_FISCAL_YEARS)


def week_deciders(logins: list) -> WeekDeciders:
    """Who decides each department's weeks, from the directors' roles (two queries)."""
    directors = StaffRole.departments.through.objects.filter(staffrole__role=RoleKind.DIRECTOR)
    by_department = dict(
        directors.order_by("-staffrole__user_id").values_list("department_id", "staffrole__user_id")
    )
    administrator = next(login.user.pk for login in logins if login.role == RoleKind.ADMINISTRATOR)
    experts = dict(Expert.objects.exclude(user=None).values_list("pk", "user_id"))
    return WeekDeciders(by_department, administrator, experts)


def write_weeks(
    statuses: WeekStatuses, deciders: WeekDeciders, departments: dict[int, int], rng, now
) -> int:
    """TimesheetWeek rows for the recent weeks with hours: `departments` maps expert ids to
    their department's."""
    rows = []
    for status, weeks in (
        (WeekStatus.APPROVED, statuses.approved),
        (WeekStatus.SUBMITTED, statuses.submitted),
    ):
        for expert_id, monday in weeks:
            submitted_at, decided_at = week_timestamps(monday, rng, now)
            week = TimesheetWeek(
                expert_id=expert_id, week_start=monday, status=status, submitted_at=submitted_at
            )
            if status == WeekStatus.APPROVED:
                week.decided_at = decided_at
                week.decided_by_id = deciders.for_expert(expert_id, departments[expert_id])
            rows.append(week)
    for week in _checked(rows, exclude=("expert", "decided_by")):
        week.clean()
    TimesheetWeek.objects.bulk_create(rows, batch_size=2_000)
    return len(rows)


def write_recent_locks(months: list[dt.date], finance_user) -> int:
    for month in months:
        period_lock(kind=PeriodKind.MONTH, month=month, by=finance_user, reason="Clôture mensuelle")
    return len(months)


def write_import_trail(entries: int) -> None:
    """The one row a bulk write of entries leaves, as an import of a file would."""
    trail = TimeEntryImport(file_name="démo", rows=entries, created=entries, updated=0)
    trail.full_clean()
    trail.save()


def write_budgets(rng: random.Random) -> int:
    """Give each mandate with hours a budget of hours around what was logged (70 % to 130 %),
    so the demo shows mandates within budget, near it and over it."""
    logged = dict(
        TimeEntry.objects.order_by()
        .values("mandate_id")
        .annotate(total=Sum("hours"))
        .values_list("mandate_id", "total")
    )
    mandates = list(Mandate.objects.filter(pk__in=logged).order_by("pk"))
    for mandate in mandates:
        mandate.budget_hours = Decimal(round(float(logged[mandate.pk]) * rng.uniform(0.7, 1.3)))
    Mandate.objects.bulk_update(mandates, ["budget_hours"], batch_size=500)
    return len(mandates)
