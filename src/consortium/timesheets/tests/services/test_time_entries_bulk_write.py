import datetime as dt
from decimal import Decimal

import pytest

from consortium.factories import ExpertFactory, MandateFactory
from consortium.timesheets.models import TimeEntry
from consortium.timesheets.services import time_entries_bulk_write

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
