"""Plan the experts: the team of the report's last day (42 / 17 / 6, 45 % men, average age 46),
those who left before it and those hired after.
"""

import datetime as dt
import random
import unicodedata
from dataclasses import dataclass, field

from faker import Faker

from consortium.demo.generator import catalogue, targets
from consortium.demo.generator.shares import random_weekday, scaled, weighted_choice

REPORT_DAY = dt.date(2021, 3, 31)
AGE_YEAR = 2021  # the report's average age is 2021 − birth year
YOUNGEST, OLDEST = 25, 64

# An expert's usual day on mandates, in quarter hours; 10 h is the most anyone logs.
USUAL_DAY = {"professional": 30, "trainer": 26, "director": 14}
LONGEST_DAY = 40


@dataclass(slots=True)
class ExpertPlan:
    first_name: str
    last_name: str
    role: str
    department: str
    hired_on: dt.date
    left_on: dt.date | None
    gender: str
    birth_year: int | None
    fields: list[str] = field(default_factory=list)
    usual_day: int = 30
    code: str = ""
    email: str = ""


def _ages(rng: random.Random, count: int) -> list[int]:
    """`count` ages around 46 whose mean is exactly the report's average age."""
    ages = [min(OLDEST, max(YOUNGEST, round(rng.gauss(46, 9)))) for _ in range(count)]
    missing = targets.LEDGER_TARGETS.average_age * count - sum(ages)
    while missing:
        step = 1 if missing > 0 else -1
        i = rng.randrange(count)
        if YOUNGEST <= ages[i] + step <= OLDEST:
            ages[i] += step
            missing -= step
    return ages


def _genders(rng: random.Random, count: int, scale: float) -> list[str]:
    genders = [
        g for g, n in targets.LEDGER_TARGETS.genders.items() for _ in range(scaled(n, scale))
    ]
    genders = (genders + ["woman", "man"] * count)[:count]
    rng.shuffle(genders)
    return genders


