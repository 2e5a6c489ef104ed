"""The centre's dashboard against a ledger computed by hand (see ledger.py)."""

import datetime as dt
from decimal import Decimal

import pytest

from consortium.core.fiscal_years import Period
from consortium.dashboards.selectors.centre import (
    ComparisonRow,
    centre_dashboard,
    dashboard_periods,
    department_names,
)
from consortium.testing.factories import ExpertFactory, TimeEntryFactory, TimesheetWeekFactory
from consortium.testing.ledger import PRIOR_YEAR, YEAR, add_more_of_everything
from consortium.timesheets.models import WeekStatus
from consortium.timesheets.selectors.ledger import fiscal_years_with_hours

pytestmark = pytest.mark.django_db

AFTER_THE_YEAR = dt.date(2021, 6, 1)
# 8 since issue 13 (point 7): the centre's closing days, left out of the hours available.
CENTRE_QUERIES = 8


def centre(ledger, *, user=None, roles=frozenset({"administrator"}), today=AFTER_THE_YEAR, **kw):
    return centre_dashboard(
        user=user or ledger.people.administrator,
        roles=roles,
        fiscal_year=kw.get("fiscal_year", YEAR),
        today=today,
        department_id=kw.get("department_id"),
        department_names=department_names(),
    )


def by_label(rows: list[ComparisonRow]) -> dict[str, tuple[Decimal, Decimal]]:
    return {row.label: (row.current, row.prior) for row in rows}


def test_a_running_year_is_compared_with_the_prior_year_up_to_the_same_day():
    periods = dashboard_periods("2020-2021", dt.date(2020, 6, 15))
    assert periods.to_date == Period(dt.date(2020, 4, 1), dt.date(2020, 6, 15), "2020-2021")
    assert periods.prior_to_date == Period(dt.date(2019, 4, 1), dt.date(2019, 6, 15), "2019-2020")
    assert not periods.is_complete


def test_a_past_year_is_compared_whole_with_the_whole_prior_year():
    periods = dashboard_periods("2020-2021", AFTER_THE_YEAR)
    assert periods.to_date.end == dt.date(2021, 3, 31)
    assert periods.prior_to_date.end == dt.date(2020, 3, 31)
    assert periods.is_complete


def test_the_29th_of_february_is_compared_with_the_28th():
    periods = dashboard_periods("2023-2024", dt.date(2024, 2, 29))
    assert periods.prior_to_date.end == dt.date(2023, 2, 28)


def test_hours_by_department_and_mandate_type_are_set_against_the_prior_year(ledger):
    dashboard = centre(ledger)
    assert by_label(dashboard.by_department) == {
        "Comptabilité": (Decimal("10.50"), Decimal("5.00")),
        "Ressources humaines": (Decimal("4.00"), Decimal("10.00")),
    }
    assert by_label(dashboard.by_mandate_type) == {
        "Gestion déléguée": (Decimal("10.50"), Decimal("5.00")),
        "Formation": (Decimal("4.00"), Decimal("10.00")),
    }
    accounting = dashboard.by_department[0]
    assert accounting.variance_pct == Decimal("110.0")
    assert dashboard.by_department[1].variance_pct == Decimal("-60.0")


def test_the_headline_gives_the_years_hours_and_their_variance(ledger):
    headline = centre(ledger).headline
    assert headline.hours == Decimal("14.50")
    assert headline.prior_hours == Decimal("15.00")
    assert headline.variance_pct == Decimal("-3.3")
    assert headline.experts_active == 2


def test_each_month_of_the_year_sits_next_to_the_same_month_of_the_prior_year(ledger):
    months = centre(ledger).by_month
    assert [row.month for row in months][:4] == [
        dt.date(2020, 4, 1),
        dt.date(2020, 5, 1),
        dt.date(2020, 6, 1),
        dt.date(2020, 7, 1),
    ]
    assert len(months) == 12
    assert (months[2].current, months[2].prior) == (Decimal("10.50"), Decimal("5.00"))
    assert (months[3].current, months[3].prior) == (Decimal("4.00"), Decimal("10.00"))
    assert months[0].current == Decimal("0.00")


def test_a_running_year_counts_only_up_to_today_and_leaves_future_months_empty(ledger):
    # 2019-06-03 is on or before 2019-06-15; 2019-07-08 is after: not in the prior period.
    dashboard = centre(ledger, today=dt.date(2020, 6, 15))
    assert dashboard.headline.hours == Decimal("10.50")
    assert dashboard.headline.prior_hours == Decimal("5.00")
    months = dashboard.by_month
    assert months[2].current == Decimal("10.50")
    assert months[3].current is None
    # The prior year's months are whole: the chart shows where the year went.
    assert months[3].prior == Decimal("10.00")


