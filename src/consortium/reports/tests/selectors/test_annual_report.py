"""The report's content on a small ledger: the years that have data, and a fixed number of
queries (views/test_report_pages.py counts the same on the whole demo)."""

import datetime as dt

import pytest

from consortium.reports.selectors import annual_report, report_years
from consortium.testing.factories import FiscalYearFactory, ReportTextFactory, TimeEntryFactory

pytestmark = pytest.mark.django_db

# Every area's selector makes a fixed number of queries; this is their sum, with the report's own.
ANNUAL_REPORT_QUERIES = 37


def test_only_the_fiscal_years_with_service_hours_have_a_report():
    FiscalYearFactory(name="2019-2020")
    FiscalYearFactory(name="2020-2021")
    FiscalYearFactory(name="2021-2022")
    TimeEntryFactory(date=dt.date(2020, 6, 1))
    TimeEntryFactory(date=dt.date(2021, 5, 3))
    assert report_years() == ["2021-2022", "2020-2021"]


def test_a_small_year_makes_no_more_queries_than_the_whole_demo(django_assert_max_num_queries):
    # Fewer, not the same: a prefetch (board seat holders, project phases and deliverables)
    # makes no query when there is nothing to prefetch for.
    FiscalYearFactory(name="2020-2021")
    TimeEntryFactory(date=dt.date(2020, 6, 1))
    with django_assert_max_num_queries(ANNUAL_REPORT_QUERIES):
        report = annual_report("2020-2021")
    assert report.services.hours == 7
    assert report.membership.new_members == 0


def test_the_report_carries_the_year_s_texts():
    text = ReportTextFactory()
    report = annual_report(text.fiscal_year.name)
    assert report.texts.mission == text
    assert report.texts.president is None


def test_the_organisations_served_are_counted_by_province_when_more_than_one_is_served():
    FiscalYearFactory(name="2020-2021")
    TimeEntryFactory(date=dt.date(2020, 6, 1))
    assert annual_report("2020-2021").membership.by_province == []
    TimeEntryFactory(date=dt.date(2020, 6, 2), mandate__organisation__province="ON")
    TimeEntryFactory(date=dt.date(2020, 6, 3), mandate__organisation__province="ON")
    TimeEntryFactory(date=dt.date(2022, 6, 3), mandate__organisation__province="AB")
    assert annual_report("2020-2021").membership.by_province == [("Ontario", 2), ("Québec", 1)]
