"""Time entries: `expert_code,mandate_code,date,hours,description`, checked against the rules."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from consortium.billing.models import Invoice
from consortium.imports.errors import ImportRefused
from consortium.imports.services import csv_import
from consortium.staff.models import Expert
from consortium.testing.factories import (
    ExpertFactory,
    FiscalYearFactory,
    InvoiceLineFactory,
    MandateFactory,
    TimeEntryFactory,
    TimesheetWeekFactory,
    UserFactory,
)
from consortium.timesheets.models import PeriodKind, TimeEntry, WeekStatus
from consortium.timesheets.services.locks import period_lock

pytestmark = pytest.mark.django_db

HEADER = "expert_code,mandate_code,date,hours,description"


@pytest.fixture
def ledger():
    """Two experts and two mandates; E02 left on 2020-12-18, M02 runs through 2020 only."""
    ExpertFactory(code="E01", hired_on=dt.date(2015, 1, 1))
    ExpertFactory(code="E02", hired_on=dt.date(2019, 1, 7), left_on=dt.date(2020, 12, 18))
    MandateFactory(code="M01", start=dt.date(2019, 1, 1))
    MandateFactory(code="M02", start=dt.date(2020, 1, 1), end=dt.date(2020, 12, 31))


def _entries():
    return list(
        TimeEntry.objects.order_by("date", "expert__code", "mandate__code").values_list(
            "expert__code", "mandate__code", "date", "hours", "description"
        )
    )


def test_entries_are_imported_with_decimal_commas_from_a_semicolon_file(
    csv_file, run_import, ledger
):
    path = csv_file(
        "entries.csv",
        "expert_code;mandate_code;date;hours;description",
        "E01;M01;2020-05-04;7,5;Tenue de livres",
        'E02;M02;2020-05-04;3,25;"Formation ; suivi"',
        "E01;M02;2020-05-04;0.5;",
        bom=True,
    )
    outcome = run_import("time-entries", path)
    assert outcome.imported, outcome.stderr
    assert "entrées de temps — créations : 3, mises à jour : 0." in outcome.stdout
    day = dt.date(2020, 5, 4)
    assert _entries() == [
        ("E01", "M01", day, Decimal("7.50"), "Tenue de livres"),
        ("E01", "M02", day, Decimal("0.50"), ""),
        ("E02", "M02", day, Decimal("3.25"), "Formation ; suivi"),
    ]


def test_a_reimport_replaces_the_hours_and_description_of_each_cell(csv_file, run_import, ledger):
    TimeEntryFactory(
        expert=ExpertFactory(code="E03"),
        mandate=MandateFactory(code="M03"),
        date=dt.date(2020, 5, 4),
        hours=Decimal(2),
        description="avant",
        source="time-entries",
    )
    path = csv_file("entries.csv", HEADER, "E03,M03,2020-05-04,6,après", "E01,M01,2020-05-04,1,")
    outcome = run_import("time-entries", path)
    assert "entrées de temps — créations : 1, mises à jour : 1." in outcome.stdout
    assert _entries() == [
        ("E01", "M01", dt.date(2020, 5, 4), Decimal("1.00"), ""),
        ("E03", "M03", dt.date(2020, 5, 4), Decimal("6.00"), "après"),
    ]


def test_hours_outside_the_mandate_or_the_employment_are_refused(csv_file, run_import, ledger):
    path = csv_file(
        "entries.csv",
        HEADER,
        "E01,M02,2019-12-31,2,",
        "E02,M01,2020-12-21,2,",
        "E02,M02,2021-01-04,2,",
        "E02,M02,2020-12-18,2,dernier jour",
    )
    outcome = run_import("time-entries", path)
    assert not outcome.imported
    column = "colonne « date »"
    assert outcome.error_lines == [
        f"{path}, ligne 2, {column} : "
        "Le mardi 31 décembre 2019 est hors des dates du mandat M02 (du 1er janvier 2020 au "
        "31 décembre 2020).",
        f"{path}, ligne 3, {column} : L'expert E02 n'était pas à l'emploi du Consortium le "
        "lundi 21 décembre 2020.",
        f"{path}, ligne 4, {column} : "
        "Le lundi 4 janvier 2021 est hors des dates du mandat M02 (du 1er janvier 2020 au "
        "31 décembre 2020).",
        f"{path}, ligne 4, {column} : L'expert E02 n'était pas à l'emploi du Consortium le "
        "lundi 4 janvier 2021.",
    ]
    assert _entries() == []


def test_hours_in_a_locked_period_are_refused_new_or_replacing(csv_file, run_import, ledger):
    expert, mandate = ExpertFactory(code="E03"), MandateFactory(code="M03")
    TimeEntryFactory(expert=expert, mandate=mandate, date=dt.date(2020, 6, 1), hours=Decimal(3))
    period_lock(kind=PeriodKind.MONTH, month=dt.date(2020, 6, 1))
    path = csv_file(
        "entries.csv",
        HEADER,
        "E01,M01,2020-06-30,2,",
        "E03,M03,2020-06-01,4,",
        "E01,M01,2020-07-01,2,",
    )
    outcome = run_import("time-entries", path)
    locked = (
        "dans une période verrouillée (du 1er juin 2020 au 30 juin 2020) : aucune entrée ne peut y "
    )
    assert outcome.error_lines == [
        f"{path}, ligne 2, colonne « date » : Le mardi 30 juin 2020 est {locked}"
        "être ajoutée, modifiée ni supprimée.",
        f"{path}, ligne 3, colonne « date » : Le lundi 1er juin 2020 est {locked}"
        "être ajoutée, modifiée ni supprimée.",
    ]
    assert _entries() == [("E03", "M03", dt.date(2020, 6, 1), Decimal("3.00"), "")]


def test_hours_in_a_submitted_or_approved_week_are_refused(csv_file, run_import, ledger):
    e01, now = Expert.objects.get(code="E01"), timezone.now()
    TimesheetWeekFactory(
        expert=e01, week_start=dt.date(2020, 6, 1), status=WeekStatus.SUBMITTED, submitted_at=now
    )
    TimesheetWeekFactory(
        expert=e01,
        week_start=dt.date(2020, 6, 8),
        status=WeekStatus.APPROVED,
        submitted_at=now,
        decided_at=now,
        decided_by=UserFactory(),
    )
    path = csv_file(
        "entries.csv",
        HEADER,
        "E01,M01,2020-06-05,2,",
        "E01,M01,2020-06-12,2,",
        "E02,M01,2020-06-12,2,",
    )
    outcome = run_import("time-entries", path)
    assert outcome.error_lines == [
        f"{path}, ligne 2, colonne « date » : La semaine du lundi 1er juin 2020 est soumise : ses "
        "entrées "
        "ne peuvent être ni ajoutées, ni modifiées, ni supprimées tant qu'elle n'est pas renvoyée.",
        f"{path}, ligne 3, colonne « date » : La semaine du lundi 8 juin 2020 est approuvée : ses "
        "entrées ne peuvent être ni ajoutées, ni modifiées, ni supprimées tant qu'elle n'est pas "
        "rouverte.",
    ]
    assert _entries() == []


def test_a_day_may_not_pass_24_hours_counting_stored_entries_the_file_keeps(
    csv_file, run_import, ledger
):
    expert = ExpertFactory(code="E03")
    day = dt.date(2020, 5, 4)
    imported = {"source": "time-entries"}
    TimeEntryFactory(
        expert=expert, mandate=MandateFactory(code="M03"), date=day, hours=8, **imported
    )
    TimeEntryFactory(
        expert=expert, mandate=MandateFactory(code="M04"), date=day, hours=8, **imported
    )
    refused = csv_file("entries.csv", HEADER, "E03,M01,2020-05-04,6,", "E03,M02,2020-05-04,2.25,")
    outcome = run_import("time-entries", refused)
    assert outcome.error_lines == [
        f"{refused}, ligne 3, colonne « hours » : "
        "L'expert E03 aurait 24,25\xa0h le lundi 4 mai 2020 : 24 h au plus par jour."
    ]
    # The same hours fit once the file replaces one of the stored entries with fewer hours.
    accepted = csv_file(
        "entries2.csv",
        HEADER,
        "E03,M01,2020-05-04,6,",
        "E03,M02,2020-05-04,2.25,",
        "E03,M03,2020-05-04,7.75,",
    )
    outcome = run_import("time-entries", accepted)
    assert outcome.imported, outcome.stderr
    assert TimeEntry.objects.filter(expert=expert, date=day).count() == 4


def test_bad_values_and_a_repeated_external_id_are_reported_row_by_row(
    csv_file, run_import, ledger
):
    path = csv_file(
        "entries.csv",
        HEADER + ",external_id",
        "E01,M01,2020-05-04,25,,",
        "E01,M01,2020-05-05,7.555,,",
        "EX,MX,05/06/2020,abc,,",
        ",M01,2020-05-06,,,",
        "E01,M01,2020-05-07,2,,K-1",
        "E01,M01,2020-05-07,3,,K-1",
    )
    outcome = run_import("time-entries", path)
    line = f"{path}, ligne"
    assert outcome.error_lines == [
        f"{line} 2, colonne « hours » : Les heures doivent être plus de 0 et au plus 24.",
        f"{line} 3, colonne « hours » : Les heures ont au plus deux décimales.",
        f"{line} 4, colonne « expert_code » : Expert inconnu : « EX ».",
        f"{line} 4, colonne « mandate_code » : Mandat inconnu : « MX ».",
        f"{line} 4, colonne « date » : « 05/06/2020 » n'est pas une date AAAA-MM-JJ valide.",
        f"{line} 4, colonne « hours » : « abc » n'est pas un nombre d'heures.",
        f"{line} 5, colonne « expert_code » : Valeur obligatoire.",
        f"{line} 5, colonne « hours » : Valeur obligatoire.",
        f"{line} 7, colonne « external_id » : La ligne 6 porte déjà l'identifiant externe « K-1 ».",
    ]
    assert _entries() == []


def test_a_file_of_many_bad_rows_is_refused_whole_with_every_error_located(csv_file, ledger):
    TimeEntryFactory(
        expert=ExpertFactory(code="E03"), mandate=MandateFactory(code="M03"), hours=Decimal(1)
    )
    before = list(TimeEntry.objects.values_list("pk", "hours"))
    good = [f"E01,M01,2020-{month:02d}-01,7," for month in range(4, 13)]
    bad = [f"E02,M02,2021-01-{day:02d},2," for day in range(1, 29)]  # after E02 left
    path = csv_file("entries.csv", HEADER, *good, *bad, "E03,M03,2020-06-01,30,")
    with pytest.raises(ImportRefused) as refused:
        csv_import(kind="time-entries", path=path)
    errors = refused.value.errors
    located = {(error.file, error.line, error.column) for error in errors}
    expected_bad_lines = range(len(good) + 2, len(good) + len(bad) + 2)
    assert {(str(path), line, "date") for line in expected_bad_lines} <= located
    assert (str(path), len(good) + len(bad) + 2, "hours") in located
    assert len(errors) == 2 * len(bad) + 1  # each bad row: outside the mandate and employment
    assert list(TimeEntry.objects.values_list("pk", "hours")) == before


def test_hours_an_invoice_holds_are_not_replaced_and_the_invoice_is_named(
    csv_file, run_import, ledger
):
    expert, mandate = Expert.objects.get(code="E01"), MandateFactory(code="M09")
    imported = {"expert": expert, "mandate": mandate, "source": "time-entries"}
    drafted = TimeEntryFactory(date=dt.date(2020, 6, 1), **imported)
    issued = TimeEntryFactory(date=dt.date(2020, 6, 2), **imported)
    draft_line = InvoiceLineFactory(mandate=mandate)
    draft_line.entries.create(time_entry=drafted, hours=drafted.hours)
    issued_line = InvoiceLineFactory(mandate=mandate)
    issued_line.entries.create(time_entry=issued, hours=issued.hours)
    invoice = issued_line.invoice
    Invoice.objects.filter(pk=invoice.pk).update(
        status="issued",
        number="2020-2021-0007",
        fiscal_year=FiscalYearFactory(name="2020-2021"),
        sequence=7,
        issued_on=dt.date(2020, 7, 1),
        due_on=dt.date(2020, 7, 31),
    )
    path = csv_file(
        "entries.csv",
        HEADER,
        "E01,M09,2020-06-01,3,",
        "E01,M09,2020-06-02,3,",
        "E01,M09,2020-06-03,3,",
    )
    outcome = run_import("time-entries", path)
    assert outcome.error_lines == [
        f"{path}, ligne 2, colonne « hours » : Ces heures sont sur le brouillon de facture "
        f"n° {draft_line.invoice_id} : supprimez ce brouillon ou refaites-le avant de les "
        "modifier.",
        f"{path}, ligne 3, colonne « hours » : Ces heures sont facturées (facture 2020-2021-0007) "
        ": elles ne peuvent être ni modifiées ni supprimées. Corrigez la facture par une note de "
        "crédit.",
    ]
    assert [hours for *_key, hours, _text in _entries()] == [Decimal("7.00"), Decimal("7.00")]
