import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db.models import F, Q, Sum

from consortium.core.fiscal_years import Period, fiscal_year_period
from consortium.core.models import FiscalYear
from consortium.demo.generator import generate, targets
from consortium.demo.services import demo_data_delete
from consortium.demo.tests.fingerprint import content_fingerprint
from consortium.kpis.selectors import ledger_kpis
from consortium.mandates.models import MandateType
from consortium.members.models import LegalForm, MemberCategory, Membership, Organisation, Region
from consortium.staff.models import Expert, Role
from consortium.timesheets.models import PeriodKind, PeriodLock, TimeEntry
from consortium.timesheets.services.entries import time_entry_record

pytestmark = pytest.mark.django_db

CALENDAR_2020 = Period(dt.date(2020, 1, 1), dt.date(2020, 12, 31))
FULLY_MANAGED_IN_THE_REPORT = {
    "Réseau de coopération des EÉSAD",
    "Fédération des coopératives des paramédics du Québec",
    "Fédération québécoise des coopératives de santé",
    "La mutuelle de prévention des EÉSAD",
    "Fédération des coopératives de services à domicile et de santé du Québec",
}


def assert_report_figures() -> None:
    year = ledger_kpis(fiscal_year_period("2020-2021"))
    assert year.service_hours == Decimal("62800.00")
    assert year.enterprises_reached == 350
    assert year.new_members == 27
    assert (year.members_at_start, year.members_at_end, year.departed_members) == (
        70,
        91,
        6,
    )
    assert year.membership_growth_pct == Decimal("30.0")
    assert year.headcount == {"professional": 42, "trainer": 17, "director": 6}
    assert year.gender_pct["man"] == Decimal("45.0")
    assert year.gender_pct["woman"] == Decimal("55.0")
    assert year.average_age == Decimal("46.0")
    calendar = ledger_kpis(CALENDAR_2020)
    assert calendar.service_hours == Decimal("75100.00")
    assert calendar.enterprises_served == 300


def test_the_plan_meets_its_targets():
    misses = targets.plan_misses()
    assert not misses, f"The demo plan misses its targets (planned, target): {misses}"


def test_the_plan_adds_up_to_the_report():
    figures = targets.planned_figures()
    assert figures["fiscal_year_service_hours"] == 62_800
    assert figures["calendar_year_service_hours"] == 75_100
    assert figures["fiscal_year_enterprises_reached"] == 350
    assert figures["calendar_year_enterprises_served"] == 300


def test_it_reproduces_the_ledger_figures_of_the_2020_2021_report(demo):
    assert_report_figures()


def test_it_says_what_it_wrote(demo):
    assert demo["organisations"] == Organisation.objects.count()
    assert demo["experts"] == Expert.objects.count()
    assert demo["time_entries"] == TimeEntry.objects.count()
    assert demo["hours"] == TimeEntry.objects.aggregate(total=Sum("hours"))["total"]
    assert demo["period_locks"] == PeriodLock.objects.count()
    assert PeriodLock.objects.filter(end__lte=targets.LAST_DAY).count() == 25


def test_no_expert_logs_more_than_ten_hours_in_a_day(demo):
    days = TimeEntry.objects.values("expert", "date").annotate(total=Sum("hours"))
    longest = days.order_by("-total").values_list("total", flat=True).first()
    assert Decimal(longest) <= Decimal("10")


def test_every_entry_lies_within_its_mandate_and_its_experts_employment(demo):
    outside_mandate = Q(date__lt=F("mandate__start")) | Q(date__gt=F("mandate__end"))
    outside_employment = Q(date__lt=F("expert__hired_on")) | Q(date__gt=F("expert__left_on"))
    assert not TimeEntry.objects.filter(outside_mandate).exists()
    assert not TimeEntry.objects.filter(outside_employment).exists()


def test_entries_fall_on_weekdays_in_quarter_hours(demo):
    assert not TimeEntry.objects.filter(date__week_day__in=[1, 7]).exists()
    assert not TimeEntry.objects.filter(date=dt.date(2020, 6, 24)).exists()  # Fête nationale
    hours = TimeEntry.objects.values_list("hours", flat=True).distinct()
    assert all(Decimal(h) * 4 == int(Decimal(h) * 4) for h in hours)


def test_finance_locked_each_month_to_march_2021_and_fiscal_year_2019_2020(demo):
    months = PeriodLock.objects.filter(kind=PeriodKind.MONTH, end__lte=targets.LAST_DAY)
    assert months.count() == 24
    assert months.order_by("start").first().start == dt.date(2019, 4, 1)
    assert months.order_by("start").last().end == dt.date(2021, 3, 31)
    assert PeriodLock.objects.filter(
        kind=PeriodKind.FISCAL_YEAR, fiscal_year__name="2019-2020"
    ).exists()
    entry = (
        TimeEntry.objects.filter(date__month=6, date__year=2020)
        .select_related("expert", "mandate")
        .first()
    )
    with pytest.raises(ValidationError):
        time_entry_record(
            expert=entry.expert, mandate=entry.mandate, date=entry.date, hours=Decimal("1")
        )