def test_one_department_counts_the_hours_of_its_mandates(ledger):
    dashboard = centre(ledger, department_id=ledger.beta.department_id)
    assert by_label(dashboard.by_department) == {
        "Ressources humaines": (Decimal("4.00"), Decimal("10.00"))
    }
    assert dashboard.by_month[3].current == Decimal("4.00")
    assert dashboard.by_month[2].current == Decimal("0.00")
    assert [row.name for row in dashboard.top_organisations] == ["Coop Bêta"]


def test_a_departments_average_weighs_its_experts_by_their_hours_available(ledger):
    dashboard = centre(ledger)
    (accounting,) = dashboard.utilisation_by_department
    # Two experts in post all year: 2 × (261 weekdays less 8 Quebec statutory holidays) × 7 h;
    # 14.5 h entered.
    assert accounting.available == Decimal(3542)
    assert accounting.hours == Decimal("14.50")
    assert accounting.rate == Decimal("0.4")
    assert dashboard.centre_utilisation.rate == Decimal("0.4")


def test_the_organisations_served_most_come_first_with_their_share(ledger):
    organisations = centre(ledger).top_organisations
    assert [(row.name, row.hours) for row in organisations] == [
        ("Coop Alpha", Decimal("10.50")),
        ("Coop Bêta", Decimal("4.00")),
    ]
    assert organisations[0].share == Decimal("72.4")


def test_a_director_counts_the_weeks_awaiting_approval_in_their_departments_only(ledger):
    people = ledger.people
    submitted = {
        "status": WeekStatus.SUBMITTED,
        "submitted_at": dt.datetime(2020, 6, 8, tzinfo=dt.UTC),
    }
    TimesheetWeekFactory(expert=people.expert, week_start=dt.date(2020, 6, 1), **submitted)
    TimesheetWeekFactory(expert=ExpertFactory(), week_start=dt.date(2020, 6, 1), **submitted)
    director = centre(ledger, user=people.director, roles=frozenset({"director"}))
    elsewhere = centre(ledger, user=people.director_elsewhere, roles=frozenset({"director"}))
    administrator = centre(ledger)
    assert director.headline.weeks_awaiting == 1
    assert elsewhere.headline.weeks_awaiting == 0
    assert administrator.headline.weeks_awaiting == 2


def test_the_centre_dashboard_takes_the_same_queries_whatever_the_data(
    ledger, django_assert_num_queries
):
    names = department_names()
    arguments = {
        "user": ledger.people.director,
        "roles": frozenset({"director"}),
        "fiscal_year": YEAR,
        "today": AFTER_THE_YEAR,
        "department_id": None,
        "department_names": names,
    }
    with django_assert_num_queries(CENTRE_QUERIES):
        centre_dashboard(**arguments)
    add_more_of_everything()
    arguments["department_names"] = department_names()
    with django_assert_num_queries(CENTRE_QUERIES):
        dashboard = centre_dashboard(**arguments)
    assert len(dashboard.by_department) == 7


def test_the_fiscal_years_on_offer_are_todays_and_those_with_hours(ledger):
    TimeEntryFactory(date=dt.date(2017, 5, 1))
    assert fiscal_years_with_hours(dt.date(2021, 5, 1)) == [
        "2021-2022",
        YEAR,
        PRIOR_YEAR,
        "2017-2018",
    ]


def test_with_no_hours_at_all_only_todays_fiscal_year_is_on_offer():
    assert fiscal_years_with_hours(dt.date(2021, 5, 1)) == ["2021-2022"]


def test_utilisation_leaves_out_the_week_still_being_filled_in(ledger):
    # Thursday 18 June 2020: the week of Monday 15 June is still being entered.
    thursday = dt.date(2020, 6, 18)
    dashboard = centre(ledger, today=thursday)
    assert dashboard.periods.to_date.end == thursday
    assert dashboard.utilisation_period == Period(dt.date(2020, 4, 1), dt.date(2020, 6, 14), YEAR)
    # 1 April to 14 June 2020: 53 weekdays less Good Friday (10 April) and the Journée nationale
    # des patriotes (18 May), × 7 h.
    expert = next(row for row in dashboard.utilisation if row.id == ledger.people.expert.pk)
    assert expert.available == Decimal(51 * 7)
    # On the Monday after, the week is complete and counted.
    monday = centre(ledger, today=dt.date(2020, 6, 22))
    assert monday.utilisation_period.end == dt.date(2020, 6, 21)
