"""The plan of the demo data: every figure it reproduces, in one place.

At --scale 1 the ledger figures of the 2020-2021 activity report (see seed-figures.md) come out
exactly, for every seed: the seed only decides *who* (names, which organisation gets which
pattern, which day an hour lands on), never *how many*. The other modules plan around the numbers
below; `planned_figures()` recomputes the report's figures from them with the report's own
definitions, and the module refuses to load when the two disagree.

Windows used throughout: "A" = January–March 2020 (before the pandemic), "B" = April–December
2020, "C" = January–March 2021. Fiscal year 2020-2021 is B + C; calendar 2020 is A + B.
"""

import datetime as dt
from dataclasses import dataclass, field

# ---------------------------------------------------------------------------------------------
# What the report says (seed-figures.md): the targets at --scale 1.


@dataclass(frozen=True)
class LedgerTargets:
    fiscal_year: str = "2020-2021"
    fiscal_year_service_hours: int = 62_800
    fiscal_year_enterprises_reached: int = 350
    calendar_year: int = 2020
    calendar_year_service_hours: int = 75_100
    calendar_year_enterprises_served: int = 300
    members_at_start: int = 70
    new_members: int = 27
    departed_members: int = 6
    headcount: dict[str, int] = field(
        default_factory=lambda: {"professional": 42, "trainer": 17, "director": 6}
    )
    # Among the experts employed on the year's last day: 27 men and 33 women declared (45 % /
    # 55 %), 3 preferred not to answer and 2 left it blank.
    genders: dict[str, int] = field(
        default_factory=lambda: {"man": 27, "woman": 33, "undisclosed": 3, "": 2}
    )
    average_age: int = 46
    without_birth_year: int = 3

    @property
    def members_at_end(self) -> int:
        return self.members_at_start + self.new_members - self.departed_members


LEDGER_TARGETS = LedgerTargets()

# ---------------------------------------------------------------------------------------------
# Service hours by month at --scale 1. A − C is forced by the report (75 100 − 62 800 = 12 300):
# a strong start of 2020, the first wave from April 2020, a recovery in the autumn, the holiday
# lockdown of winter 2021, then growth through 2021-2022.

MONTHLY_HOURS: dict[tuple[int, int], int] = {
    # fiscal year 2019-2020: 96 400 h
    (2019, 4): 8_000,
    (2019, 5): 8_400,
    (2019, 6): 7_900,
    (2019, 7): 6_700,
    (2019, 8): 7_000,
    (2019, 9): 8_300,
    (2019, 10): 8_800,
    (2019, 11): 8_700,
    (2019, 12): 7_100,
    (2020, 1): 8_600,  # window A: 25 500 h
    (2020, 2): 8_700,
    (2020, 3): 8_200,
    # fiscal year 2020-2021: 62 800 h
    (2020, 4): 4_300,  # window B: 49 600 h
    (2020, 5): 4_700,
    (2020, 6): 5_300,
    (2020, 7): 4_600,
    (2020, 8): 4_400,
    (2020, 9): 6_200,
    (2020, 10): 6_800,
    (2020, 11): 7_200,
    (2020, 12): 6_100,
    (2021, 1): 4_000,  # window C: 13 200 h
    (2021, 2): 4_300,
    (2021, 3): 4_900,
    # fiscal year 2021-2022: 79 000 h
    (2021, 4): 5_200,
    (2021, 5): 5_600,
    (2021, 6): 6_000,
    (2021, 7): 5_300,
    (2021, 8): 5_400,
    (2021, 9): 6_900,
    (2021, 10): 7_400,
    (2021, 11): 7_800,
    (2021, 12): 6_600,
    (2022, 1): 6_900,
    (2022, 2): 7_600,
    (2022, 3): 8_300,
}

FIRST_DAY = dt.date(2019, 4, 1)
LAST_DAY = dt.date(2022, 3, 31)
MONTHS: list[tuple[int, int]] = list(MONTHLY_HOURS)

