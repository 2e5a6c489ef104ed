"""`consortium import time-entries` run twice at once, or while another import holds the
database (issue 9, defects 1 and 6): the 24 h rule holds, and a busy database is a clear
refusal, never a traceback."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db.models import Sum
from django.utils import translation

from consortium.testing.concurrency import hold_write_lock, run_together, set_busy_timeout
from consortium.testing.factories import ExpertFactory, MandateFactory
from consortium.timesheets.models import TimeEntry

HEADER = "expert_code,mandate_code,date,hours,description"
DAYS = [dt.date(2020, 6, day) for day in range(1, 11)]


def test_two_imports_of_13_hours_a_day_at_once_store_one_of_them(
    concurrent_db, csv_file, run_import
):
    ExpertFactory(code="E01")
    MandateFactory(code="M01")
    MandateFactory(code="M02")
    files = [
        csv_file(f"{mandate}.csv", HEADER, *(f"E01,{mandate},{day},13," for day in DAYS))
        for mandate in ("M01", "M02")
    ]
    outcomes = run_together(*(lambda path=path: run_import("time-entries", path) for path in files))
    assert sorted(outcome.imported for outcome in outcomes) == [False, True]
    (refused,) = (outcome for outcome in outcomes if not outcome.imported)
    assert "24 h au plus par jour" in refused.stderr
    totals = TimeEntry.objects.values("date").annotate(total=Sum("hours"))
    assert {row["total"] for row in totals} == {Decimal(13)}
    assert len(totals) == len(DAYS)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_an_import_while_another_holds_the_database_says_to_try_again(
    concurrent_db, csv_file, run_import, language
):
    expert = ExpertFactory(code="E01")
    MandateFactory(code="M01")
    path = csv_file("entries.csv", HEADER, "E01,M01,2020-06-01,3,")
    set_busy_timeout(0.2)
    with hold_write_lock(expert.pk):
        outcome = run_import("time-entries", path, "--lang", language)
    with translation.override(language):
        busy = translation.gettext(
            "Des données sont en cours d'importation; réessayez dans un moment."
        )
    assert (outcome.imported, outcome.message) == (False, busy)
    assert not TimeEntry.objects.exists()
    assert run_import("time-entries", path).imported
