"""The dashboards' figures: the centre's (hours against the prior year, utilisation, organisations
served most) and an expert's own (their week and month).

Every figure is aggregated in SQL; each selector makes a fixed number of queries whatever the
size of the ledger (counted in the docstrings, asserted in the tests).
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.db.models import F, OuterRef, Q, QuerySet, Subquery, Sum

from consortium.accounts.access import may_approve_weeks, weeks_approvable_by, weeks_visible_to
from consortium.core.fiscal_years import (
    Period,
    fiscal_year_bounds,
    fiscal_year_months,
    month_period,
    previous_fiscal_year_name,
)
from consortium.core.models import FiscalYear
from consortium.core.numbers import change_percent, hours_to_cents, percentage
from consortium.core.weeks import week_days, week_start_of
from consortium.mandates.models import Mandate, MandateType
from consortium.staff.models import Department, Expert
from consortium.timesheets.models import TimeEntry, TimesheetWeek, WeekStatus

ONE_WEEK = dt.timedelta(days=7)
RECENT_WEEKS = 8
TOP_ORGANISATIONS = 10
# Utilisation bands: under LOW is worth a look, over FULL means hours beyond the standard day.
LOW_UTILISATION = Decimal(60)
FULL_UTILISATION = Decimal(100)


def workday_hours() -> Decimal:
    """The standard working day, in hours (7 unless the settings say otherwise)."""
    return Decimal(str(settings.WORKDAY_HOURS))


def weekdays_between(first: dt.date, last: dt.date) -> int:
    """Mondays to Fridays from `first` to `last`, both included (statutory holidays not removed)."""
    if last < first:
        return 0
    full_weeks, extra_days = divmod((last - first).days + 1, 7)
    first_weekday = first.weekday()
    return full_weeks * 5 + sum(
        1 for offset in range(extra_days) if (first_weekday + offset) % 7 < 5
    )


def utilisation_band(rate: Decimal | None) -> str:
    """The badge class of a utilisation rate: warn under 60 %, bad over 100 %, ok between."""
    if rate is None:
        return ""
    if rate < LOW_UTILISATION:
        return "warn"
    if rate > FULL_UTILISATION:
        return "bad"
    return "ok"


# --- the centre's dashboard ---------------------------------------------------------------------


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


def _fiscal_months(year: Period) -> list[dt.date]:
    """The first day of each month of the fiscal year, in order."""
    return [month.start for month in fiscal_year_months(year)]


def _comparison_rows(
    current: dict[int, Decimal], prior: dict[int, Decimal], names: dict[int, str]
) -> list[dict]:
    """Rows largest first this year (then the prior year's largest)."""
    keys = set(current) | set(prior)
    rows = [
        {
            "id": key,
            "label": names.get(key, "?"),
            "current": current.get(key, Decimal("0.00")),
            "prior": prior.get(key, Decimal("0.00")),
        }
        for key in keys
    ]
    for row in rows:
        row["variance_pct"] = change_percent(row["current"], row["prior"])
    rows.sort(key=lambda row: (-row["current"], -row["prior"], row["label"]))
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


def service_hours_comparison(periods: DashboardPeriods, department_id: int | None) -> dict:
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
    current_months = _fiscal_months(periods.year)
    prior_months = _fiscal_months(periods.prior_year)
    current_by_month = dict.fromkeys(current_months, Decimal("0.00"))
    prior_by_month = dict.fromkeys(prior_months, Decimal("0.00"))
    for row in entries.values("date").annotate(hours=Sum("hours")).order_by():
        day = row["date"]
        months = current_by_month if day >= periods.year.start else prior_by_month
        month = day.replace(day=1)
        if month in months:
            months[month] += hours_to_cents(row["hours"])
    return {
        "by_department": by_department,
        "by_mandate_type": by_type,
        "current_months": list(current_by_month.values()),
        "prior_months": list(prior_by_month.values()),
    }


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


def expert_utilisation(period: Period, department_id: int | None) -> list[dict]:
    """Each expert employed during `period`: hours entered, hours available (weekdays of their
    employment within the period × the standard day) and their ratio in percent, highest first
    (one query: each expert's hours are a range seek on the (expert, date) index)."""
    hours = (
        TimeEntry.objects.filter(expert=OuterRef("pk"), date__range=(period.start, period.end))
        .order_by()
        .values("expert")
        .annotate(total=Sum("hours"))
        .values("total")
    )
    experts = Expert.objects.filter(hired_on__lte=period.end).filter(
        Q(left_on__isnull=True) | Q(left_on__gte=period.start)
    )
    if department_id:
        experts = experts.filter(department_id=department_id)
    standard_day = workday_hours()
    rows = []
    for expert in experts.annotate(hours=Subquery(hours)).values(
        "pk", "first_name", "last_name", "department_id", "hired_on", "left_on", "hours"
    ):
        first = max(expert["hired_on"], period.start)
        last = min(expert["left_on"] or period.end, period.end)
        available = weekdays_between(first, last) * standard_day
        entered = hours_to_cents(expert["hours"])
        rate = percentage(entered, available)
        rows.append(
            {
                "id": expert["pk"],
                "name": f"{expert['first_name']} {expert['last_name']}",
                "department_id": expert["department_id"],
                "hours": entered,
                "available": available,
                "rate": rate,
                "band": utilisation_band(rate),
            }
        )
    rows.sort(key=lambda row: (-(row["rate"] or Decimal(-1)), row["name"]))
    return rows


def _utilisation_by_department(rows: list[dict], names: dict[int, str]) -> list[dict]:
    """Each department's utilisation: its experts' hours over their hours available."""
    totals: dict[int, list[Decimal]] = defaultdict(lambda: [Decimal(0), Decimal(0), 0])
    for row in rows:
        total = totals[row["department_id"]]
        total[0] += row["hours"]
        total[1] += row["available"]
        total[2] += 1
    departments = []
    for department_id, (entered, available, experts) in totals.items():
        rate = percentage(entered, available)
        departments.append(
            {
                "id": department_id,
                "label": names.get(department_id, "?"),
                "experts": experts,
                "hours": entered,
                "available": available,
                "rate": rate,
                "band": utilisation_band(rate),
            }
        )
    departments.sort(key=lambda row: row["label"])
    return departments


def top_organisations(period: Period, department_id: int | None) -> list[dict]:
    """The organisations served most in `period`, by hours (one query)."""
    rows = (
        _mandates(department_id)
        .values("organisation_id", "organisation__code", "organisation__name")
        .annotate(hours=Sum(_mandate_hours(period)))
        .order_by(F("hours").desc(nulls_last=True), "organisation__name")[:TOP_ORGANISATIONS]
    )
    return [
        {
            "id": row["organisation_id"],
            "code": row["organisation__code"],
            "name": row["organisation__name"],
            "hours": hours_to_cents(row["hours"]),
        }
        for row in rows
        if row["hours"]
    ]


def department_names() -> dict[int, str]:
    """Every department's name in the active language, by id (one query)."""
    return {department.pk: department.name for department in Department.objects.all()}


def centre_dashboard(
    *,
    user,
    roles: frozenset[str],
    fiscal_year: str,
    today: dt.date,
    department_id: int | None,
    department_names: dict[int, str],
) -> dict:
    """Everything the centre's dashboard shows for `fiscal_year`, optionally one department's
    (mandates of that department for hours, its experts for utilisation and weeks): seven queries.
    """
    periods = dashboard_periods(fiscal_year, today)
    type_names = {kind.pk: kind.name for kind in MandateType.objects.all()}
    hours = service_hours_comparison(periods, department_id)
    by_department = _comparison_rows(
        hours["by_department"]["current"], hours["by_department"]["prior"], department_names
    )
    by_mandate_type = _comparison_rows(
        hours["by_mandate_type"]["current"], hours["by_mandate_type"]["prior"], type_names
    )
    months = []
    for index, month in enumerate(_fiscal_months(periods.year)):
        started = month <= periods.to_date.end
        months.append(
            {
                "month": month,
                "current": hours["current_months"][index] if started else None,
                "prior": hours["prior_months"][index]
                if index < len(hours["prior_months"])
                else Decimal("0.00"),
            }
        )
    total = sum((row["current"] for row in by_department), Decimal("0.00"))
    prior_total = sum((row["prior"] for row in by_department), Decimal("0.00"))
    utilisation = expert_utilisation(periods.to_date, department_id)
    organisations = top_organisations(periods.to_date, department_id)
    for organisation in organisations:
        organisation["share"] = percentage(organisation["hours"], total)
    centre_hours = sum((row["hours"] for row in utilisation), Decimal(0))
    centre_available = sum((row["available"] for row in utilisation), Decimal(0))
    centre_rate = percentage(centre_hours, centre_available)
    for row in utilisation:
        row["department"] = department_names.get(row["department_id"], "?")
    return {
        "periods": periods,
        "headline": {
            "hours": total,
            "prior_hours": prior_total,
            "variance_pct": change_percent(total, prior_total),
            "weeks_awaiting": _weeks_awaiting_approval(user, roles, department_id),
            "experts_active": sum(1 for row in utilisation if row["hours"]),
        },
        "by_department": by_department,
        "by_mandate_type": by_mandate_type,
        "by_month": months,
        "utilisation": utilisation,
        "utilisation_by_department": _utilisation_by_department(utilisation, department_names),
        "centre_utilisation": {
            "hours": centre_hours,
            "available": centre_available,
            "rate": centre_rate,
            "band": utilisation_band(centre_rate),
        },
        "top_organisations": organisations,
        "departments": sorted(department_names.items(), key=lambda item: item[1]),
    }


# --- an expert's own dashboard ------------------------------------------------------------------


def expert_dashboard(*, expert: Expert, day: dt.date) -> dict:
    """An expert's week and month around `day`, and the state of their recent weeks (three
    queries: the daily totals, the month's hours by mandate, the weeks' states)."""
    standard_day = workday_hours()
    monday = week_start_of(day)
    days = week_days(monday)
    month = month_period(day.year, day.month)
    first_recent_monday = monday - (RECENT_WEEKS - 1) * ONE_WEEK
    month_mondays = []
    week = week_start_of(month.start)
    while week <= month.end:
        month_mondays.append(week)
        week += ONE_WEEK
    first_day = min(first_recent_monday, month.start)
    last_day = max(days[-1], month.end)

    daily = {
        row["date"]: hours_to_cents(row["hours"])
        for row in TimeEntry.objects.filter(expert=expert, date__range=(first_day, last_day))
        .values("date")
        .annotate(hours=Sum("hours"))
        .order_by()
    }
    by_mandate = [
        {
            "id": row["mandate_id"],
            "code": row["mandate__code"],
            "title": row["mandate__title"],
            "organisation": row["mandate__organisation__name"],
            "hours": hours_to_cents(row["hours"]),
        }
        for row in TimeEntry.objects.filter(expert=expert, date__range=(month.start, month.end))
        .values("mandate_id", "mandate__code", "mandate__title", "mandate__organisation__name")
        .annotate(hours=Sum("hours"))
        .order_by("-hours", "mandate__code")
    ]
    statuses = dict(
        TimesheetWeek.objects.filter(
            expert=expert, week_start__range=(min(first_recent_monday, month_mondays[0]), last_day)
        ).values_list("week_start", "status")
    )

    def employed(on: dt.date) -> bool:
        return expert.hired_on <= on and (expert.left_on is None or on <= expert.left_on)

    def week_hours(start: dt.date, within: Period | None = None) -> Decimal:
        return sum(
            (
                daily.get(one, Decimal(0))
                for one in week_days(start)
                if within is None or one in within
            ),
            Decimal("0.00"),
        )

    week_rows = [
        {
            "date": one,
            "hours": daily.get(one, Decimal("0.00")),
            "standard": standard_day if one.weekday() < 5 and employed(one) else Decimal(0),
        }
        for one in days
    ]
    week_total = sum((row["hours"] for row in week_rows), Decimal("0.00"))
    week_standard = sum((row["standard"] for row in week_rows), Decimal(0))
    month_first = max(month.start, expert.hired_on)
    month_last = min(month.end, expert.left_on or month.end)
    month_available = weekdays_between(month_first, month_last) * standard_day
    month_total = sum((row["hours"] for row in by_mandate), Decimal("0.00"))
    month_rate = percentage(month_total, month_available)
    for row in by_mandate:
        row["share"] = percentage(row["hours"], month_total)

    def week_row(start: dt.date, within: Period | None = None) -> dict:
        status = WeekStatus(statuses.get(start, WeekStatus.DRAFT))
        return {
            "start": start,
            "end": start + dt.timedelta(days=6),
            "hours": week_hours(start, within),
            "status": status,
        }

    return {
        "expert": expert,
        "day": day,
        "standard_day": standard_day,
        "week": {
            "start": monday,
            "end": days[-1],
            "days": week_rows,
            "hours": week_total,
            "standard": week_standard,
            "rate": percentage(week_total, week_standard),
        },
        "month": {
            "period": month,
            "hours": month_total,
            "available": month_available,
            "rate": month_rate,
            "band": utilisation_band(month_rate),
            "by_mandate": by_mandate,
            "by_week": [week_row(start, month) for start in month_mondays],
        },
        "recent_weeks": [
            week_row(first_recent_monday + offset * ONE_WEEK) for offset in range(RECENT_WEEKS)
        ][::-1],
    }
