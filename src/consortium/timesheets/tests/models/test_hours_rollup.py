"""The hours rollup (day × expert × mandate) is the sum of the entries after every kind of write:
the services, bulk imports, the ORM's bulk_create and update, a delete and raw SQL."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.db.models import Count, Sum

from consortium.testing.factories import ExpertFactory, MandateFactory, TimeEntryFactory
from consortium.timesheets.models import HoursRollup, TimeEntry
from consortium.timesheets.services.entries import (
    NewEntry,
    time_entries_bulk_write,
    time_entries_record,
    time_entry_delete,
    time_entry_record,
    time_entry_update,
)

pytestmark = pytest.mark.django_db

CENT = Decimal("0.01")
JUNE_1, JUNE_2 = dt.date(2020, 6, 1), dt.date(2020, 6, 2)


def rollups() -> dict[tuple, tuple[Decimal, int]]:
    return {
        (row.date, row.expert_id, row.mandate_id): (row.hours.quantize(CENT), row.entry_count)
        for row in HoursRollup.objects.all()
    }


def entries_grouped() -> dict[tuple, tuple[Decimal, int]]:
    grouped = TimeEntry.objects.values("date", "expert_id", "mandate_id").annotate(
        total=Sum("hours"), count=Count("id")
    )
    return {
        (row["date"], row["expert_id"], row["mandate_id"]): (
            Decimal(row["total"]).quantize(CENT),
            row["count"],
        )
        for row in grouped
    }


def test_entries_recorded_by_the_services_add_up_by_day_expert_and_mandate():
    expert, mandate, other = ExpertFactory(), MandateFactory(), MandateFactory()
    time_entry_record(expert=expert, mandate=mandate, date=JUNE_1, hours=Decimal("2.25"))
    time_entry_record(expert=expert, mandate=mandate, date=JUNE_1, hours=Decimal("1.10"))
    time_entries_record(
        [
            NewEntry(expert, other, JUNE_1, Decimal("0.70")),
            NewEntry(expert, mandate, JUNE_2, Decimal(8)),
        ]
    )
    assert rollups() == {
        (JUNE_1, expert.pk, mandate.pk): (Decimal("3.35"), 2),
        (JUNE_1, expert.pk, other.pk): (Decimal("0.70"), 1),
        (JUNE_2, expert.pk, mandate.pk): (Decimal("8.00"), 1),
    }
    assert rollups() == entries_grouped()


def test_a_bulk_import_and_its_replacement_keep_the_rollup_exact():
    expert, mandate = ExpertFactory(), MandateFactory()
    days = [JUNE_1 + dt.timedelta(days=n) for n in range(30)]
    time_entries_bulk_write([(expert.pk, mandate.pk, day, Decimal("1.10"), "") for day in days])
    time_entries_bulk_write(
        [(expert.pk, mandate.pk, day, Decimal("2.20"), "b") for day in days[10:]]
    )
    TimeEntry.objects.bulk_create(
        TimeEntry(expert=expert, mandate=mandate, date=day, hours=Decimal("0.30"), source="x")
        for day in days[:5]
    )
    assert rollups() == entries_grouped()
    assert rollups()[(days[0], expert.pk, mandate.pk)] == (Decimal("1.40"), 2)
    assert rollups()[(days[20], expert.pk, mandate.pk)] == (Decimal("2.20"), 1)


def test_an_update_that_moves_an_entry_moves_its_hours_and_empties_the_old_row():
    entry = TimeEntryFactory(date=JUNE_1, hours=Decimal(3))
    stays = TimeEntryFactory(expert=entry.expert, mandate=entry.mandate, date=JUNE_1)
    other_mandate, other_expert = MandateFactory(), ExpertFactory()

    time_entry_update(entry=entry, mandate=other_mandate)
    assert rollups()[(JUNE_1, entry.expert_id, entry.mandate_id)] == (Decimal("7.00"), 1)
    assert rollups()[(JUNE_1, entry.expert_id, other_mandate.pk)] == (Decimal("3.00"), 1)

    time_entry_update(entry=TimeEntry.objects.get(pk=entry.pk), date=JUNE_2, hours=Decimal(5))
    assert (JUNE_1, entry.expert_id, other_mandate.pk) not in rollups()
    assert rollups()[(JUNE_2, entry.expert_id, other_mandate.pk)] == (Decimal("5.00"), 1)

    TimeEntry.objects.filter(pk=entry.pk).update(expert=other_expert)
    assert rollups() == {
        (JUNE_1, stays.expert_id, stays.mandate_id): (Decimal("7.00"), 1),
        (JUNE_2, other_expert.pk, other_mandate.pk): (Decimal("5.00"), 1),
    }
    assert rollups() == entries_grouped()


def test_a_change_of_description_alone_leaves_the_rollup_as_it_was():
    entry = TimeEntryFactory(hours=Decimal("1.5"))
    time_entry_update(entry=entry, description="Autre chose")
    assert rollups() == {(entry.date, entry.expert_id, entry.mandate_id): (Decimal("1.50"), 1)}


def test_deleting_the_last_entry_of_a_day_deletes_its_rollup_row():
    entry = TimeEntryFactory(hours=Decimal(2))
    second = TimeEntryFactory(expert=entry.expert, mandate=entry.mandate, hours=Decimal(1))
    time_entry_delete(entry=second)
    assert rollups() == {(entry.date, entry.expert_id, entry.mandate_id): (Decimal("2.00"), 1)}
    time_entry_delete(entry=entry)
    assert not HoursRollup.objects.exists()


def test_raw_sql_writes_are_counted_too():
    entry = TimeEntryFactory(hours=Decimal(2))
    TimeEntryFactory(expert=entry.expert, date=JUNE_2, hours=Decimal(4))
    table = connection.ops.quote_name(TimeEntry._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET hours = hours + 0.15")
        cursor.execute(f"UPDATE {table} SET date = %s WHERE id = %s", [JUNE_2, entry.pk])
    assert rollups() == entries_grouped()
    assert sum(hours for hours, _count in rollups().values()) == Decimal("6.30")
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table} WHERE date = %s", [JUNE_2])
    assert rollups() == {}


def test_rebuild_check_passes_when_the_rollup_matches(capsys):
    TimeEntryFactory(hours=Decimal("1.25"))
    call_command("rollups", "rebuild", "--check")
    assert "conformes" in capsys.readouterr().out


def test_rebuild_check_lists_a_tampered_rollup_and_rebuild_repairs_it(capsys):
    entry = TimeEntryFactory(hours=Decimal("1.25"))
    gone = TimeEntryFactory(date=JUNE_2, hours=Decimal(3))
    rollup = connection.ops.quote_name(HoursRollup._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {rollup} SET hours = 9 WHERE expert_id = %s", [entry.expert_id])
        cursor.execute(f"DELETE FROM {rollup} WHERE expert_id = %s", [gone.expert_id])

    with pytest.raises(CommandError) as refused:
        call_command("rollups", "rebuild", "--check")
    message = str(refused.value)
    assert "2 écarts" in message
    assert f"2020-06-01, expert {entry.expert_id}, mandat {entry.mandate_id} : cumul 9.00 h" in (
        message
    )
    assert f"2020-06-02, expert {gone.expert_id}, mandat {gone.mandate_id} : cumul 0.00 h" in (
        message
    )
    assert "entrées 3.00 h (1 entrées)" in message

    call_command("rollups", "rebuild")
    assert "reconstruits : 2 lignes" in capsys.readouterr().out
    assert rollups() == entries_grouped()
    call_command("rollups", "rebuild", "--check")


def test_rebuild_check_shows_the_first_twenty_differences_only():
    expert, mandate = ExpertFactory(), MandateFactory()
    TimeEntry.objects.bulk_create(
        TimeEntry(expert=expert, mandate=mandate, date=JUNE_1 + dt.timedelta(days=n), hours=1)
        for n in range(25)
    )
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {connection.ops.quote_name(HoursRollup._meta.db_table)}")
    with pytest.raises(CommandError) as refused:
        call_command("rollups", "rebuild", "--check")
    lines = str(refused.value).splitlines()
    assert "25 écarts (les 20 premiers" in lines[0]
    assert len(lines) == 21
    assert lines[1].startswith("2020-06-01,") and lines[-1].startswith("2020-06-20,")