# Share of each month's hours that goes to the five fully managed members; it falls year after
# year as the other members grow (the report says so).
FULLY_MANAGED_SHARE: dict[str, float] = {
    "2019-2020": 0.45,
    "2020-2021": 0.42,
    "2021-2022": 0.38,
}

# Finance locks every month up to March 2021, then the whole of fiscal year 2019-2020.
LOCKED_MONTHS: list[tuple[int, int]] = MONTHS[: MONTHS.index((2021, 3)) + 1]
LOCKED_FISCAL_YEARS: list[str] = ["2019-2020"]

# ---------------------------------------------------------------------------------------------
# Organisations. A service pattern lists the windows (A, B, C) in which an organisation has
# hours; "" means none between January 2020 and March 2021 (it may have some in 2019 or after
# March 2021). Served in calendar 2020 = has A or B; served in the fiscal year = has B or C.

# fmt: off
# The real federations of the seed report (their affiliates are fictional). CQCM groups the
# co-operative federations, so serving it reaches every organisation below it, two levels down.
# TRÉSCA is not served between January 2020 and March 2021: its affiliates count only when
# served themselves. Columns: code, name, legal form, region, federation, pattern.
NAMED_ORGANISATIONS: list[tuple[str, str, str, str, str, str]] = [
    ("CQCM", "Conseil québécois de la coopération et de la mutualité", "nonprofit", "12", "",
     "ABC"),
    ("RCEESAD", "Réseau de coopération des EÉSAD", "nonprofit", "03", "CQCM", "ABC"),
    ("MPEESAD", "La mutuelle de prévention des EÉSAD", "mutual", "03", "RCEESAD", "ABC"),
    ("FCPQ", "Fédération des coopératives des paramédics du Québec", "cooperative", "03", "CQCM",
     "ABC"),
    ("FQCS", "Fédération québécoise des coopératives de santé", "cooperative", "03", "CQCM", "ABC"),
    ("FCSDSQ", "Fédération des coopératives de services à domicile et de santé du Québec",
     "cooperative", "06", "CQCM", "ABC"),
    ("FCCTQ", "Fédération des coopératives de câblodistribution et de télécommunication du "
     "Québec", "cooperative", "16", "CQCM", "ABC"),
    ("CQCH", "Confédération québécoise des coopératives d'habitation", "cooperative", "06", "CQCM",
     "AB"),
    ("FCAQ", "Fédération des coopératives d'alimentation du Québec", "cooperative", "06", "CQCM",
     ""),
    ("TRESCA", "Table régionale d'économie sociale de Chaudière-Appalaches (TRÉSCA)", "nonprofit",
     "12", "", ""),
    ("CDRQ", "Coopérative de développement régional du Québec", "cooperative", "03", "", "ABC"),
]
# fmt: on

# The five fully managed members named in the report, with their share of the fully managed
# hours. At --scale F > 1, fictional fully managed members join them (5 × F in all), each
# weighing the average, so that no member's administration takes F times the hours.
FULLY_MANAGED: dict[str, float] = {
    "RCEESAD": 0.34,
    "FCSDSQ": 0.24,
    "FQCS": 0.20,
    "FCPQ": 0.13,
    "MPEESAD": 0.09,
}

# Fictional enterprises affiliated to each federation, at --scale 1.
AFFILIATES: dict[str, int] = {
    "RCEESAD": 60,
    "FCSDSQ": 25,
    "FQCS": 30,
    "FCPQ": 8,
    "FCCTQ": 12,
    "FCAQ": 15,
    "CQCH": 20,
    "TRESCA": 25,
}
INDEPENDENTS = 230  # co-ops, mutuals and non-profits in no federation

