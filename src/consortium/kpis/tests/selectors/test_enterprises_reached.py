import datetime as dt

import pytest

from consortium.core.fiscal_years import Period
from consortium.kpis.selectors import enterprises_reached, ledger_hours
from consortium.members.models import Organisation
from consortium.testing.factories import MandateFactory, OrganisationFactory, TimeEntryFactory

pytestmark = pytest.mark.django_db

FISCAL_2020_2021 = Period(dt.date(2020, 4, 1), dt.date(2021, 3, 31), "2020-2021")


def serve(organisation, day=dt.date(2020, 6, 1)):
    TimeEntryFactory(mandate=MandateFactory(organisation=organisation), date=day)


@pytest.fixture
def federations():
    """top groups regional (itself a federation) and e3; regional groups e1 and e2;
    other groups e4 and e6; e5 stands alone."""
    top = OrganisationFactory(code="TOP")
    regional = OrganisationFactory(code="REGIONAL", federation=top)
    other = OrganisationFactory(code="OTHER")
    return {
        "top": top,
        "regional": regional,
        "other": other,
        "e1": OrganisationFactory(code="E1", federation=regional),
        "e2": OrganisationFactory(code="E2", federation=regional),
        "e3": OrganisationFactory(code="E3", federation=top),
        "e4": OrganisationFactory(code="E4", federation=other),
        "e5": OrganisationFactory(code="E5"),
        "e6": OrganisationFactory(code="E6", federation=other),
    }


def test_serving_a_federation_reaches_its_enterprises_two_levels_down(federations):
    serve(federations["top"])

    # top, regional, e1 and e2 (through regional), e3.
    assert enterprises_reached(FISCAL_2020_2021) == 5


def test_it_counts_once_an_enterprise_served_both_directly_and_through_its_federation(
    federations,
):
    serve(federations["top"])
    serve(federations["e1"])
    serve(federations["e5"])
    serve(federations["e6"])

    assert ledger_hours(FISCAL_2020_2021).enterprises_served == 4
    # top, regional, e1, e2, e3, e5, e6: not `other` nor e4, whose federation was not served.
    assert enterprises_reached(FISCAL_2020_2021) == 7


def test_serving_an_enterprise_does_not_reach_its_federation(federations):
    serve(federations["e4"])

    assert enterprises_reached(FISCAL_2020_2021) == 1


def test_it_ignores_hours_outside_the_period(federations):
    serve(federations["top"], day=dt.date(2020, 3, 31))
    serve(federations["e5"], day=dt.date(2021, 3, 31))

    assert enterprises_reached(FISCAL_2020_2021) == 1


def test_it_stops_when_federations_form_a_cycle(federations):
    # Model validation refuses cycles; a direct update does not, and must not hang the report.
    Organisation.objects.filter(pk=federations["top"].pk).update(federation=federations["e1"])
    serve(federations["e1"])

    # e1 → top → regional, e3 → e1 (already counted), e2.
    assert enterprises_reached(FISCAL_2020_2021) == 5


def test_nothing_is_reached_in_a_period_without_hours(federations):
    assert enterprises_reached(FISCAL_2020_2021) == 0
