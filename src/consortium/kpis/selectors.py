"""The figures of the service ledger for any period: hours, enterprises, members and staff.

Every figure is computed in SQL with a fixed number of queries, whatever the size of the ledger:
`ledger_kpis` makes four, each family of figures coming from one selector below. Hours are read
from the entries' covering (mandate, date, hours) index. The rollup of hours by day × expert ×
mandate (`HoursRollup`, kept exact by triggers on every write) gives the same figures
(`ledger_hours(period, from_rollup=True)`) but no speed: the demo logs one entry per day,
expert and mandate, so it has as many rows as the entries, without their covering index
(benchmarks/bench_kpis.py: 0.099 s against 0.058 s at 100k on SQLite). A coarser rollup
(mandate × month, with the days at the edges of memberships) is what would pay.
"""

import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from django.db import connection
from django.db.models import Count, Exists, OuterRef, Q, Sum

from consortium.core.fiscal_years import Period
from consortium.core.numbers import hours_to_cents, ratio
from consortium.mandates.models import Mandate, MandateType
from consortium.members.models import MemberCategory, Membership, Organisation
from consortium.staff.models import Department, Expert, Gender, Role
from consortium.timesheets.models import HoursRollup, TimeEntry

NON_MEMBER = "non_member"
MEMBER_CATEGORY_KEYS = (*(category.value for category in MemberCategory), NON_MEMBER)
DECLARED_GENDERS = (Gender.WOMAN.value, Gender.MAN.value, Gender.OTHER.value)
ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class LedgerHours:
    """The period's service hours; each breakdown maps a code to its hours and adds up to
    `service_hours`."""

    service_hours: Decimal
    hours_by_department: Mapping[str, Decimal]  # department code → hours, by code
    hours_by_mandate_type: Mapping[str, Decimal]  # mandate type code → hours, by code
    hours_by_member_category: Mapping[str, Decimal]  # every MEMBER_CATEGORY_KEYS, in order
    enterprises_served: int


@dataclass(frozen=True)
class MembershipFigures:
    members_at_start: int
    members_at_end: int
    new_members: int
    departed_members: int
    membership_growth_pct: Decimal | None


@dataclass(frozen=True)
class StaffFigures:
    headcount: Mapping[str, int]  # role → experts employed on the period's last day
    gender_pct: Mapping[str, Decimal | None]  # declared gender → share of those who declared one
    average_age: Decimal | None


@dataclass(frozen=True)
class LedgerKpis:
    """Every figure of the service ledger for one period, in the report's order (the order of
    `as_dict`, which `consortium kpis --format json` prints)."""

    service_hours: Decimal
    hours_by_department: Mapping[str, Decimal]
    hours_by_mandate_type: Mapping[str, Decimal]
    hours_by_member_category: Mapping[str, Decimal]
    enterprises_served: int
    enterprises_reached: int
    members_at_start: int
    members_at_end: int
    new_members: int
    departed_members: int
    membership_growth_pct: Decimal | None
    headcount: Mapping[str, int]
    gender_pct: Mapping[str, Decimal | None]
    average_age: Decimal | None

    def as_dict(self) -> dict:
        """The figures under their names, breakdowns as plain dicts."""
        return dataclasses.asdict(self)


def _tables(*, from_rollup: bool = False) -> dict[str, str]:
    quote = connection.ops.quote_name
    # The rollup has the entries' mandate, date and hours columns: the same SQL reads either.
    hours_table = HoursRollup if from_rollup else TimeEntry
    return {
        "entry": quote(hours_table._meta.db_table),
        "mandate": quote(Mandate._meta.db_table),
        "department": quote(Department._meta.db_table),
        "mandate_type": quote(MandateType._meta.db_table),
        "membership": quote(Membership._meta.db_table),
        "organisation": quote(Organisation._meta.db_table),
        "end": quote(Membership._meta.get_field("end").column),
    }


