"""Files that are not what they claim: `consortium import` refuses them whole, saying where.

Each case was found by feeding the command bad files: before, some were imported wrongly
(a quote never closed swallowed the rest of the file into one value), some stored what the
database then refused or kept (a NUL byte), some ended in a traceback.
"""

import datetime as dt
from decimal import Decimal

import pytest

from consortium.testing.factories import ExpertFactory, MandateFactory
from consortium.timesheets.models import TimeEntry, TimeEntryImport

pytestmark = pytest.mark.django_db

HEADER = "expert_code,mandate_code,date,hours,description"


@pytest.fixture
def ledger():
    ExpertFactory(code="X", hired_on=dt.date(2015, 1, 1))
    MandateFactory(code="M", start=dt.date(2019, 1, 1))


def _nothing_written() -> bool:
    return not TimeEntry.objects.exists() and not TimeEntryImport.objects.exists()


# --- numbers ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("hours", "message"),
    [
        ("1_0", "« 1_0 » : pas d'espace ni de « _ » dans un nombre d'heures."),
        ("1 0", "« 1 0 » : pas d'espace ni de « _ » dans un nombre d'heures."),
        ("\u0663", "« \u0663 » : écrivez les heures avec les chiffres de 0 à 9."),
        ("\uff17", "« \uff17 » : écrivez les heures avec les chiffres de 0 à 9."),
        ("7:5", "« 7:5 » : les minutes s'écrivent en deux chiffres (7:05, 7:50)."),
        ("1e1", "« 1e1 » n'est pas un nombre d'heures."),
    ],
)
def test_hours_that_are_not_plainly_written_are_refused(
    csv_file, run_import, ledger, hours, message
):
    path = csv_file("entries.csv", HEADER, f"X,M,2020-12-08,{hours},")
    outcome = run_import("time-entries", path)
    assert outcome.error_lines == [f"{path}, ligne 2, colonne « hours » : {message}"]
    assert _nothing_written()


@pytest.mark.parametrize(
    ("hours", "stored"), [("7:05", "7.08"), ("7:30", "7.50"), ("7h30", "7.50"), ("7.5", "7.50")]
)
def test_hours_and_minutes_are_read_as_the_grid_reads_them(
    csv_file, run_import, ledger, hours, stored
):
    path = csv_file("entries.csv", HEADER, f"X,M,2020-12-08,{hours},")
    outcome = run_import("time-entries", path)
    assert outcome.imported, outcome.stderr
    assert list(TimeEntry.objects.values_list("hours", flat=True)) == [Decimal(stored)]