# How many organisations of each group follow each service pattern, at --scale 1.
SERVICE_PATTERNS: dict[str, dict[str, int]] = {
    "cqcm_affiliates": {"ABC": 75, "AB": 10, "A": 20, "BC": 8, "B": 2, "C": 10, "": 45},
    "tresca_affiliates": {"ABC": 10, "AB": 1, "A": 3, "BC": 2, "B": 1, "C": 3, "": 5},
    "independents": {"ABC": 100, "AB": 12, "A": 30, "BC": 12, "B": 5, "C": 24, "": 47},
}

# ---------------------------------------------------------------------------------------------
# Memberships at --scale 1, besides those of the named organisations (see NAMED_MEMBERSHIPS).
# Members at the start of 2020-2021 = named members + joined before + joined in 2019-2020.

NAMED_MEMBERSHIPS: dict[str, tuple[str, dt.date]] = {
    "RCEESAD": ("fully_managed", dt.date(2012, 4, 1)),
    "FCSDSQ": ("fully_managed", dt.date(2012, 4, 1)),
    "FQCS": ("fully_managed", dt.date(2013, 1, 1)),
    "MPEESAD": ("fully_managed", dt.date(2014, 7, 1)),
    "FCPQ": ("fully_managed", dt.date(2017, 1, 1)),  # a user member from 2013 to 2016
    "CQCM": ("auxiliary", dt.date(2012, 4, 1)),
    "CDRQ": ("auxiliary", dt.date(2012, 4, 1)),
    "FCCTQ": ("user", dt.date(2016, 9, 1)),
    "CQCH": ("user", dt.date(2017, 5, 1)),
    "FCAQ": ("auxiliary", dt.date(2015, 10, 1)),
    "TRESCA": ("user", dt.date(2018, 6, 1)),
}
# (category, count) of other organisations, by when they joined and left.
MEMBERS_SINCE_BEFORE_2019 = {"user": 29, "auxiliary": 5, "support": 5}
MEMBERS_JOINED_2019_2020 = {"user": 8, "auxiliary": 2, "support": 1}
LEFT_IN_2019_2020 = {"user": 3, "support": 1}  # joined before 2019, gone before April 2020
# Of the members at the start of 2020-2021, those who leave during it (all joined before 2019).
LEFT_IN_2020_2021 = {"user": 4, "auxiliary": 1, "support": 1}
JOINED_IN_2020_2021 = {"user": 20, "auxiliary": 5, "support": 2}
JOINED_IN_2021_2022 = {"user": 10, "auxiliary": 2}
LEFT_IN_2021_2022 = {"user": 3}  # members since before 2019
CATEGORY_CHANGES_BEFORE_2019 = 3  # user members who became auxiliary members in 2016-2018

# ---------------------------------------------------------------------------------------------
# Staff at --scale 1. Employed on 2021-03-31: the report's 42 / 17 / 6, by department.

STAFF_ON_REPORT_DAY: dict[str, dict[str, int]] = {
    "professional": {"GD": 9, "CPT": 15, "RH": 6, "TI": 5, "COM": 4, "GP": 3},
    "trainer": {"FOR": 10, "CPT": 2, "RH": 2, "TI": 2, "COM": 1},
    "director": {"GD": 1, "CPT": 1, "RH": 1, "TI": 1, "COM": 1, "FOR": 1},
}
HIRED_IN_2019_2020 = 5  # of those employed on 2021-03-31
HIRED_IN_2020_2021 = 3  # of those employed on 2021-03-31
LEAVING_IN_2021_2022 = 4  # of those employed on 2021-03-31
# Experts no longer employed on 2021-03-31 (all professionals or trainers), and later hires.
LEFT_BEFORE_REPORT_DAY: dict[str, int] = {"2019-2020": 5, "2020-2021": 6}
HIRED_IN_2021_2022: dict[str, int] = {"professional": 7, "trainer": 2}


# ---------------------------------------------------------------------------------------------


def hours_between(first: tuple[int, int], last: tuple[int, int]) -> int:
    return sum(hours for month, hours in MONTHLY_HOURS.items() if first <= month <= last)


