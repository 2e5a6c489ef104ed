import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from consortium.development.models import OpportunityStage
from consortium.development.services import (
    opportunity_convert,
    opportunity_record,
    opportunity_update,
    prospect_create,
)
from consortium.testing.factories import MandateFactory, MandateTypeFactory

pytestmark = pytest.mark.django_db
START = dt.date(2026, 1, 12)


@pytest.fixture
def won(people):
    return opportunity_record(
        by=people.director,
        title="Tenue de livres",
        organisation=prospect_create(by=people.director, name="Coop nouvelle"),
        mandate_type=MandateTypeFactory(code="GD"),
        department=people.department,
        stage=OpportunityStage.WON,
        estimated_hours=Decimal("80"),
        estimated_amount=Decimal("6400"),
    )


def test_a_won_opportunity_opens_a_mandate_of_its_type_and_department_with_the_next_code(
    people, won
):
    MandateFactory(code="2026-0007")
    mandate = opportunity_convert(by=people.director, opportunity=won, start=START)
    assert mandate.code == "2026-0008"
    assert (mandate.mandate_type, mandate.department) == (won.mandate_type, people.department)
    assert mandate.organisation == won.organisation
    assert mandate.budget_hours == Decimal("80")
    won.refresh_from_db()
    assert won.mandate == mandate
    assert not won.organisation.is_prospect


def test_converting_twice_is_refused(people, won):
    mandate = opportunity_convert(by=people.director, opportunity=won, start=START)
    with pytest.raises(ValidationError, match=f"déjà devenue le mandat {mandate.code}"):
        opportunity_convert(by=people.director, opportunity=won, start=START)


def test_an_opportunity_not_yet_won_is_not_converted(people, won):
    opportunity_update(
        by=people.director,
        opportunity=won,
        title=won.title,
        organisation=won.organisation,
        mandate_type=won.mandate_type,
        department=won.department,
        stage=OpportunityStage.PROPOSAL,
    )
    with pytest.raises(ValidationError, match="Seule une occasion gagnée"):
        opportunity_convert(by=people.director, opportunity=won, start=START)


def test_communications_and_a_director_of_another_department_open_no_mandate(people, won):
    for user in (people.communications, people.director_elsewhere):
        with pytest.raises(PermissionDenied):
            opportunity_convert(by=user, opportunity=won, start=START)


def test_a_converted_opportunity_stays_won(people, won):
    opportunity_convert(by=people.administrator, opportunity=won, start=START)
    with pytest.raises(ValidationError, match="devenue un mandat"):
        opportunity_update(
            by=people.director,
            opportunity=won,
            title=won.title,
            organisation=won.organisation,
            mandate_type=won.mandate_type,
            department=won.department,
            stage=OpportunityStage.LOST,
        )
