"""Demo training: the four trainings of the report's structuring project (languages, computer
skills, project management and PMP, IT support) followed by exactly thirty experts in 2020-2021
(« une trentaine d'employés »), and a few courses in the years around it.

The counts do not depend on --scale; the seed decides who and when.
"""

import datetime as dt
import random
from decimal import Decimal

from django.db.models import Q

from consortium.staff.models import Expert
from consortium.training.models import Course, TrainingRecord
from consortium.training.services import training_records_delete

# (title_fr, title_en, provider, start, end, experts). The experts of 2020-2021's four courses
# are drawn from one group of thirty: together they are the year's experts trained.
COURSES = [
    (
        "Santé et sécurité au travail",
        "Occupational health and safety",
        "CNESST",
        dt.date(2019, 10, 7),
        dt.date(2019, 11, 29),
        12,
    ),
    (
        "Compétences linguistiques et transversales",
        "Language and soft skills",
        "Coopératives et mutuelles Canada",
        dt.date(2020, 9, 14),
        dt.date(2021, 3, 19),
        18,
    ),
    (
        "Compétences informatiques et transversales",
        "Computer and soft skills",
        "Formation Nouvel Horizon",
        dt.date(2020, 9, 21),
        dt.date(2020, 12, 18),
        16,
    ),
    (
        "Gestion de projet et préparation à l'examen PMP",
        "Project management and PMP exam preparation",
        "PMI Montréal",
        dt.date(2020, 10, 5),
        dt.date(2021, 3, 26),
        9,
    ),
    (
        "Perfectionnement en soutien TI et télétravail",
        "Advanced IT support for remote work",
        "Technologia",
        dt.date(2020, 9, 28),
        dt.date(2020, 11, 27),
        7,
    ),
    (
        "Conciliation travail-famille-vie personnelle",
        "Work-family-life balance",
        "Concilivi",
        dt.date(2021, 9, 13),
        dt.date(2021, 10, 29),
        14,
    ),
]
TRAINED_IN_2020_2021 = 30
# The four courses of 2020-2021 were funded by the Fonds de développement et de reconnaissance
# des compétences de la main-d'œuvre (FDRCMO), as the report's structuring project says.
FDRCMO = "FDRCMO – mesure de formation de la main-d'œuvre"
# (hours, cost, funding) by French title.
TERMS = {
    "Santé et sécurité au travail": (Decimal("14"), Decimal("1800"), ""),
    "Compétences linguistiques et transversales": (Decimal("60"), Decimal("24500"), FDRCMO),
    "Compétences informatiques et transversales": (Decimal("36"), Decimal("12800"), FDRCMO),
    "Gestion de projet et préparation à l'examen PMP": (Decimal("45"), Decimal("15750"), FDRCMO),
    "Perfectionnement en soutien TI et télétravail": (Decimal("28"), Decimal("7200"), FDRCMO),
    "Conciliation travail-famille-vie personnelle": (Decimal("12"), Decimal("3400"), ""),
}
YEAR = (dt.date(2020, 4, 1), dt.date(2021, 3, 31))


def _employed_through(first: dt.date, last: dt.date) -> list[int]:
    return list(
        Expert.objects.filter(hired_on__lte=first)
        .filter(Q(left_on__isnull=True) | Q(left_on__gte=last))
        .order_by("code")
        .values_list("pk", flat=True)
    )


def _records(rng: random.Random, courses: list[Course]) -> list[TrainingRecord]:
    # A small demo (--scale below 1) may employ fewer than thirty: then all of them.
    employed = _employed_through(*YEAR)
    group = rng.sample(employed, min(TRAINED_IN_2020_2021, len(employed)))
    rows = []
    in_year = [(c, n) for c, n in zip(courses, COURSES, strict=True) if c.start >= YEAR[0]]
    in_year = [(c, n) for c, n in in_year if c.start <= YEAR[1]]
    # Everyone of the group takes at least one course; the rest of the seats are drawn.
    assigned: dict[int, list[int]] = {course.pk: [] for course, _ in in_year}
    for position, expert in enumerate(group):
        course = in_year[position % len(in_year)][0]
        assigned[course.pk].append(expert)
    for course, plan in in_year:
        others = [e for e in group if e not in assigned[course.pk]]
        seats = max(0, min(plan[5] - len(assigned[course.pk]), len(others)))
        assigned[course.pk] += rng.sample(others, seats)
    for course, plan in zip(courses, COURSES, strict=True):
        experts = assigned.get(course.pk)
        if experts is None:
            employed = _employed_through(course.start, course.end)
            experts = rng.sample(employed, min(plan[5], len(employed)))
        for expert in experts:
            rows.append(
                TrainingRecord(
                    expert_id=expert,
                    course=course,
                    completed_on=course.end - dt.timedelta(days=rng.randint(0, 4)),
                )
            )
    return rows


def write(context) -> dict[str, int]:
    rng = context.rng("training")
    # The demo owns these records: a rebuilt demo replaces them.
    courses = Course.objects.bulk_create(
        [
            Course(
                title_fr=fr,
                title_en=en,
                provider=provider,
                start=start,
                end=end,
                hours=TERMS[fr][0],
                cost=TERMS[fr][1],
                funding=TERMS[fr][2],
            )
            for fr, en, provider, start, end, _count in COURSES
        ]
    )
    for course in courses:
        course.full_clean()
    records = TrainingRecord.objects.bulk_create(_records(rng, courses))
    return {"courses": len(courses), "training_records": len(records)}


def delete() -> None:
    """The area's demo rows, for a rebuilt demo."""
    training_records_delete()