# The period is cut, for every organisation, into the days it was a member of one category
# (inclusive bounds: a membership clipped to the period) and the days it was not (exclusive
# bounds: from the day after a membership ends, or the period's eve, to the next membership's
# first day, or the day after the period). Memberships of one organisation never overlap
# (Membership.clean), so each entry falls in exactly one piece and the year's entries are read
# once. Each piece of each mandate is one range seek on the covering (mandate, date, hours)
# index: no primary-key lookup per entry, and no sort of the entries for a GROUP BY.
_HOURS_SQL = """
WITH member_days AS (
    SELECT ms.organisation_id AS organisation_id, ms.category AS category,
           CASE WHEN ms.start > %(first)s THEN ms.start ELSE %(first)s END AS low,
           CASE WHEN ms.{end} IS NULL OR ms.{end} > %(last)s THEN %(last)s ELSE ms.{end} END
               AS high
    FROM {membership} ms
    WHERE ms.start <= %(last)s AND (ms.{end} IS NULL OR ms.{end} >= %(first)s)
),
other_days AS (
    SELECT o.id AS organisation_id, %(eve)s AS after,
           COALESCE((SELECT MIN(n.start) FROM {membership} n
                     WHERE n.organisation_id = o.id
                       AND n.start >= %(first)s AND n.start <= %(last)s), %(morrow)s) AS before
    FROM {organisation} o
    WHERE NOT EXISTS (SELECT 1 FROM {membership} c
                      WHERE c.organisation_id = o.id AND c.start < %(first)s
                        AND (c.{end} IS NULL OR c.{end} >= %(first)s))
    UNION ALL
    SELECT p.organisation_id, p.{end},
           COALESCE((SELECT MIN(n.start) FROM {membership} n
                     WHERE n.organisation_id = p.organisation_id
                       AND n.start > p.{end} AND n.start <= %(last)s), %(morrow)s)
    FROM {membership} p
    WHERE p.{end} >= %(first)s AND p.{end} < %(last)s
)
SELECT m.organisation_id, d.code, t.code, s.category,
       (SELECT SUM(e.hours) FROM {entry} e
        WHERE e.mandate_id = m.id AND e.date >= s.low AND e.date <= s.high)
FROM member_days s
JOIN {mandate} m ON m.organisation_id = s.organisation_id
JOIN {department} d ON d.id = m.department_id
JOIN {mandate_type} t ON t.id = m.mandate_type_id
UNION ALL
SELECT m.organisation_id, d.code, t.code, '{non_member}',
       (SELECT SUM(e.hours) FROM {entry} e
        WHERE e.mandate_id = m.id AND e.date > g.after AND e.date < g.before)
FROM other_days g
JOIN {mandate} m ON m.organisation_id = g.organisation_id
JOIN {department} d ON d.id = m.department_id
JOIN {mandate_type} t ON t.id = m.mandate_type_id
"""


def _period_parameters(period: Period) -> dict[str, dt.date]:
    return {
        "first": period.start,
        "last": period.end,
        "eve": period.start - ONE_DAY,
        "morrow": period.end + ONE_DAY,
    }


def ledger_hours(period: Period, *, from_rollup: bool = False) -> LedgerHours:
    """Service hours of the period, in total and by department, mandate type and member category,
    and the number of organisations served (owning a mandate with hours in the period).

    One query, one pass over the period's entries (`from_rollup`: over its rows of the hours
    rollup instead, the same figures; see the module's docstring).
    """
    sql = _HOURS_SQL.format(**_tables(from_rollup=from_rollup), non_member=NON_MEMBER)
    by_department: dict[str, Decimal] = defaultdict(Decimal)
    by_mandate_type: dict[str, Decimal] = defaultdict(Decimal)
    by_category: dict[str, Decimal] = dict.fromkeys(MEMBER_CATEGORY_KEYS, Decimal("0.00"))
    served: set[int] = set()
    with connection.cursor() as cursor:
        cursor.execute(sql, _period_parameters(period))
        for organisation_id, department, mandate_type, category, total in cursor.fetchall():
            if total is None:
                continue
            hours = hours_to_cents(total)
            by_department[department] += hours
            by_mandate_type[mandate_type] += hours
            by_category[category] += hours
            served.add(organisation_id)
    return LedgerHours(
        service_hours=sum(by_category.values(), Decimal("0.00")),
        hours_by_department=dict(sorted(by_department.items())),
        hours_by_mandate_type=dict(sorted(by_mandate_type.items())),
        hours_by_member_category=by_category,
        enterprises_served=len(served),
    )


# UNION (not UNION ALL) drops an organisation already reached, which also ends the recursion
# should federations ever form a cycle.
_REACHED_SQL = """
WITH RECURSIVE reached(id) AS (
    SELECT m.organisation_id FROM {mandate} m
    WHERE EXISTS (SELECT 1 FROM {entry} e
                  WHERE e.mandate_id = m.id AND e.date >= %(first)s AND e.date <= %(last)s)
    UNION
    SELECT o.id FROM {organisation} o JOIN reached r ON o.federation_id = r.id
)
SELECT COUNT(*) FROM reached
"""