def plan_experts(rng: random.Random, faker: Faker, scale: float) -> list[ExpertPlan]:
    """The report day's team (exact at --scale 1), those who left before it, later hires."""
    team = [
        (role, department)
        for role, by_department in targets.STAFF_ON_REPORT_DAY.items()
        for department, count in by_department.items()
        # At least one in each post, so that small demos still have hands for their hours.
        for _ in range(max(1, scaled(count, scale)))
    ]
    count = len(team)
    genders = _genders(rng, count, scale)
    unknown = scaled(targets.LEDGER_TARGETS.without_birth_year, scale)
    without_birth_year = set(rng.sample(range(count), unknown))
    known = [i for i in range(count) if i not in without_birth_year]
    ages = sorted(_ages(rng, len(known)), reverse=True)
    # Directors come from the older half of the team; everyone else in any order.
    directors = [i for i in known if team[i][0] == "director"]
    others = [i for i in known if team[i][0] != "director"]
    director_ages = rng.sample(ages[: max(len(ages) // 2, len(directors))], len(directors))
    other_ages = list(ages)
    for age in director_ages:
        other_ages.remove(age)
    rng.shuffle(other_ages)
    birth_years: list[int | None] = [None] * count
    for i, age in zip(directors + others, director_ages + other_ages, strict=True):
        birth_years[i] = AGE_YEAR - age

    candidates = [i for i in range(count) if team[i][0] != "director"]
    rng.shuffle(candidates)
    hired_2019 = scaled(targets.HIRED_IN_2019_2020, scale)
    hired_2020 = scaled(targets.HIRED_IN_2020_2021, scale)
    leaving = scaled(targets.LEAVING_IN_2021_2022, scale)
    hired_in = dict.fromkeys(candidates[:hired_2019], "2019-2020")
    hired_in |= dict.fromkeys(candidates[hired_2019 : hired_2019 + hired_2020], "2020-2021")
    leaves = set(candidates[-leaving:]) if leaving else set()

    experts = []
    for i, (role, department) in enumerate(team):
        birth_year = birth_years[i]
        earliest = dt.date(2012, 4, 1)
        if birth_year:
            earliest = max(earliest, dt.date(birth_year + 22, 1, 1))
        if hired_in.get(i) == "2019-2020":
            hired_on = random_weekday(rng, dt.date(2019, 4, 8), dt.date(2020, 3, 13))
        elif hired_in.get(i) == "2020-2021":
            hired_on = random_weekday(rng, dt.date(2020, 6, 1), dt.date(2021, 3, 1))
        else:
            latest = dt.date(2016, 12, 31) if role == "director" else dt.date(2019, 3, 29)
            hired_on = random_weekday(rng, min(earliest, latest), latest)
        left_on = (
            random_weekday(rng, dt.date(2021, 5, 31), dt.date(2022, 2, 28)) if i in leaves else None
        )
        experts.append(
            _expert(rng, faker, role, department, hired_on, left_on, genders[i], birth_year)
        )

    for year, number in targets.LEFT_BEFORE_REPORT_DAY.items():
        first_year = int(year[:4])
        for _ in range(scaled(number, scale)):
            role = "trainer" if rng.random() < 0.25 else "professional"
            hired_on = random_weekday(rng, dt.date(2013, 1, 1), dt.date(2019, 1, 31))
            left_on = random_weekday(
                rng, dt.date(first_year, 4, 15), dt.date(first_year + 1, 3, 20)
            )
            experts.append(_former_or_new(rng, faker, role, hired_on, left_on))
    for role, number in targets.HIRED_IN_2021_2022.items():
        for _ in range(scaled(number, scale)):
            hired_on = random_weekday(rng, dt.date(2021, 4, 5), dt.date(2022, 1, 31))
            experts.append(_former_or_new(rng, faker, role, hired_on, None))

    experts.sort(key=lambda e: (e.hired_on, e.last_name, e.first_name))
    emails: set[str] = set()
    for number, expert in enumerate(experts, start=1):
        expert.code = f"EXP{number:04d}"
        expert.email = _email(expert, emails)
    return experts


def _former_or_new(
    rng: random.Random, faker: Faker, role: str, hired_on: dt.date, left_on: dt.date | None
) -> ExpertPlan:
    weights = {dep: float(n) for dep, n in targets.STAFF_ON_REPORT_DAY[role].items()}
    department = weighted_choice(rng, weights)
    gender = weighted_choice(rng, {"woman": 50, "man": 42, "other": 3, "undisclosed": 3, "": 2})
    birth_year = None if rng.random() < 0.08 else hired_on.year - rng.randint(23, 52)
    return _expert(rng, faker, role, department, hired_on, left_on, gender, birth_year)


def _expert(
    rng: random.Random,
    faker: Faker,
    role: str,
    department: str,
    hired_on: dt.date,
    left_on: dt.date | None,
    gender: str,
    birth_year: int | None,
) -> ExpertPlan:
    if gender == "woman" or (gender not in {"man", "woman"} and rng.random() < 0.5):
        first_name = faker.first_name_female()
    else:
        first_name = faker.first_name_male()
    own = [code for code, dep, _fr, _en in catalogue.FIELDS_OF_EXPERTISE if dep == department]
    fields = rng.sample(own, min(len(own), rng.randint(1, 3)))
    if rng.random() < 0.15:
        fields.append(rng.choice(catalogue.FIELDS_OF_EXPERTISE)[0])
    usual_day = USUAL_DAY[role]
    if rng.random() < 0.1:  # part time
        usual_day = usual_day * 3 // 5
    return ExpertPlan(
        first_name=first_name,
        last_name=faker.last_name(),
        role=role,
        department=department,
        hired_on=hired_on,
        left_on=left_on,
        gender=gender,
        birth_year=birth_year,
        fields=list(dict.fromkeys(fields)),
        usual_day=usual_day,
    )


def _ascii(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if c.isalnum() and c.isascii())


def _email(expert: ExpertPlan, taken: set[str]) -> str:
    base = f"{_ascii(expert.first_name)}.{_ascii(expert.last_name)}"
    email, number = f"{base}@consortium.example", 1
    while email in taken:
        number += 1
        email = f"{base}{number}@consortium.example"
    taken.add(email)
    return email
