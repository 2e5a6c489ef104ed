"""Several rows a day, external ids and start/end times in the time-entries import."""

import datetime as dt
from decimal import Decimal

import pytest

from consortium.mandates.models import Mandate
from consortium.staff.models import Expert
from consortium.testing.factories import ExpertFactory, MandateFactory, TimeEntryFactory
from consortium.timesheets.models import PeriodKind, TimeEntry
from consortium.timesheets.services.locks import period_lock

pytestmark = pytest.mark.django_db

HEADER = "expert_code,mandate_code,date,hours,description"
DAY = dt.date(2020, 5, 4)


@pytest.fixture
def ledger():
    ExpertFactory(code="E01", hired_on=dt.date(2015, 1, 1))
    MandateFactory(code="M01", start=dt.date(2019, 1, 1))


def _cell():
    return list(
        TimeEntry.objects.order_by("hours").values_list(
            "hours", "description", "start_time", "end_time", "source", "external_id"
        )
    )


def test_several_rows_for_one_expert_mandate_and_day_become_several_entries(
    csv_file, run_import, ledger
):
    path = csv_file("e.csv", HEADER, "E01,M01,2020-05-04,2,Matin", "E01,M01,2020-05-04,3,Soir")
    outcome = run_import("time-entries", path)
    assert outcome.imported, outcome.stderr
    assert [(hours, text) for hours, text, *_rest in _cell()] == [
        (Decimal(2), "Matin"),
        (Decimal(3), "Soir"),
    ]


def test_reimporting_a_file_without_external_ids_leaves_each_day_as_the_file_has_it(
    csv_file, run_import, ledger
):
    path = csv_file("e.csv", HEADER, "E01,M01,2020-05-04,2,Matin", "E01,M01,2020-05-04,3,Soir")
    assert run_import("time-entries", path).imported
    outcome = run_import("time-entries", path)
    assert outcome.imported, outcome.stderr
    assert "créations : 0, mises à jour : 2." in outcome.stdout
    assert [hours for hours, *_rest in _cell()] == [Decimal(2), Decimal(3)]
    fewer = csv_file("f.csv", HEADER, "E01,M01,2020-05-04,4,Journée")
    assert run_import("time-entries", fewer).imported
    assert [(hours, text) for hours, text, *_rest in _cell()] == [(Decimal(4), "Journée")]


def test_reimporting_a_file_with_external_ids_changes_the_same_entries(
    csv_file, run_import, ledger
):
    header = HEADER + ",external_id"
    first = csv_file("e.csv", header, "E01,M01,2020-05-04,2,a,K-1", "E01,M01,2020-05-04,3,b,K-2")
    assert run_import("time-entries", first).imported
    ids = dict(TimeEntry.objects.values_list("external_id", "pk"))
    again = csv_file("f.csv", header, "E01,M01,2020-05-05,2.5,a,K-1", "E01,M01,2020-05-04,3,b,K-2")
    outcome = run_import("time-entries", again)
    assert outcome.imported, outcome.stderr
    assert "créations : 0, mises à jour : 2." in outcome.stdout
    assert dict(TimeEntry.objects.values_list("external_id", "pk")) == ids
    moved = TimeEntry.objects.get(external_id="K-1")
    assert (moved.date, moved.hours, moved.source) == (
        dt.date(2020, 5, 5),
        Decimal("2.5"),
        "time-entries",
    )
    assert run_import("time-entries", again).imported
    assert TimeEntry.objects.count() == 2


def test_entries_typed_on_the_web_are_kept_beside_the_imported_ones(csv_file, run_import, ledger):

    typed = TimeEntryFactory(
        expert=Expert.objects.get(code="E01"),
        mandate=Mandate.objects.get(code="M01"),
        date=DAY,
        hours=Decimal(1),
    )
    path = csv_file("e.csv", HEADER, "E01,M01,2020-05-04,2,")
    assert run_import("time-entries", path).imported
    assert run_import("time-entries", path).imported
    assert [hours for hours, *_rest in _cell()] == [Decimal(1), Decimal(2)]
    assert TimeEntry.objects.filter(pk=typed.pk).exists()


def test_start_and_end_make_the_hours_and_an_end_after_midnight_is_the_next_day(
    csv_file, run_import, ledger
):
    path = csv_file(
        "e.csv",
        HEADER + ",start,end",
        "E01,M01,2020-05-04,,Jour,08:30,10:00",
        "E01,M01,2020-05-04,2,Nuit,23:00,01:00",
    )
    outcome = run_import("time-entries", path)
    assert outcome.imported, outcome.stderr
    assert _cell() == [
        (Decimal("1.5"), "Jour", dt.time(8, 30), dt.time(10, 0), "time-entries", ""),
        (Decimal(2), "Nuit", dt.time(23, 0), dt.time(1, 0), "time-entries", ""),
    ]
    assert set(TimeEntry.objects.values_list("date", flat=True)) == {DAY}


def test_bad_times_are_reported_by_line_and_column(csv_file, run_import, ledger):
    path = csv_file(
        "e.csv",
        HEADER + ",start,end",
        "E01,M01,2020-05-04,3,,08:00,10:00",
        "E01,M01,2020-05-04,1,,25:00,10:00",
        "E01,M01,2020-05-04,1,,08:00,",
        "E01,M01,2020-05-04,1,,09:00,09:00",
    )
    outcome = run_import("time-entries", path)
    line = f"{path}, ligne"
    assert outcome.error_lines == [
        f"{line} 2, colonne « hours » : 3 h ne font pas la durée de 08:00 à 10:00 (2 h) : "
        "corrigez les heures, ou laissez-les vides.",
        f"{line} 3, colonne « start » : « 25:00 » n'est pas une heure du jour (HH:MM, de 00:00 "
        "à 23:59).",
        f"{line} 4, colonne « end » : Indiquez le début et la fin, ou ni l'un ni l'autre.",
        f"{line} 5, colonne « end » : La fin doit différer du début.",
    ]
    assert not TimeEntry.objects.exists()


def test_the_24_hours_count_every_row_of_the_day(csv_file, run_import, ledger):
    rows = [f"E01,M01,2020-05-04,8,partie {n}" for n in range(4)]
    outcome = run_import("time-entries", csv_file("e.csv", HEADER, *rows))
    assert outcome.error_lines == [
        f"{outcome.error_lines[0].split(',')[0]}, ligne 5, colonne « hours » : "
        "L'expert E01 aurait 32\xa0h le lundi 4 mai 2020 : 24 h au plus par jour."
    ]


def test_an_external_id_may_not_move_an_entry_out_of_a_locked_month(csv_file, run_import, ledger):

    TimeEntryFactory(
        expert=Expert.objects.get(code="E01"),
        mandate=Mandate.objects.get(code="M01"),
        date=dt.date(2020, 4, 30),
        hours=Decimal(2),
        source="time-entries",
        external_id="K-1",
    )
    period_lock(kind=PeriodKind.MONTH, month=dt.date(2020, 4, 1))
    path = csv_file("e.csv", HEADER + ",external_id", "E01,M01,2020-05-04,3,,K-1")
    outcome = run_import("time-entries", path)
    assert not outcome.imported
    assert len(outcome.error_lines) == 1
    assert "ligne 2" in outcome.error_lines[0] and "verrouill" in outcome.error_lines[0]
    assert TimeEntry.objects.get().date == dt.date(2020, 4, 30)
