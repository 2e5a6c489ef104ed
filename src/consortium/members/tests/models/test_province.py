"""An organisation has a province or territory and a country; the Quebec region and the NEQ
apply only to an organisation of Quebec."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from consortium.members.models import Organisation
from consortium.members.services import organisation_create, organisation_update

pytestmark = pytest.mark.django_db


def test_a_new_organisation_is_in_quebec_canada():
    organisation = organisation_create(code="COOP", name="Coop")
    assert (organisation.province, organisation.country) == ("QC", "CA")
    assert organisation.is_in_quebec


def test_an_ontario_organisation_has_neither_region_nor_neq():
    organisation = organisation_create(code="ONT", name="Co-op Ontario", province="ON")
    assert organisation.get_province_display() == "Ontario"
    with pytest.raises(ValidationError) as refused:
        organisation_update(
            organisation=organisation, code="ONT", name="Co-op", region="06", neq="1234567890"
        )
    errors = refused.value.message_dict
    assert errors["region"] == [
        "La région administrative ne s'applique qu'aux organisations du Québec."
    ]
    assert errors["neq"] == ["Le NEQ ne s'applique qu'aux organisations du Québec."]


def test_a_canadian_organisation_needs_a_province_and_a_foreign_one_has_none():
    with pytest.raises(ValidationError) as refused:
        organisation_create(code="X", name="X", province="")
    assert "province" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        organisation_create(code="Y", name="Y", province="ON", country="FR")
    assert refused.value.message_dict["province"] == [
        "Une organisation hors du Canada n'a pas de province."
    ]
    assert organisation_create(code="Z", name="Z", province="", country="FR").country == "FR"


def test_the_database_refuses_a_neq_outside_quebec():
    with pytest.raises(IntegrityError), transaction.atomic():
        Organisation.objects.create(code="AB", name="AB", province="AB", neq="1234567890")
