"""Subsidised hour programmes and their lists of eligible organisations."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from consortium.billing.models import Programme, ProgrammeEligibility
from consortium.billing.services.programmes import (
    programme_create,
    programme_eligibility_add,
    programme_eligibility_remove,
    programme_eligibility_update,
    programme_eligibility_upsert,
    programme_update,
    programme_upsert,
)
from consortium.testing.factories import MandateTypeFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def values():
    return {
        "code": "25H",
        "name_fr": "Obtenez 25 h de soutien gratuit",
        "name_en": "Get 25 free hours of support",
        "funder": OrganisationFactory(code="VILLE"),
        "hours_per_organisation": Decimal("25"),
        "start": dt.date(2020, 4, 1),
        "end": dt.date(2021, 3, 31),
        "mandate_types": [MandateTypeFactory(code="SOUT")],
        "rule_region": "06",
    }


def test_a_programme_is_created_with_its_covered_types_and_rule(values):
    programme = programme_create(**values)
    assert programme.funder.code == "VILLE"
    assert [t.code for t in programme.mandate_types.all()] == ["SOUT"]
    assert programme.has_rule and programme.rule_region == "06"


def test_a_programme_covers_at_least_one_mandate_type(values):
    with pytest.raises(ValidationError, match="au moins un type de mandat"):
        programme_create(**(values | {"mandate_types": []}))
    assert not Programme.objects.exists()


def test_a_programme_cannot_end_before_it_starts(values):
    with pytest.raises(ValidationError, match="finir avant de commencer"):
        programme_create(**(values | {"end": dt.date(2020, 1, 1)}))


def test_an_unknown_rule_region_is_refused(values):
    with pytest.raises(ValidationError) as refused:
        programme_create(**(values | {"rule_region": "99"}))
    assert "rule_region" in refused.value.message_dict


def test_a_programme_update_replaces_its_covered_types(values):
    programme = programme_create(**values)
    training = MandateTypeFactory(code="FORM")
    programme_update(programme=programme, **(values | {"mandate_types": [training]}))
    assert [t.code for t in programme.mandate_types.all()] == ["FORM"]


def test_an_upsert_by_code_creates_then_updates(values):
    _first, created = programme_upsert(**values)
    _programme, created_again = programme_upsert(**(values | {"hours_per_organisation": 30}))
    assert (created, created_again) == (True, False)
    assert Programme.objects.get().hours_per_organisation == Decimal("30")


def test_an_organisation_is_listed_once_and_can_be_taken_off(values):
    programme = programme_create(**values)
    coop = OrganisationFactory(code="COOP1")
    eligibility = programme_eligibility_add(programme=programme, organisation=coop)
    with pytest.raises(ValidationError, match="déjà admissible"):
        programme_eligibility_add(programme=programme, organisation=coop)
    assert programme_eligibility_upsert(programme=programme, organisation=coop)[1] is False
    other = OrganisationFactory(code="COOP2")
    programme_eligibility_update(eligibility=eligibility, programme=programme, organisation=other)
    assert list(programme.eligibilities.values_list("organisation__code", flat=True)) == ["COOP2"]
    programme_eligibility_remove(eligibility=eligibility)
    assert not ProgrammeEligibility.objects.exists()
