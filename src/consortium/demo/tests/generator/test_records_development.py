"""The demo's business development, read through the report's selector (demo built once)."""

import pytest

from consortium.core.fiscal_years import fiscal_year_period
from consortium.demo.generator.records import development
from consortium.development.selectors import development_report
from consortium.members.models import Organisation

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def report(demo, django_db_blocker):
    with django_db_blocker.unblock():
        return development_report(fiscal_year_period("2020-2021"))


def test_the_year_has_18_events_10_agms_106_meetings_and_11_presentations(report):
    assert [(row["kind"], row["count"]) for row in report["activities"]] == [
        ("event", 18),
        ("agm_attended", 10),
        ("development_meeting", 106),
        ("service_presentation", 11),
    ]


def test_each_kind_names_the_organisations_of_the_report_table(report):
    rows = {row["kind"]: row["organisations"] for row in report["activities"]}
    assert "Desjardins Capital" in rows["event"]
    assert "Sollio Groupe Coopératif" in rows["agm_attended"]
    assert {"Filaction", "Fonds Innogec", "Québec international"} <= set(
        rows["development_meeting"]
    )
    assert len(rows["service_presentation"]) == 11
    assert "CIBÎM" in rows["service_presentation"]


def test_the_organisations_added_for_the_table_are_not_members_nor_affiliates(demo):
    added = Organisation.objects.filter(code__in=development.ORGANISATIONS)
    assert added.count() == len(development.ORGANISATIONS)
    assert not added.filter(memberships__isnull=False).exists()
    assert not added.filter(federation__isnull=False).exists()


def test_a_few_partnerships_are_in_force(report):
    assert 3 <= len(report["partnerships"]) <= 6
    assert all(row["organisation"] and row["title"] for row in report["partnerships"])


def test_the_years_around_the_report_have_activities_too(demo):
    for name in ("2019-2020", "2021-2022"):
        rows = development_report(fiscal_year_period(name))["activities"]
        assert all(row["count"] > 0 for row in rows)
