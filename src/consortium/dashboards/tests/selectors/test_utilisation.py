"""Utilisation: hours entered over the weekdays employed × the standard day (see ledger.py)."""

import datetime as dt
from decimal import Decimal

import pytest

from consortium.core.fiscal_years import Period
from consortium.core.workdays import weekdays_between
from consortium.dashboards.selectors.utilisation import expert_utilisation
from consortium.dashboards.templatetags.utilisation import utilisation_badge
from consortium.testing.factories import ExpertFactory, TimeEntryFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("first", "last", "weekdays"),
    [
        (dt.date(2020, 6, 1), dt.date(2020, 6, 7), 5),  # Monday to Sunday
        (dt.date(2020, 6, 6), dt.date(2020, 6, 7), 0),  # a weekend
        (dt.date(2020, 6, 3), dt.date(2020, 6, 16), 10),  # Wednesday to Tuesday, two weeks
        (dt.date(2020, 4, 1), dt.date(2021, 3, 31), 261),  # the fiscal year 2020-2021
        (dt.date(2020, 6, 2), dt.date(2020, 6, 1), 0),  # nothing
    ],
)
def test_weekdays_are_counted_from_monday_to_friday(first, last, weekdays):
    assert weekdays_between(first, last) == weekdays


def test_utilisation_is_hours_over_the_weekdays_of_employment_times_the_standard_day(ledger):
    newcomer = ExpertFactory(
        department=ledger.people.expert.department, hired_on=dt.date(2020, 6, 8)
    )
    TimeEntryFactory(
        expert=newcomer, mandate=ledger.alpha, date=dt.date(2020, 6, 8), hours=Decimal("7")
    )
    two_weeks = Period(dt.date(2020, 6, 1), dt.date(2020, 6, 14))
    rows = {row.id: row for row in expert_utilisation(two_weeks, None)}
    owner = rows[ledger.people.expert.pk]
    assert owner.available == Decimal(70)  # ten weekdays of 7 h
    assert owner.hours == Decimal("10.50")
    assert owner.rate == Decimal("15.0")
    assert utilisation_badge(owner.band) == "warn"
    assert rows[newcomer.pk].available == Decimal(35)  # hired on the second Monday
    assert rows[newcomer.pk].rate == Decimal("20.0")
    assert rows[ledger.colleague_expert.pk].hours == Decimal("0.00")


def test_utilisation_follows_the_standard_day_setting(ledger, settings):
    settings.WORKDAY_HOURS = 7.5
    two_weeks = Period(dt.date(2020, 6, 1), dt.date(2020, 6, 14))
    rows = {row.id: row for row in expert_utilisation(two_weeks, None)}
    assert rows[ledger.people.expert.pk].available == Decimal(75)


def test_utilisation_is_sorted_highest_first_and_banded(ledger):
    one_day = Period(dt.date(2020, 6, 2), dt.date(2020, 6, 2))
    TimeEntryFactory(
        expert=ledger.colleague_expert, mandate=ledger.alpha, date=one_day.start, hours=Decimal(8)
    )
    rows = expert_utilisation(one_day, None)
    assert rows[0].id == ledger.colleague_expert.pk
    assert (rows[0].rate, utilisation_badge(rows[0].band)) == (Decimal("114.3"), "bad")
    assert (rows[1].rate, utilisation_badge(rows[1].band)) == (Decimal("50.0"), "warn")


def test_statutory_holidays_closing_days_and_days_to_come_are_not_available(ledger):
    from consortium.core.services import closing_day_create

    # Monday 29 June to Sunday 5 July 2020: Canada Day is Wednesday 1 July.
    week = Period(dt.date(2020, 6, 29), dt.date(2020, 7, 5))
    rows = {row.id: row for row in expert_utilisation(week, None)}
    assert rows[ledger.people.expert.pk].available == Decimal(28)  # four workdays of 7 h
    closing_day_create(date=dt.date(2020, 6, 29), label="Fermeture")
    rows = {row.id: row for row in expert_utilisation(week, None)}
    assert rows[ledger.people.expert.pk].available == Decimal(21)
    # On Tuesday, Thursday and Friday are still to come: only Tuesday is available.
    rows = {row.id: row for row in expert_utilisation(week, None, today=dt.date(2020, 6, 30))}
    assert rows[ledger.people.expert.pk].available == Decimal(7)
