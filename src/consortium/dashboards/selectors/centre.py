"""The centre's dashboard: hours to date against the prior year's same period (by department,
mandate type and month), weeks awaiting approval, utilisation and the organisations served
most; for the whole centre or one department."""

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, replace
from decimal import Decimal

from django.db.models import F, OuterRef, QuerySet, Subquery, Sum

from consortium.accounts.access import may_approve_weeks, weeks_approvable_by, weeks_visible_to
from consortium.core.fiscal_years import (
    Period,
    fiscal_year_bounds,
    fiscal_year_months,
    previous_fiscal_year_name,
)
from consortium.core.models import FiscalYear
from consortium.core.numbers import change_percent, hours_to_cents, percentage
from consortium.core.weeks import week_start_of
from consortium.dashboards.selectors.utilisation import (
    CentreUtilisation,
    DepartmentUtilisation,
    ExpertUtilisation,
    centre_utilisation,
    expert_utilisation,
    utilisation_by_department,
)
from consortium.mandates.models import Mandate, MandateType
from consortium.staff.models import Department
from consortium.timesheets.models import TimeEntry, TimesheetWeek, WeekStatus

TOP_ORGANISATIONS = 10
NO_HOURS = Decimal("0.00")


def _same_day_a_year_before(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


@dataclass(frozen=True)
class DashboardPeriods:
    """A fiscal year, the part of it up to today, and the same parts of the prior year."""

    year: Period
    prior_year: Period
    to_date: Period
    prior_to_date: Period

    @property
    def is_complete(self) -> bool:
        return self.to_date.end == self.year.end


@dataclass(frozen=True)
class ComparisonRow:
    """One department's or mandate type's hours, this year against the prior year's."""

    id: int
    label: str
    current: Decimal
    prior: Decimal
    variance_pct: Decimal | None


@dataclass(frozen=True)
class MonthHours:
    month: dt.date  # its first day
    current: Decimal | None  # None for a month still to come
    prior: Decimal

    @property
    def last_day(self) -> dt.date:
        return (self.month + dt.timedelta(days=31)).replace(day=1) - dt.timedelta(days=1)


@dataclass(frozen=True)
class Headline:
    hours: Decimal
    prior_hours: Decimal
    variance_pct: Decimal | None
    weeks_awaiting: int
    experts_active: int


@dataclass(frozen=True)
class TopOrganisation:
    id: int
    code: str
    name: str
    hours: Decimal
    share: Decimal | None = None  # of the dashboard's hours, where the caller knows them


@dataclass(frozen=True)
class YearAgainstPrior:
    """Hours by id (department or mandate type), this year's and the prior year's."""

    current: Mapping[int, Decimal]
    prior: Mapping[int, Decimal]


@dataclass(frozen=True)
class ServiceHoursComparison:
    by_department: YearAgainstPrior
    by_mandate_type: YearAgainstPrior
    current_months: list[Decimal]  # in the fiscal year's order
    prior_months: list[Decimal]


@dataclass(frozen=True)
class CentreDashboard:
    periods: DashboardPeriods
    headline: Headline
    by_department: list[ComparisonRow]
    by_mandate_type: list[ComparisonRow]
    by_month: list[MonthHours]
    utilisation: list[ExpertUtilisation]
    utilisation_by_department: list[DepartmentUtilisation]
    centre_utilisation: CentreUtilisation
    top_organisations: list[TopOrganisation]
    departments: list[tuple[int, str]]  # (id, name), by name
    utilisation_period: Period  # complete weeks only (`utilisation_period`)


def dashboard_periods(fiscal_year: str, today: dt.date) -> DashboardPeriods:
    """The periods the centre's dashboard compares (one query: the stored fiscal years).

    A fiscal year still running is counted up to `today`, and compared with the prior year up
    to the same day; a past year is counted whole.
    """
    prior_name = previous_fiscal_year_name(fiscal_year)
    stored = {
        name: (start, end)
        for name, start, end in FiscalYear.objects.filter(
            name__in=[fiscal_year, prior_name]
        ).values_list("name", "start_date", "end_date")
    }
    year = Period(*stored.get(fiscal_year) or fiscal_year_bounds(fiscal_year), fiscal_year)
    prior_year = Period(*stored.get(prior_name) or fiscal_year_bounds(prior_name), prior_name)
    last_day = max(min(today, year.end), year.start)
    prior_last_day = min(max(_same_day_a_year_before(last_day), prior_year.start), prior_year.end)
    if last_day == year.end:
        prior_last_day = prior_year.end
    return DashboardPeriods(
        year=year,
        prior_year=prior_year,
        to_date=Period(year.start, last_day, fiscal_year),
        prior_to_date=Period(prior_year.start, prior_last_day, prior_name),
    )


def utilisation_period(periods: DashboardPeriods, today: dt.date) -> Period:
    """The part of the year utilisation is measured on: up to the end of the last complete week.

    The current week is still being filled in (most people enter their hours by Friday): its
    days would count as available before anyone could have entered them. A year that began this
    week is measured on its days so far.
    """
    to_date = periods.to_date
    monday = week_start_of(today)
    if to_date.start < monday <= to_date.end:
        return Period(to_date.start, monday - dt.timedelta(days=1), to_date.label)
    return to_date


def _fiscal_months(year: Period) -> list[dt.date]:
    """The first day of each month of the fiscal year, in order."""
    return [month.start for month in fiscal_year_months(year)]


def _comparison_rows(hours: YearAgainstPrior, names: Mapping[int, str]) -> list[ComparisonRow]:
    """Rows largest first this year (then the prior year's largest)."""
    rows = []
    for key in set(hours.current) | set(hours.prior):
        current, prior = hours.current.get(key, NO_HOURS), hours.prior.get(key, NO_HOURS)
        rows.append(
            ComparisonRow(
                id=key,
                label=names.get(key, "?"),
                current=current,
                prior=prior,
                variance_pct=change_percent(current, prior),
            )
        )
    rows.sort(key=lambda row: (-row.current, -row.prior, row.label))
    return rows


def _mandate_hours(period: Period) -> Subquery:
    """Each mandate's hours in `period`: a range seek on the (mandate, date, hours) index, which
    holds every column it reads, rather than a join that visits each entry's row."""
    return Subquery(
        TimeEntry.objects.filter(mandate=OuterRef("pk"), date__range=(period.start, period.end))
        .order_by()
        .values("mandate")
        .annotate(total=Sum("hours"))
        .values("total")
    )


def _mandates(department_id: int | None) -> QuerySet[Mandate]:
    mandates = Mandate.objects.order_by()
    return mandates.filter(department_id=department_id) if department_id else mandates


def service_hours_comparison(
    periods: DashboardPeriods, department_id: int | None
) -> ServiceHoursComparison:
    """Hours to date against the prior year's same period, by department and mandate type, and
    each month of both years (two queries).

    The months come from daily totals (at most 731 rows, whatever the number of entries), summed
    here: a month function would be called in Python for every entry by SQLite.
    """
    to_date, prior_to_date = periods.to_date, periods.prior_to_date
    by_dimensions = (
        _mandates(department_id)
        .values("department_id", "mandate_type_id")
        .annotate(current=Sum(_mandate_hours(to_date)), prior=Sum(_mandate_hours(prior_to_date)))
    )
    by_department: dict[str, dict[int, Decimal]] = {
        "current": defaultdict(Decimal),
        "prior": defaultdict(Decimal),
    }
    by_type: dict[str, dict[int, Decimal]] = {
        "current": defaultdict(Decimal),
        "prior": defaultdict(Decimal),
    }
    for row in by_dimensions:
        for series in ("current", "prior"):
            value = hours_to_cents(row[series])
            if value:
                by_department[series][row["department_id"]] += value
                by_type[series][row["mandate_type_id"]] += value

    entries = TimeEntry.objects.filter(date__range=(periods.prior_year.start, to_date.end))
    if department_id:
        entries = entries.filter(mandate__in=_mandates(department_id).values("pk"))
    current_by_month = dict.fromkeys(_fiscal_months(periods.year), NO_HOURS)
    prior_by_month = dict.fromkeys(_fiscal_months(periods.prior_year), NO_HOURS)
    for row in entries.values("date").annotate(hours=Sum("hours")).order_by():
        day = row["date"]
        months = current_by_month if day >= periods.year.start else prior_by_month
        month = day.replace(day=1)
        if month in months:
            months[month] += hours_to_cents(row["hours"])
    return ServiceHoursComparison(
        by_department=YearAgainstPrior(**by_department),
        by_mandate_type=YearAgainstPrior(**by_type),
        current_months=list(current_by_month.values()),
        prior_months=list(prior_by_month.values()),
    )


def _weeks_awaiting_approval(user, roles: frozenset[str], department_id: int | None) -> int:
    """Submitted weeks, one query, never one's own: a director or an administrator counts those
    they may approve (`weeks_approvable_by`, the approval list's); finance and communications,
    who decide none, count the centre's (`weeks_visible_to`). See docs/permissions.md."""
    submitted = TimesheetWeek.objects.filter(status=WeekStatus.SUBMITTED)
    if may_approve_weeks(roles):
        weeks = weeks_approvable_by(user, among=submitted, roles=roles)
    else:
        weeks = weeks_visible_to(user, among=submitted, roles=roles).exclude(expert__user=user)
    if department_id:
        weeks = weeks.filter(expert__department_id=department_id)
    return weeks.count()


def top_organisations(period: Period, department_id: int | None) -> list[TopOrganisation]:
    """The organisations served most in `period`, by hours (one query)."""
    rows = (
        _mandates(department_id)
        .values("organisation_id", "organisation__code", "organisation__name")
        .annotate(hours=Sum(_mandate_hours(period)))
        .order_by(F("hours").desc(nulls_last=True), "organisation__name")[:TOP_ORGANISATIONS]
    )
    return [
        TopOrganisation(
            id=row["organisation_id"],
            code=row["organisation__code"],
            name=row["organisation__name"],
            hours=hours_to_cents(row["hours"]),
        )
        for row in rows
        if row["hours"]
    ]


def department_names() -> dict[int, str]:
    """Every department's name in the active language, by id (one query)."""
    return {department.pk: department.name for department in Department.objects.all()}


def _months(periods: DashboardPeriods, hours: ServiceHoursComparison) -> list[MonthHours]:
    """Each month of the year next to the prior year's; no figure yet for a month to come."""
    months = []
    for index, month in enumerate(_fiscal_months(periods.year)):
        started = month <= periods.to_date.end
        months.append(
            MonthHours(
                month=month,
                current=hours.current_months[index] if started else None,
                prior=hours.prior_months[index] if index < len(hours.prior_months) else NO_HOURS,
            )
        )
    return months


def centre_dashboard(
    *,
    user,
    roles: frozenset[str],
    fiscal_year: str,
    today: dt.date,
    department_id: int | None,
    department_names: dict[int, str],
) -> CentreDashboard:
    """Everything the centre's dashboard shows for `fiscal_year`, optionally one department's
    (mandates of that department for hours, its experts for utilisation and weeks): eight queries.
    """
    periods = dashboard_periods(fiscal_year, today)
    type_names = {kind.pk: kind.name for kind in MandateType.objects.all()}
    hours = service_hours_comparison(periods, department_id)
    by_department = _comparison_rows(hours.by_department, department_names)
    by_mandate_type = _comparison_rows(hours.by_mandate_type, type_names)
    total = sum((row.current for row in by_department), NO_HOURS)
    prior_total = sum((row.prior for row in by_department), NO_HOURS)
    measured = utilisation_period(periods, today)
    utilisation = [
        replace(row, department=department_names.get(row.department_id, "?"))
        for row in expert_utilisation(measured, department_id, today)
    ]
    organisations = [
        replace(organisation, share=percentage(organisation.hours, total))
        for organisation in top_organisations(periods.to_date, department_id)
    ]
    return CentreDashboard(
        periods=periods,
        headline=Headline(
            hours=total,
            prior_hours=prior_total,
            variance_pct=change_percent(total, prior_total),
            weeks_awaiting=_weeks_awaiting_approval(user, roles, department_id),
            experts_active=sum(1 for row in utilisation if row.hours),
        ),
        by_department=by_department,
        by_mandate_type=by_mandate_type,
        by_month=_months(periods, hours),
        utilisation=utilisation,
        utilisation_by_department=utilisation_by_department(utilisation, department_names),
        centre_utilisation=centre_utilisation(utilisation),
        top_organisations=organisations,
        departments=sorted(department_names.items(), key=lambda item: item[1]),
        utilisation_period=measured,
    )
