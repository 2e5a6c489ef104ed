"""Business-development activities: `kind,date,title,organisation_codes` (codes split by `|`)."""

import pytest

from consortium.development.models import DevelopmentActivity
from consortium.testing.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

HEADER = "kind,date,title,organisation_codes"


def test_activities_are_created_with_the_organisations_met(csv_file, run_import):
    OrganisationFactory(code="FQM", name="Fédération québécoise des municipalités")
    OrganisationFactory(code="OTQ", name="Office du tourisme de Québec")
    path = csv_file(
        "activities.csv",
        HEADER,
        "service_presentation,2020-10-14,Présentation des services,FQM|OTQ",
        "event,2020-11-18,Webinaire du Mois de l'économie sociale,",
    )
    outcome = run_import("development-activities", path)
    assert outcome.imported, outcome.stderr
    assert "activités de développement — créations : 2, mises à jour : 0." in outcome.stdout
    presentation = DevelopmentActivity.objects.get(kind="service_presentation")
    assert sorted(presentation.organisations_met.values_list("code", flat=True)) == ["FQM", "OTQ"]
    assert not DevelopmentActivity.objects.get(kind="event").organisations_met.exists()


def test_reimporting_an_activity_updates_the_organisations_met(csv_file, run_import):
    OrganisationFactory(code="FQM")
    OrganisationFactory(code="OTQ")
    run_import("development-activities", csv_file("a.csv", HEADER, "event,2020-10-14,Forum,FQM"))
    outcome = run_import(
        "development-activities", csv_file("b.csv", HEADER, "event,2020-10-14,Forum,OTQ")
    )
    assert "créations : 0, mises à jour : 1." in outcome.stdout
    activity = DevelopmentActivity.objects.get()
    assert list(activity.organisations_met.values_list("code", flat=True)) == ["OTQ"]


def test_every_error_is_located_and_nothing_is_written(csv_file, run_import):
    OrganisationFactory(code="FQM")
    path = csv_file(
        "activities.csv",
        HEADER,
        "event,2020-10-14,Forum,FQM",
        "party,2020-13-01,,FQM|NOPE|XX",
        "event,2020-10-14,Forum,FQM",
    )
    outcome = run_import("development-activities", path)
    assert not outcome.imported
    errors = outcome.error_lines
    assert any("ligne 3, colonne « kind »" in line and "party" in line for line in errors)
    assert any("ligne 3, colonne « date »" in line for line in errors)
    assert any(
        "ligne 3, colonne « organisation_codes »" in line and "« NOPE », « XX »" in line
        for line in errors
    )
    assert any("ligne 4, colonne « title »" in line and "ligne 2" in line for line in errors)
    assert not DevelopmentActivity.objects.exists()
