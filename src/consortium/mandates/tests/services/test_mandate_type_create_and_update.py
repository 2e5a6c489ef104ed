"""Mandate types written by hand: a new code renames the type, its mandates keep it."""

import pytest
from django.core.exceptions import ValidationError

from consortium.mandates.models import MandateType
from consortium.mandates.services import mandate_type_create, mandate_type_update
from consortium.testing.factories import MandateFactory, MandateTypeFactory

pytestmark = pytest.mark.django_db


def test_a_mandate_type_is_created_named_in_both_languages():
    mandate_type = mandate_type_create(code="GEST", name_fr="Gestion", name_en="Management")
    assert list(MandateType.objects.values_list("pk", "code", "name_fr", "name_en")) == [
        (mandate_type.pk, "GEST", "Gestion", "Management")
    ]


def test_a_mandate_type_code_already_taken_is_refused():
    MandateTypeFactory(code="GEST")
    with pytest.raises(ValidationError) as caught:
        mandate_type_create(code="GEST", name_fr="Gestion")
    assert "existe déjà" in caught.value.message_dict["code"][0]
    assert MandateType.objects.count() == 1


def test_a_new_code_renames_the_type_and_its_mandates_keep_it():
    mandate = MandateFactory(mandate_type=MandateTypeFactory(code="GEST"))
    renamed = mandate_type_update(
        mandate_type=mandate.mandate_type, code="GESTD", name_fr="Gestion déléguée"
    )
    assert list(MandateType.objects.values_list("pk", "code", "name_fr")) == [
        (renamed.pk, "GESTD", "Gestion déléguée")
    ]
    mandate.refresh_from_db()
    assert mandate.mandate_type_id == renamed.pk


def test_a_mandate_type_without_a_french_name_is_refused():
    mandate_type = MandateTypeFactory(code="GEST", name_fr="Gestion")
    with pytest.raises(ValidationError) as caught:
        mandate_type_update(mandate_type=mandate_type, code="GEST", name_fr="")
    assert list(caught.value.message_dict) == ["name_fr"]
    mandate_type.refresh_from_db()
    assert mandate_type.name_fr == "Gestion"
