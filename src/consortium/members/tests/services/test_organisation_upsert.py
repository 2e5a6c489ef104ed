import pytest
from django.core.exceptions import ValidationError

from consortium.members.models import LegalForm, Organisation, Region
from consortium.members.services import organisation_upsert
from consortium.testing.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_it_creates_an_organisation_under_its_federation():
    federation = OrganisationFactory(code="FED")
    organisation, created = organisation_upsert(
        code="COOP1",
        name="Coop du Fjord",
        legal_form=LegalForm.COOPERATIVE,
        neq="1234567890",
        region=Region.SAGUENAY,
        federation=federation,
    )
    assert created
    stored = Organisation.objects.get(code="COOP1")
    assert (stored.name, stored.neq, stored.region, stored.federation) == (
        "Coop du Fjord",
        "1234567890",
        "02",
        federation,
    )
    assert list(federation.affiliates.all()) == [organisation]


def test_the_same_code_again_replaces_what_the_organisation_holds():
    OrganisationFactory(code="COOP1", name="Ancien nom", neq="1234567890")
    organisation, created = organisation_upsert(code="COOP1", name="Nouveau nom")
    assert not created
    assert Organisation.objects.count() == 1
    organisation.refresh_from_db()
    assert (organisation.name, organisation.neq, organisation.legal_form) == (
        "Nouveau nom",
        "",
        LegalForm.OTHER,
    )


def test_it_refuses_a_neq_that_is_not_ten_digits():
    with pytest.raises(ValidationError) as caught:
        organisation_upsert(code="COOP1", name="Coop", neq="12345")
    assert caught.value.message_dict == {"neq": ["Le NEQ compte exactement 10 chiffres."]}
    assert not Organisation.objects.exists()


def test_it_refuses_a_federation_that_would_close_a_cycle():
    top = OrganisationFactory(code="TOP")
    OrganisationFactory(code="MID", federation=top)
    middle = Organisation.objects.get(code="MID")
    with pytest.raises(ValidationError) as caught:
        organisation_upsert(code="TOP", name="Sommet", federation=middle)
    assert caught.value.message_dict == {
        "federation": ["Ce regroupement créerait un cycle de regroupements."]
    }
    top.refresh_from_db()
    assert top.federation is None