def test_delegated_management_and_accounting_take_most_hours(demo):
    year = ledger_kpis(fiscal_year_period("2020-2021"))
    by_department = sorted(year.hours_by_department, key=year.hours_by_department.get)
    assert set(by_department[-2:]) == {"CPT", "GD"}
    by_type = year.hours_by_mandate_type
    assert max(by_type, key=by_type.get) == "GD"
    assert set(by_type) == set(
        MandateType.objects.filter(billable=True).values_list("code", flat=True)
    )


def test_the_five_fully_managed_members_of_the_report_take_the_largest_share(demo):
    names = Membership.objects.filter(category=MemberCategory.FULLY_MANAGED, end=None)
    assert set(names.values_list("organisation__name", flat=True)) == FULLY_MANAGED_IN_THE_REPORT
    shares = {
        year: ledger_kpis(fiscal_year_period(year)).hours_by_member_category
        for year in ("2019-2020", "2020-2021", "2021-2022")
    }
    for by_category in shares.values():
        assert max(by_category, key=by_category.get) == MemberCategory.FULLY_MANAGED
        assert by_category["non_member"] > 0
    # ... a share that falls year after year, as the report says.
    fully_managed = [
        by_category["fully_managed"] / sum(by_category.values()) for by_category in shares.values()
    ]
    assert fully_managed == sorted(fully_managed, reverse=True)


def test_the_pandemic_cuts_the_hours_and_2021_2022_grows_again(demo):
    hours = {
        name: ledger_kpis(fiscal_year_period(name)).service_hours
        for name in ("2019-2020", "2020-2021", "2021-2022")
    }
    assert hours["2019-2020"] > hours["2021-2022"] > hours["2020-2021"]


def test_it_covers_every_region_category_form_role_and_mandate_type(demo):
    quebec = Organisation.objects.filter(province="QC")
    assert set(quebec.values_list("region", flat=True)) == set(Region.values)
    # The centre serves a few member co-ops in Ontario and Alberta: no Quebec region nor NEQ.
    elsewhere = Organisation.objects.exclude(province="QC")
    assert set(elsewhere.values_list("province", flat=True)) == {"ON", "AB"}
    assert set(elsewhere.values_list("region", "neq")) == {("", "")}
    assert all(row.memberships.exists() for row in elsewhere)
    assert set(Membership.objects.values_list("category", flat=True)) == set(MemberCategory.values)
    forms = set(Organisation.objects.values_list("legal_form", flat=True))
    assert {LegalForm.COOPERATIVE, LegalForm.MUTUAL, LegalForm.NONPROFIT} <= forms
    assert set(Expert.objects.values_list("role", flat=True)) == set(Role.values)
    # Internal time (leave, staff training, the crisis cell) has types, never hours: not billed.
    assert not MandateType.objects.filter(billable=True, mandates=None).exists()
    neqs = list(quebec.values_list("neq", flat=True))
    assert len(set(neqs)) == len(neqs) and all(len(neq) == 10 for neq in neqs)
    cqcm = Organisation.objects.get(code="CQCM")
    assert Organisation.objects.filter(federation__federation=cqcm).exists()


# The tests below build the demo again and again: outside a test transaction, because on SQLite
# a build in the transaction that deleted the previous one is several times slower.


@pytest.fixture
def rebuilt(transactional_db):
    """An empty ledger, emptied again afterwards (the locks would stop the test flush).

    These tests do not ask for the shared demo: they run before it is built
    (`consortium.testing.demo`), and leave the database empty for it.
    """
    demo_data_delete()
    yield
    demo_data_delete()
    FiscalYear.objects.all().delete()


def test_the_same_seed_gives_the_same_centre_and_another_seed_another(rebuilt):
    generate(seed=2021)
    first = content_fingerprint()
    demo_data_delete()
    generate(seed=2021)
    assert content_fingerprint() == first
    demo_data_delete()
    generate(seed=7)
    assert content_fingerprint() != first


def test_every_seed_gives_the_figures_of_the_report(rebuilt):
    generate(seed=7)
    assert_report_figures()


def test_scale_2_about_doubles_the_hours_organisations_and_experts(rebuilt):
    single = generate(scale=1)
    demo_data_delete()
    doubled = generate(scale=2)
    report_years = doubled["hours"] - doubled["recent_hours"]
    assert report_years == 2 * (single["hours"] - single["recent_hours"])
    assert 1.8 <= doubled["recent_hours"] / single["recent_hours"] <= 2.2
    for name in ("organisations", "experts", "mandates", "time_entries"):
        assert 1.8 <= doubled[name] / single[name] <= 2.2, name


def test_it_refuses_a_scale_that_is_not_positive():
    with pytest.raises(ValueError, match="positif"):
        generate(scale=0)
