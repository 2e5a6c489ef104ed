"""The rate table: two rates of the same scope never overlap in time."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from consortium.billing.models import Invoice, InvoiceLine, Rate
from consortium.billing.services.rates import rate_create, rate_delete, rate_update, rate_upsert
from consortium.testing.factories import MandateTypeFactory, OrganisationFactory, RateFactory

pytestmark = pytest.mark.django_db


def _create(**values) -> Rate:
    defaults = {
        "member_category": "user",
        "hourly_rate": Decimal("85.00"),
        "valid_from": dt.date(2020, 4, 1),
    }
    return rate_create(**(defaults | values))


def test_a_rate_is_added_with_its_scope_and_dates():
    support = MandateTypeFactory(code="SOUT")
    rate = _create(mandate_type=support, expert_role="trainer", valid_until=dt.date(2021, 3, 31))
    assert Rate.objects.get() == rate
    assert (rate.mandate_type, rate.expert_role, rate.hourly_rate) == (
        support,
        "trainer",
        Decimal("85.00"),
    )


def test_a_rate_overlapping_one_of_the_same_scope_is_refused_naming_its_dates():
    _create(valid_from=dt.date(2019, 4, 1), valid_until=dt.date(2020, 3, 31))
    with pytest.raises(ValidationError) as refused:
        _create(valid_from=dt.date(2020, 3, 1))
    assert "en vigueur du 2019-04-01 au 2020-03-31" in str(refused.value)
    assert Rate.objects.count() == 1


def test_an_open_rate_overlaps_every_later_one_of_its_scope():
    _create(valid_from=dt.date(2019, 4, 1))
    with pytest.raises(ValidationError, match="en vigueur depuis le 2019-04-01"):
        _create(valid_from=dt.date(2030, 1, 1))


def test_a_rate_may_start_the_day_after_the_previous_one_ends():
    _create(valid_from=dt.date(2019, 4, 1), valid_until=dt.date(2020, 3, 31))
    _create(valid_from=dt.date(2020, 4, 1))
    assert Rate.objects.count() == 2


def test_rates_of_other_scopes_may_share_dates():
    support = MandateTypeFactory(code="SOUT")
    _create()
    _create(member_category="auxiliary")
    _create(mandate_type=support)
    _create(expert_role="trainer")
    _create(mandate_type=support, expert_role="trainer")
    assert Rate.objects.count() == 5


def test_a_rate_cannot_end_before_it_starts():
    with pytest.raises(ValidationError, match="finir avant"):
        _create(valid_from=dt.date(2020, 4, 1), valid_until=dt.date(2020, 3, 1))


def test_an_unknown_category_is_refused():
    with pytest.raises(ValidationError):
        _create(member_category="friend")


def test_a_rate_update_is_checked_against_the_others_but_not_itself():
    first = _create(valid_from=dt.date(2019, 4, 1), valid_until=dt.date(2020, 3, 31))
    second = _create(valid_from=dt.date(2020, 4, 1))
    rate_update(
        rate=second,
        member_category="user",
        hourly_rate=Decimal("90.00"),
        valid_from=second.valid_from,
    )
    second.refresh_from_db()
    assert second.hourly_rate == Decimal("90.00")
    with pytest.raises(ValidationError, match="2020-04-01"):
        rate_update(
            rate=first,
            member_category="user",
            hourly_rate=first.hourly_rate,
            valid_from=first.valid_from,
            valid_until=dt.date(2020, 4, 1),
        )


def test_a_rate_is_removed():
    rate = _create()
    rate_delete(rate=rate)
    assert not Rate.objects.exists()


def test_an_upsert_keyed_by_scope_and_first_day_changes_the_amount_and_end():
    _first, created = rate_upsert(
        member_category="user", hourly_rate=Decimal("85.00"), valid_from=dt.date(2020, 4, 1)
    )
    _rate, created_again = rate_upsert(
        member_category="user",
        hourly_rate=Decimal("88.50"),
        valid_from=dt.date(2020, 4, 1),
        valid_until=dt.date(2021, 3, 31),
    )
    assert (created, created_again) == (True, False)
    assert list(Rate.objects.values_list("hourly_rate", "valid_until")) == [
        (Decimal("88.50"), dt.date(2021, 3, 31))
    ]


def test_the_database_refuses_overlapping_rates_from_any_writer():
    first = RateFactory(valid_from=dt.date(2019, 1, 1), valid_until=dt.date(2020, 12, 31))
    with pytest.raises(IntegrityError, match="chevauchent"), transaction.atomic():
        Rate.objects.bulk_create(
            [Rate(member_category="user", hourly_rate=1, valid_from=dt.date(2020, 6, 1))]
        )
    with pytest.raises(IntegrityError, match="chevauchent"), transaction.atomic():
        second = RateFactory(valid_from=dt.date(2021, 1, 1))
        Rate.objects.filter(pk=second.pk).update(valid_from=dt.date(2020, 12, 31))
    typed = MandateTypeFactory()
    RateFactory(valid_from=dt.date(2020, 6, 1), mandate_type=typed)
    assert Rate.objects.filter(pk=first.pk).exists() and Rate.objects.count() == 2


def test_an_invoice_keeps_the_rate_and_amount_it_was_made_with_when_the_rate_changes():
    rate = _create(hourly_rate=Decimal("85.00"))
    invoice = Invoice.objects.create(organisation=OrganisationFactory())
    line = InvoiceLine.objects.create(
        invoice=invoice,
        kind="hours",
        description="Tenue de livres",
        hours=Decimal("2"),
        rate=rate.hourly_rate,
        amount=Decimal("170.00"),
    )
    rate_update(
        rate=rate, member_category="user", hourly_rate=Decimal("95.00"), valid_from=rate.valid_from
    )
    rate_delete(rate=rate)
    line.refresh_from_db()
    assert (line.rate, line.amount) == (Decimal("85.00"), Decimal("170.00"))