def _served(pattern: str, windows: str) -> bool:
    return any(window in pattern for window in windows)


def planned_figures() -> dict[str, int]:
    """The report's ledger figures recomputed from the plan, with the report's definitions."""
    named = {row[0]: (row[4], row[5]) for row in NAMED_ORGANISATIONS}
    # Every organisation under CQCM (served in the year) is reached: named and affiliates.
    under_cqcm = [code for code in named if code != "CQCM" and _is_under(code, "CQCM", named)]
    cqcm_affiliates = sum(n for code, n in AFFILIATES.items() if code in under_cqcm)
    groups = SERVICE_PATTERNS
    served_2020 = sum(_served(pattern, "AB") for _f, pattern in named.values())
    served_2020 += sum(n for g in groups.values() for p, n in g.items() if _served(p, "AB"))
    outside = [p for code, (_f, p) in named.items() if code != "CQCM" and code not in under_cqcm]
    reached = 1 + len(under_cqcm) + cqcm_affiliates
    reached += sum(_served(p, "BC") for p in outside)
    reached += sum(
        n
        for group in ("tresca_affiliates", "independents")
        for p, n in groups[group].items()
        if _served(p, "BC")
    )
    members_at_start = (
        len(NAMED_MEMBERSHIPS)
        + sum(MEMBERS_SINCE_BEFORE_2019.values())
        + sum(MEMBERS_JOINED_2019_2020.values())
        + sum(LEFT_IN_2020_2021.values())
        + sum(LEFT_IN_2021_2022.values())
    )
    staff = {role: sum(counts.values()) for role, counts in STAFF_ON_REPORT_DAY.items()}
    return {
        "fiscal_year_service_hours": hours_between((2020, 4), (2021, 3)),
        "calendar_year_service_hours": hours_between((2020, 1), (2020, 12)),
        "calendar_year_enterprises_served": served_2020,
        "fiscal_year_enterprises_reached": reached,
        "members_at_start": members_at_start,
        "headcount": staff,
        "employed_on_report_day": sum(staff.values()),
    }


def _is_under(code: str, ancestor: str, named: dict[str, tuple[str, str]]) -> bool:
    parent = named[code][0]
    while parent:
        if parent == ancestor:
            return True
        parent = named[parent][0]
    return False


def plan_misses() -> dict[str, tuple]:
    """The figures the plan above misses, by name: (planned, target); empty when it adds up.

    Checked by the demo's tests (test_the_plan_meets_its_targets), not on import.
    """
    figures = planned_figures()
    targets = LEDGER_TARGETS
    expected = {
        "fiscal_year_service_hours": targets.fiscal_year_service_hours,
        "calendar_year_service_hours": targets.calendar_year_service_hours,
        "calendar_year_enterprises_served": targets.calendar_year_enterprises_served,
        "fiscal_year_enterprises_reached": targets.fiscal_year_enterprises_reached,
        "members_at_start": targets.members_at_start,
        "headcount": targets.headcount,
        "employed_on_report_day": sum(targets.genders.values()),
    }
    wrong = {
        name: (figures[name], value) for name, value in expected.items() if figures[name] != value
    }
    for group, patterns in SERVICE_PATTERNS.items():
        size = INDEPENDENTS if group == "independents" else None
        if group == "tresca_affiliates":
            size = AFFILIATES["TRESCA"]
        if group == "cqcm_affiliates":
            size = sum(n for code, n in AFFILIATES.items() if code != "TRESCA")
        if sum(patterns.values()) != size:
            wrong[group] = (sum(patterns.values()), size)
    if sum(JOINED_IN_2020_2021.values()) != targets.new_members:
        wrong["new_members"] = (sum(JOINED_IN_2020_2021.values()), targets.new_members)
    if sum(LEFT_IN_2020_2021.values()) != targets.departed_members:
        wrong["departed_members"] = (sum(LEFT_IN_2020_2021.values()), targets.departed_members)
    return wrong
