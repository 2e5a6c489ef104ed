"""Mandates' optional columns: who pays, billable, the mandate's own rate or fixed fee; and the
mandate types' optional `billable`."""

from decimal import Decimal

import pytest

from consortium.mandates.models import Mandate, MandateType
from consortium.testing.factories import (
    DepartmentFactory,
    MandateFactory,
    MandateTypeFactory,
    OrganisationFactory,
)

pytestmark = pytest.mark.django_db

HEADER = "code,organisation_code,title,mandate_type,department,start,end"


@pytest.fixture
def references():
    OrganisationFactory(code="COOP1")
    OrganisationFactory(code="FED")
    MandateTypeFactory(code="GEST")
    DepartmentFactory(code="COMPTA")


def _billing(code: str) -> tuple:
    return Mandate.objects.filter(code=code).values_list(
        "billed_organisation__code", "billable", "hourly_rate", "fixed_fee"
    )[0]


def test_a_mandate_names_who_pays_and_how(csv_file, run_import, references):
    path = csv_file(
        "mandates.csv",
        HEADER + ",billed_organisation,billable,hourly_rate,fixed_fee",
        'M01,COOP1,Paie,GEST,COMPTA,2020-04-01,,FED,oui,"95,00",',
        "M02,COOP1,Bilan,GEST,COMPTA,2020-04-01,,,No,,1500",
        "M03,COOP1,Conseil,GEST,COMPTA,2020-04-01,,COOP1,TRUE,,",
    )
    outcome = run_import("mandates", path)
    assert outcome.imported, outcome.stderr
    assert _billing("M01") == ("FED", True, Decimal("95.00"), None)
    assert _billing("M02") == (None, False, None, Decimal("1500.00"))
    # The organisation served is stored as no payer of its own.
    assert _billing("M03") == (None, True, None, None)


def test_columns_left_out_keep_what_the_mandate_holds(csv_file, run_import, references):
    fed = OrganisationFactory(code="FED2")
    MandateFactory(
        code="M01", billed_organisation=fed, billable=False, hourly_rate=Decimal("70.00")
    )
    path = csv_file("mandates.csv", HEADER + ",billable", "M01,COOP1,Paie,GEST,COMPTA,2020-04-01,,")
    outcome = run_import("mandates", path)
    assert outcome.imported, outcome.stderr
    assert _billing("M01") == ("FED2", False, Decimal("70.00"), None)


def test_a_boolean_that_is_neither_yes_nor_no_is_an_error_naming_the_row(
    csv_file, run_import, references
):
    path = csv_file(
        "mandates.csv",
        HEADER + ",billed_organisation,billable,hourly_rate,fixed_fee",
        "M01,COOP1,Paie,GEST,COMPTA,2020-04-01,,NOPE,peut-être,abc,",
        "M02,COOP1,Bilan,GEST,COMPTA,2020-04-01,,,oui,90,1500",
    )
    outcome = run_import("mandates", path)
    assert not outcome.imported
    text = outcome.stderr
    assert "ligne 2, colonne « billed_organisation » : Organisation inconnue : « NOPE »." in text
    assert "ligne 2, colonne « billable » : « peut-être » n'est ni oui ni non." in text
    assert "ligne 2, colonne « hourly_rate » : « abc » n'est pas un montant." in text
    assert "ligne 3, colonne « fixed_fee »" in text or "ligne 3, colonne « end »" in text
    assert not Mandate.objects.exists()


def test_mandate_types_may_say_whether_they_are_billable(csv_file, run_import):
    MandateTypeFactory(code="CONGE", billable=True)
    path = csv_file(
        "types.csv",
        "code,name_fr,name_en,billable",
        "CONGE,Congés,Leave,non",
        "GEST,Gestion,Management,",
    )
    outcome = run_import("mandate-types", path)
    assert outcome.imported, outcome.stderr
    assert dict(MandateType.objects.values_list("code", "billable")) == {
        "CONGE": False,
        "GEST": True,
    }
    path = csv_file("types.csv", "code,name_fr,name_en", "CONGE,Congés,Leave")
    run_import("mandate-types", path)
    assert MandateType.objects.get(code="CONGE").billable is False
    path = csv_file("types.csv", "code,name_fr,name_en,billable", "CONGE,Congés,Leave,2")
    outcome = run_import("mandate-types", path)
    assert "ligne 2, colonne « billable » : « 2 » n'est ni oui ni non." in outcome.stderr
