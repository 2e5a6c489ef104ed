"""An import of time entries leaves one TimeEntryImport row, not one audit row per entry."""

import datetime as dt

import pytest

from consortium.imports.errors import ImportRefused
from consortium.imports.services import csv_import
from consortium.testing.factories import (
    ExpertFactory,
    MandateFactory,
    TimeEntryFactory,
    UserFactory,
)
from consortium.timesheets.models import TimeEntryChange, TimeEntryImport

pytestmark = pytest.mark.django_db

HEADER = "expert_code,mandate_code,date,hours,description"


@pytest.fixture
def ledger():
    expert = ExpertFactory(code="E01")
    mandate = MandateFactory(code="M01", start=dt.date(2019, 1, 1))
    # An entry of an earlier import of this kind: a row on its day replaces it.
    TimeEntryFactory(
        expert=expert, mandate=mandate, date=dt.date(2020, 6, 1), source="time-entries"
    )


def test_the_command_records_the_file_its_rows_and_what_they_did(csv_file, run_import, ledger):
    path = csv_file(
        "heures-juin.csv",
        HEADER,
        "E01,M01,2020-06-01,4,Remplace",
        "E01,M01,2020-06-02,3,",
        "E01,M01,2020-06-03,2,",
    )
    assert run_import("time-entries", path).imported
    batch = TimeEntryImport.objects.get()
    assert (batch.file_name, batch.rows, batch.created, batch.updated) == (
        "heures-juin.csv",
        3,
        2,
        1,
    )
    assert batch.imported_by is None
    assert not TimeEntryChange.objects.exists()


def test_an_import_by_a_user_names_them(csv_file, ledger):
    user = UserFactory()
    csv_import(
        kind="time-entries", path=csv_file("h.csv", HEADER, "E01,M01,2020-06-02,3,"), by=user
    )
    assert TimeEntryImport.objects.get().imported_by == user


def test_a_refused_file_leaves_no_batch_row(csv_file, ledger):
    with pytest.raises(ImportRefused):
        csv_import(kind="time-entries", path=csv_file("h.csv", HEADER, "E99,M01,2020-06-02,3,"))
    assert not TimeEntryImport.objects.exists()


def test_other_kinds_of_import_leave_no_batch_row(csv_file):
    csv_import(kind="departments", path=csv_file("d.csv", "code,name_fr,name_en", "CPT,Compta,Acc"))
    assert not TimeEntryImport.objects.exists()
