"""`import time-entries FILE --approve`: imported history whose weeks count as approved."""

import datetime as dt

import pytest
from django.utils import timezone

from consortium.imports.services import IMPORT_USERNAME, csv_import
from consortium.testing.factories import (
    ExpertFactory,
    MandateFactory,
    TimeEntryFactory,
    TimesheetWeekFactory,
    UserFactory,
)
from consortium.timesheets.models import TimeEntry, TimeEntryImport, TimesheetWeek, WeekStatus

pytestmark = pytest.mark.django_db

HEADER = "expert_code,mandate_code,date,hours,description"


@pytest.fixture
def ledger():
    ExpertFactory(code="E01")
    ExpertFactory(code="E02")
    MandateFactory(code="M01", start=dt.date(2019, 1, 1))


def _weeks() -> list[tuple]:
    return list(
        TimesheetWeek.objects.order_by("expert__code", "week_start").values_list(
            "expert__code", "week_start", "status", "decided_by__username"
        )
    )


def test_the_files_weeks_are_approved_by_the_import_from_the_command_line(
    csv_file, run_import, ledger
):
    path = csv_file(
        "entries.csv",
        HEADER,
        "E01,M01,2020-05-04,7,",
        "E01,M01,2020-05-06,3,",
        "E01,M01,2020-05-11,2,",
        "E02,M01,2020-05-10,4,",
    )
    outcome = run_import("time-entries", path, "--approve")
    assert outcome.imported, outcome.stderr
    assert "semaines approuvées par l'import — créations : 3, mises à jour : 0." in outcome.stdout
    assert _weeks() == [
        ("E01", dt.date(2020, 5, 4), "approved", IMPORT_USERNAME),
        ("E01", dt.date(2020, 5, 11), "approved", IMPORT_USERNAME),
        ("E02", dt.date(2020, 5, 4), "approved", IMPORT_USERNAME),
    ]
    week = TimesheetWeek.objects.first()
    assert week.submitted_at is not None and week.decided_at is not None
    assert week.decided_by.get_full_name() == "Import CSV"
    assert not week.decided_by.is_active and not week.decided_by.has_usable_password()


def test_without_approve_the_weeks_stay_drafts(csv_file, run_import, ledger):
    outcome = run_import("time-entries", csv_file("e.csv", HEADER, "E01,M01,2020-05-04,7,"))
    assert outcome.imported
    assert not TimesheetWeek.objects.exists()


def test_the_importing_user_approves_when_there_is_one_and_drafts_are_approved(csv_file, ledger):
    director = UserFactory(username="direction")
    TimesheetWeekFactory(expert=ExpertFactory(code="E03"), week_start=dt.date(2020, 5, 4))
    TimesheetWeekFactory(expert=ExpertFactory(code="E04"), week_start=dt.date(2020, 5, 4))
    path = csv_file("entries.csv", HEADER, "E03,M01,2020-05-04,7,", "E01,M01,2020-05-05,1,")
    summary = csv_import(kind="time-entries", path=path, by=director, approve=True)
    weeks = summary.counts[1]
    assert (weeks.created, weeks.updated) == (1, 1)
    assert _weeks() == [
        ("E01", dt.date(2020, 5, 4), "approved", "direction"),
        ("E03", dt.date(2020, 5, 4), "approved", "direction"),
        # A week the file has no hours in is left as it was.
        ("E04", dt.date(2020, 5, 4), "draft", None),
    ]
    assert TimeEntryImport.objects.get().imported_by == director


def test_a_draft_week_is_approved_with_the_hours_entered_before(csv_file, run_import, ledger):
    entered = TimeEntryFactory(
        expert=ExpertFactory(code="E05"),
        mandate=MandateFactory(code="M05"),
        date=dt.date(2020, 5, 5),
    )
    outcome = run_import(
        "time-entries", csv_file("e.csv", HEADER, "E05,M01,2020-05-04,1,"), "--approve"
    )
    assert outcome.imported, outcome.stderr
    week = TimesheetWeek.objects.get(expert=entered.expert)
    assert week.status == WeekStatus.APPROVED
    assert TimeEntry.objects.filter(expert=entered.expert).count() == 2


def test_rows_in_submitted_approved_or_returned_weeks_refuse_the_file(csv_file, run_import, ledger):
    director = UserFactory()
    e01, e02 = ExpertFactory(code="E06"), ExpertFactory(code="E07")
    now = timezone.now()
    TimesheetWeekFactory(
        expert=e01, week_start=dt.date(2020, 5, 4), status="submitted", submitted_at=now
    )
    TimesheetWeekFactory(
        expert=e02,
        week_start=dt.date(2020, 5, 4),
        status="returned",
        submitted_at=now,
        decided_by=director,
        decided_at=now,
        reason="Il manque le mardi.",
    )
    path = csv_file(
        "entries.csv",
        HEADER,
        "E06,M01,2020-05-04,7,",
        "E07,M01,2020-05-05,7,",
        "E01,M01,2020-05-05,7,",
    )
    outcome = run_import("time-entries", path, "--approve")
    assert not outcome.imported
    assert (
        "ligne 2, colonne « date » : La semaine du lundi 4 mai 2020 est soumise" in outcome.stderr
    )
    assert (
        "ligne 3, colonne « date » : La semaine du 2020-05-04 a été renvoyée à l'expert"
        in outcome.stderr
    )
    assert len(outcome.error_lines) == 2
    assert not TimeEntry.objects.exists()
    assert TimesheetWeek.objects.filter(status="approved").count() == 0


def test_approve_is_refused_for_other_kinds_of_file(csv_file, run_import):
    path = csv_file("types.csv", "code,name_fr,name_en", "GEST,Gestion,Management")
    outcome = run_import("mandate-types", path, "--approve")
    assert not outcome.imported
    assert "--approve ne vaut que pour les entrées de temps" in outcome.message
