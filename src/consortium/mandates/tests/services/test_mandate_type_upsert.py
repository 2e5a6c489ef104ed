import pytest

from consortium.mandates.models import MandateType
from consortium.mandates.services import mandate_type_upsert
from consortium.testing.factories import MandateTypeFactory

pytestmark = pytest.mark.django_db


def test_it_creates_a_mandate_type_then_renames_it_with_the_same_code():
    _type, created = mandate_type_upsert(code="GEST", name_fr="Gestion", name_en="Management")
    assert created
    _type, created = mandate_type_upsert(
        code="GEST", name_fr="Gestion déléguée", name_en="Delegated management"
    )
    assert not created
    assert list(MandateType.objects.values_list("code", "name_fr", "name_en")) == [
        ("GEST", "Gestion déléguée", "Delegated management")
    ]


def test_a_second_type_keeps_the_first():
    MandateTypeFactory(code="FORM")
    mandate_type_upsert(code="GEST", name_fr="Gestion déléguée")
    assert sorted(MandateType.objects.values_list("code", flat=True)) == ["FORM", "GEST"]
