import datetime as dt
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from consortium.testing.factories import ExpertFactory, MandateFactory
from consortium.timesheets.models import PeriodKind, TimeEntry
from consortium.timesheets.services.entries import time_entries_bulk_write
from consortium.timesheets.services.locks import period_lock

pytestmark = pytest.mark.django_db


def test_it_writes_every_row_with_its_hours():
    expert, mandate = ExpertFactory(), MandateFactory()
    rows = [
        (expert.pk, mandate.pk, dt.date(2020, 6, day), Decimal("1.25") * day, f"jour {day}")
        for day in range(1, 6)
    ]
    assert time_entries_bulk_write(rows) == 5
    stored = TimeEntry.objects.order_by("date").values_list("date", "hours", "description")
    assert [(d.day, h, text) for d, h, text in stored] == [
        (day, Decimal("1.25") * day, f"jour {day}") for day in range(1, 6)
    ]


def test_a_row_for_an_existing_cell_replaces_it():
    expert, mandate = ExpertFactory(), MandateFactory()
    time_entries_bulk_write([(expert.pk, mandate.pk, dt.date(2020, 6, 1), Decimal(3), "a")])
    time_entries_bulk_write([(expert.pk, mandate.pk, dt.date(2020, 6, 1), Decimal(5), "b")])
    assert list(TimeEntry.objects.values_list("hours", "description")) == [(Decimal(5), "b")]


def test_nothing_to_write_writes_nothing():
    assert time_entries_bulk_write([]) == 0


def test_more_rows_than_one_statement_holds_are_all_written_or_replaced():
    expert, mandate = ExpertFactory(), MandateFactory()
    first_day = dt.date(2020, 1, 1)
    days = [first_day + dt.timedelta(days=n) for n in range(250)]
    time_entries_bulk_write([(expert.pk, mandate.pk, day, Decimal(1), "") for day in days[:10]])
    time_entries_bulk_write(
        [(expert.pk, mandate.pk, day, Decimal("2.5"), "b") for day in reversed(days)]
    )
    assert TimeEntry.objects.count() == 250
    assert set(TimeEntry.objects.values_list("hours", "description")) == {(Decimal("2.5"), "b")}


def test_new_only_rows_go_straight_into_the_table():
    expert, mandate = ExpertFactory(), MandateFactory()
    rows = [(expert.pk, mandate.pk, dt.date(2020, 6, day), Decimal(2), "") for day in (1, 2)]
    assert time_entries_bulk_write(rows, new_only=True) == 2
    assert TimeEntry.objects.count() == 2


def test_new_only_refuses_an_external_id_that_exists_instead_of_replacing_it():
    expert, mandate = ExpertFactory(), MandateFactory()
    row = (expert.pk, mandate.pk, dt.date(2020, 6, 1), Decimal(3), "a", None, None, "kimai", "7")
    time_entries_bulk_write([row])
    with pytest.raises(IntegrityError), transaction.atomic():
        time_entries_bulk_write([(*row[:3], Decimal(5), "b", *row[5:])], new_only=True)
    assert list(TimeEntry.objects.values_list("hours", "description")) == [(Decimal(3), "a")]


def test_a_refused_bulk_write_leaves_nothing_of_the_callers_transaction():
    expert, mandate = ExpertFactory(), MandateFactory()
    period_lock(kind=PeriodKind.MONTH, month=dt.date(2020, 6, 1))
    with pytest.raises(IntegrityError), transaction.atomic():
        time_entries_bulk_write([(expert.pk, mandate.pk, dt.date(2020, 5, 29), Decimal(1), "")])
        time_entries_bulk_write([(expert.pk, mandate.pk, dt.date(2020, 6, 1), Decimal(1), "")])
    assert not TimeEntry.objects.exists()