def enterprises_reached(period: Period) -> int:
    """Organisations served in the period, with every organisation whose federation, or a
    federation above it, was served; each counted once."""
    with connection.cursor() as cursor:
        cursor.execute(_REACHED_SQL.format(**_tables()), _period_parameters(period))
        return cursor.fetchone()[0]


def _member_on(day: dt.date) -> Q:
    return Q(start__lte=day) & (Q(end__isnull=True) | Q(end__gte=day))


def membership_figures(period: Period) -> MembershipFigures:
    """Member organisations at the start and the end of the period, those that joined and left.

    An organisation whose membership changes category (one membership's last day D, the next
    one's first day D + 1) stays a member: it neither joins nor leaves.
    """
    first, last = period.start, period.end
    memberships = Membership.objects.filter(organisation=OuterRef("pk"))
    # A member on the first day counts at the start only if it already was the day before.
    member_before = Exists(memberships.filter(_member_on(first), start__lt=first))
    changed_category_on_first_day = Exists(memberships.filter(start=first)) & Exists(
        memberships.filter(end=first - ONE_DAY)
    )
    continued = Membership.objects.filter(
        organisation=OuterRef("organisation"), end=OuterRef("start") - ONE_DAY
    )
    joined = Exists(memberships.filter(start__range=(first, last)).exclude(Exists(continued)))
    counts = Organisation.objects.aggregate(
        at_start=Count("pk", filter=member_before | changed_category_on_first_day),
        at_end=Count("pk", filter=Exists(memberships.filter(_member_on(last)))),
        new=Count("pk", filter=joined),
    )
    at_start, at_end, new = counts["at_start"], counts["at_end"], counts["new"]
    return MembershipFigures(
        members_at_start=at_start,
        members_at_end=at_end,
        new_members=new,
        departed_members=at_start + new - at_end,
        membership_growth_pct=ratio((at_end - at_start) * 100, at_start),
    )


def staff_figures(period: Period) -> StaffFigures:
    """Experts employed on the period's last day: by role, by declared gender, and their mean age
    (the last day's year minus the birth year, among those who gave one)."""
    last = period.end
    counts = (
        Expert.objects.filter(hired_on__lte=last)
        .filter(Q(left_on__isnull=True) | Q(left_on__gte=last))
        .aggregate(
            **{role.value: Count("pk", filter=Q(role=role.value)) for role in Role},
            **{gender: Count("pk", filter=Q(gender=gender)) for gender in DECLARED_GENDERS},
            with_birth_year=Count("birth_year"),
            birth_years=Sum("birth_year"),
        )
    )
    declared = sum(counts[gender] for gender in DECLARED_GENDERS)
    with_birth_year = counts["with_birth_year"]
    return StaffFigures(
        headcount={role.value: counts[role.value] for role in Role},
        gender_pct={gender: ratio(counts[gender] * 100, declared) for gender in DECLARED_GENDERS},
        average_age=ratio(
            last.year * with_birth_year - (counts["birth_years"] or 0), with_birth_year
        ),
    )


def ledger_dimension_names() -> dict[str, dict[str, str]]:
    """Names of departments and mandate types by code, in the active language."""
    return {
        "departments": {item.code: item.name for item in Department.objects.all()},
        "mandate_types": {item.code: item.name for item in MandateType.objects.all()},
    }


def ledger_kpis(period: Period) -> LedgerKpis:
    """Every figure of the service ledger for `period` (a fiscal year, a calendar year, any range).

    Hours are Decimals with two places, percentages and the average age Decimals with one
    (None when there is nothing to divide by).
    """
    hours = ledger_hours(period)
    members = membership_figures(period)
    staff = staff_figures(period)
    return LedgerKpis(
        service_hours=hours.service_hours,
        hours_by_department=hours.hours_by_department,
        hours_by_mandate_type=hours.hours_by_mandate_type,
        hours_by_member_category=hours.hours_by_member_category,
        enterprises_served=hours.enterprises_served,
        enterprises_reached=enterprises_reached(period),
        **dataclasses.asdict(members),
        **dataclasses.asdict(staff),
    )
