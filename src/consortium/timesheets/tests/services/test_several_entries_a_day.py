"""Several entries of one expert on one mandate and day; start and end times make the hours."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from consortium.testing.factories import (
    ExpertFactory,
    MandateFactory,
    TimeEntryFactory,
    UserFactory,
)
from consortium.timesheets.models import TimeEntry, TimeEntryChange, hours_between
from consortium.timesheets.services.entries import (
    time_entries_bulk_write,
    time_entry_delete,
    time_entry_record,
    time_entry_set,
    time_entry_update,
)
from consortium.timesheets.services.weeks import week_copy_previous

pytestmark = pytest.mark.django_db
DAY = dt.date(2020, 6, 1)


def messages(error: ValidationError) -> str:
    return " ".join(error.messages)


def test_hours_between_two_times_cross_midnight_when_the_end_comes_first():
    assert hours_between(dt.time(8, 30), dt.time(12, 0)) == Decimal("3.5")
    assert hours_between(dt.time(22, 0), dt.time(1, 15)) == Decimal("3.25")
    assert hours_between(dt.time(9, 0), dt.time(9, 20)) == Decimal("0.33")


def test_start_and_end_make_the_hours_of_a_new_entry():
    entry = time_entry_record(
        expert=ExpertFactory(),
        mandate=MandateFactory(),
        date=DAY,
        start_time=dt.time(8, 0),
        end_time=dt.time(11, 45),
    )
    entry.refresh_from_db()
    assert (entry.hours, entry.start_time, entry.end_time) == (
        Decimal("3.75"),
        dt.time(8, 0),
        dt.time(11, 45),
    )


def test_an_entry_crossing_midnight_belongs_to_the_day_it_started():
    entry = time_entry_record(
        expert=ExpertFactory(),
        mandate=MandateFactory(),
        date=DAY,
        start_time=dt.time(23, 0),
        end_time=dt.time(2, 0),
    )
    assert (entry.date, entry.hours) == (DAY, Decimal(3))


def test_hours_that_disagree_with_the_times_are_refused():
    with pytest.raises(ValidationError) as caught:
        time_entry_record(
            expert=ExpertFactory(),
            mandate=MandateFactory(),
            date=DAY,
            hours=Decimal(5),
            start_time=dt.time(8, 0),
            end_time=dt.time(9, 0),
        )
    assert "durée entre le début et la fin" in messages(caught.value)
    assert not TimeEntry.objects.exists()


def test_a_start_without_an_end_is_refused_by_the_service_and_the_database():
    with pytest.raises(ValidationError) as caught:
        time_entry_record(
            expert=ExpertFactory(),
            mandate=MandateFactory(),
            date=DAY,
            hours=Decimal(1),
            start_time=dt.time(8, 0),
        )
    assert "le début et la fin" in messages(caught.value)
    entry = TimeEntryFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        TimeEntry.objects.filter(pk=entry.pk).update(start_time=dt.time(8, 0))


def test_an_expert_may_log_several_entries_a_day_on_one_mandate_each_with_its_audit_row():
    expert, mandate = ExpertFactory(), MandateFactory()
    first = time_entry_record(expert=expert, mandate=mandate, date=DAY, hours=Decimal(2))
    second = time_entry_record(expert=expert, mandate=mandate, date=DAY, hours=Decimal(3))
    assert first.pk != second.pk
    assert TimeEntry.objects.filter(expert=expert, mandate=mandate, date=DAY).count() == 2
    assert set(TimeEntryChange.objects.values_list("entry_id", "action")) == {
        (first.pk, "created"),
        (second.pk, "created"),
    }


def test_the_24_hours_count_the_sum_of_the_days_entries():
    expert, mandate = ExpertFactory(code="EXP-S"), MandateFactory()
    for hours in (10, 10):
        time_entry_record(expert=expert, mandate=mandate, date=DAY, hours=Decimal(hours))
    with pytest.raises(ValidationError) as caught:
        time_entry_record(expert=expert, mandate=mandate, date=DAY, hours=Decimal(5))
    assert f"{expert} aurait 25\xa0h le " in messages(caught.value)
    first = TimeEntry.objects.order_by("pk").first()
    with pytest.raises(ValidationError):
        time_entry_update(entry=first, hours=Decimal(15))


def test_updating_and_deleting_touch_one_entry_of_the_day():
    expert, mandate = ExpertFactory(), MandateFactory()
    first = time_entry_record(expert=expert, mandate=mandate, date=DAY, hours=Decimal(2))
    second = time_entry_record(expert=expert, mandate=mandate, date=DAY, hours=Decimal(3))
    time_entry_update(entry=first, start_time=dt.time(9, 0), end_time=dt.time(13, 0))
    time_entry_delete(entry=second)
    assert list(TimeEntry.objects.values_list("pk", "hours")) == [(first.pk, Decimal(4))]
    change = TimeEntryChange.objects.filter(entry_id=first.pk, action="updated").get()
    assert change.after["start"] == "09:00" and change.after["end"] == "13:00"
    time_entry_update(entry=first, start_time=None, end_time=None, hours=Decimal(1))
    first.refresh_from_db()
    assert (first.hours, first.start_time) == (Decimal(1), None)


def test_setting_a_cell_of_one_entry_changes_it_and_drops_its_times():
    entry = TimeEntryFactory(
        date=DAY, hours=Decimal(2), start_time=dt.time(8, 0), end_time=dt.time(10, 0)
    )
    same = time_entry_set(expert=entry.expert, mandate=entry.mandate, date=DAY, hours=Decimal(3))
    assert same.pk == entry.pk
    entry.refresh_from_db()
    assert (entry.hours, entry.start_time, entry.end_time) == (Decimal(3), None, None)


def test_setting_a_cell_of_several_entries_is_refused_with_the_way_to_the_list():
    entry = TimeEntryFactory(date=DAY, hours=Decimal(2))
    TimeEntryFactory(expert=entry.expert, mandate=entry.mandate, date=DAY, hours=Decimal(1))
    for hours in (Decimal(5), None):
        with pytest.raises(ValidationError) as caught:
            time_entry_set(expert=entry.expert, mandate=entry.mandate, date=DAY, hours=hours)
        assert "liste des entrées du jour" in messages(caught.value)
    assert TimeEntry.objects.count() == 2


def test_bulk_rows_with_an_external_id_update_the_entry_their_source_gave_it():
    expert, mandate = ExpertFactory(), MandateFactory()
    row = (expert.pk, mandate.pk, DAY, Decimal(2), "a", None, None, "kimai", "K-1")
    time_entries_bulk_write([row])
    pk = TimeEntry.objects.get().pk
    later = DAY + dt.timedelta(days=1)
    start, end = dt.time(8, 0), dt.time(11, 0)
    time_entries_bulk_write(
        [(expert.pk, mandate.pk, later, Decimal(3), "b", start, end, "kimai", "K-1")]
    )
    assert list(TimeEntry.objects.values_list("pk", "date", "hours", "start_time")) == [
        (pk, later, Decimal(3), start)
    ]


def test_bulk_rows_without_an_external_id_replace_only_their_sources_entries_of_the_day():
    expert, mandate = ExpertFactory(), MandateFactory()
    typed = TimeEntryFactory(expert=expert, mandate=mandate, date=DAY, hours=Decimal(1))
    identified = (expert.pk, mandate.pk, DAY, Decimal(1), "", None, None, "csv", "K-9")
    rows = [(expert.pk, mandate.pk, DAY, Decimal(h), "", None, None, "csv", "") for h in (2, 3)]
    time_entries_bulk_write([identified, *rows])
    time_entries_bulk_write(rows)
    time_entries_bulk_write(rows[:1])
    stored = TimeEntry.objects.order_by("source", "external_id").values_list(
        "pk", "hours", "source", "external_id"
    )
    assert [(hours, source, key) for _pk, hours, source, key in stored] == [
        (Decimal(1), "", ""),
        (Decimal(2), "csv", ""),
        (Decimal(1), "csv", "K-9"),
    ]
    assert stored[0][0] == typed.pk


def test_a_days_rows_without_an_external_id_change_its_stored_entries_in_place():
    expert, mandate = ExpertFactory(), MandateFactory()
    rows = [(expert.pk, mandate.pk, DAY, Decimal(h), "", None, None, "csv", "") for h in (2, 3)]
    time_entries_bulk_write(rows)
    ids = sorted(TimeEntry.objects.values_list("pk", flat=True))
    time_entries_bulk_write([(*row[:3], Decimal(4), *row[4:]) for row in rows])
    assert sorted(TimeEntry.objects.values_list("pk", "hours")) == [
        (ids[0], Decimal(4)),
        (ids[1], Decimal(4)),
    ]


def test_copying_the_previous_week_copies_each_entry_of_a_cell():
    user = UserFactory(is_superuser=True)
    monday = dt.date(2020, 6, 8)
    first = TimeEntryFactory(date=DAY, hours=Decimal(2), description="matin")
    TimeEntryFactory(expert=first.expert, mandate=first.mandate, date=DAY, hours=Decimal(3))
    copy = week_copy_previous(expert=first.expert, week_start=monday, by=user)
    assert copy.copied == 2
    copied = TimeEntry.objects.filter(date=monday).order_by("hours").values_list("hours", flat=True)
    assert list(copied) == [Decimal(2), Decimal(3)]
