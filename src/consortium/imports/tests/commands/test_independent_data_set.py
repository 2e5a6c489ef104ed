"""A small hand-made data set (tests/data/), imported through the command, whose ledger figures
were worked out by hand, entry by entry, from the definitions in seed-figures.md.

The set: 3 departments, 3 mandate types; 10 organisations, with a two-level federation chain
TOP ← FEDA ← A1, A2, A3 (FEDA and TOP declared after their affiliates) and FEDB ← B1, B2;
memberships that start, end and change category around fiscal year 2020-2021; 6 experts (one
left during the year, one hired during it); 7 mandates; 31 time entries, some on either side
of the year's first and last days.
"""

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from consortium.core.fiscal_years import Period, fiscal_year_period
from consortium.kpis.selectors import ledger_kpis
from consortium.timesheets.models import TimeEntry

pytestmark = pytest.mark.django_db

DATA = Path(__file__).parent.parent / "data"
KINDS = ("departments", "mandate-types", "organisations", "experts", "mandates", "time-entries")


@pytest.fixture
def imported(run_import):
    for kind in KINDS:
        outcome = run_import(kind, DATA / f"{kind}.csv")
        assert outcome.imported, outcome.stderr
    assert TimeEntry.objects.count() == 31


def test_the_fiscal_year_figures_are_the_ones_worked_out_by_hand(imported):
    figures = ledger_kpis(fiscal_year_period("2020-2021"))

    # In-year hours by mandate: M01 32 (A1: 13.50 while fully managed, to 2020-06-30, then
    # 18.50 as a user member), M02 24.25 (B1, user), M03 19.75 (C1, fully managed),
    # M04 28 (C2, user from the year's first day), M05 9.50 (B2, a member only from
    # 2021-04-01), M06 0 (its hours are all before 2020-04-01), M07 2.50 (TOP, support).
    assert figures.service_hours == Decimal("116.00")
    assert figures.hours_by_department == {
        "COMPTA": Decimal("41.50"),  # M01 + M05
        "RH": Decimal("52.25"),  # M02 + M04
        "TI": Decimal("22.25"),  # M03 + M07
    }
    assert figures.hours_by_mandate_type == {
        "ACC": Decimal("31.75"),  # M03 + M05 + M07
        "FORM": Decimal("24.25"),  # M02
        "GEST": Decimal("60.00"),  # M01 + M04
    }
    assert figures.hours_by_member_category == {
        "fully_managed": Decimal("33.25"),
        "user": Decimal("70.75"),
        "auxiliary": Decimal("0.00"),
        "support": Decimal("2.50"),
        "non_member": Decimal("9.50"),
    }

    # Served: A1, B1, C1, C2, B2, TOP. Reached through TOP: FEDA, then A2 and A3 a level
    # further down. FEDB is neither (its only mandate's hours are before the year).
    assert figures.enterprises_served == 6
    assert figures.enterprises_reached == 9

    # At the start: TOP, FEDA, A1, FEDB, B1, C1 (C2 starts on the first day: it is new).
    # New: A2 and C2; A1 changing category on 2020-07-01 stays the same member.
    # At the end: TOP, FEDA, A1, A2, B1 (its last day is the year's), C1, C2.
    # Departed: FEDB (2020-12-31). B2 only joins after the year.
    assert figures.members_at_start == 6
    assert figures.new_members == 2
    assert figures.members_at_end == 7
    assert figures.departed_members == 1
    assert figures.membership_growth_pct == Decimal("16.7")  # (7 - 6) / 6

    # Employed on 2021-03-31: E01, E02 (professionals), E03, E06 (trainers), E04 (director);
    # E05 left on 2020-12-18. Genders declared: E01, E03 women, E02 a man (E04 gave none,
    # E06 preferred not to say). Ages: 46, 33, 56, 26 (E03 gave no birth year).
    assert figures.headcount == {"professional": 2, "trainer": 2, "director": 1}
    assert figures.gender_pct == {
        "woman": Decimal("66.7"),
        "man": Decimal("33.3"),
        "other": Decimal("0.0"),
    }
    assert figures.average_age == Decimal("40.3")  # 161 / 4 = 40.25


def test_the_calendar_year_figures_are_the_ones_worked_out_by_hand(imported):
    figures = ledger_kpis(Period(dt.date(2020, 1, 1), dt.date(2020, 12, 31), "2020"))

    # M01 35.50, M02 24.25, M03 16.50, M04 3, M06 2.50 (2020-03-31), M07 2.50.
    assert figures.service_hours == Decimal("84.25")
    # A1, B1, C1, C2, FEDB, TOP; B2's mandate only has hours in 2021.
    assert figures.enterprises_served == 6
