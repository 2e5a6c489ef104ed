"""The hand-made data set (tests/data/) with its rate table and programmes, imported through
the command after the registry they name."""

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from consortium.billing.models import Programme, Rate
from consortium.billing.rates import RateBook
from consortium.members.models import Organisation

pytestmark = pytest.mark.django_db

DATA = Path(__file__).parent.parent / "data"
KINDS = ("departments", "mandate-types", "organisations", "experts", "mandates")
BILLING = ("rates", "programmes", "programme-eligibility")


def test_the_rates_and_programmes_of_the_example_import_and_price_hours(run_import):
    for kind in (*KINDS, *BILLING):
        outcome = run_import(kind, DATA / f"{kind}.csv")
        assert outcome.imported, (kind, outcome.stderr)
    assert Rate.objects.count() == 7
    relaunch = Programme.objects.get(code="AR360")
    assert relaunch.funder.code == "FEDA"
    assert sorted(relaunch.mandate_types.values_list("code", flat=True)) == ["ACC", "GEST"]
    assert sorted(relaunch.eligibilities.values_list("organisation__code", flat=True)) == [
        "A1",
        "A2",
    ]
    # A1 is fully managed to 2020-06-30, then a user member: the rate follows the day.
    a1 = Organisation.objects.get(code="A1")
    book = RateBook([a1.pk], dt.date(2020, 4, 1), dt.date(2021, 3, 31))
    prices = [
        book.hourly_rate(payer_id=a1.pk, mandate_type_id=None, role="", day=day)
        for day in (dt.date(2020, 6, 30), dt.date(2020, 7, 1))
    ]
    assert prices == [Decimal("68.00"), Decimal("85.00")]
    # Imported again, nothing is added.
    for kind in BILLING:
        assert "créations : 0" in run_import(kind, DATA / f"{kind}.csv").stdout
