"""The training figures of a period: how many experts were trained, and in what.

`training_report` makes two queries whatever the number of records.
"""

from collections import defaultdict
from decimal import Decimal

from django.db.models import Count

from consortium.core.fiscal_years import Period, fiscal_year_name_for
from consortium.core.languages import english_is_active
from consortium.training.models import Course, TrainingRecord


def training_report(period: Period) -> dict:
    """Distinct experts with a training record dated in the period, and by course."""
    records = TrainingRecord.objects.filter(
        completed_on__gte=period.start, completed_on__lte=period.end
    )
    english = english_is_active()
    courses = (
        records.order_by()
        .values("course", "course__title_fr", "course__title_en", "course__start")
        .annotate(experts=Count("expert", distinct=True))
        .order_by("course__start", "course__title_fr")
    )
    return {
        "experts_trained": records.aggregate(count=Count("expert", distinct=True))["count"],
        "courses": [
            {
                "title": (english and row["course__title_en"]) or row["course__title_fr"],
                "experts": row["experts"],
            }
            for row in courses
        ],
    }


def courses_by_year() -> list[dict]:
    """Every course by the fiscal year it starts in, latest year first, with the year's totals:
    courses, hours, cost and distinct experts trained. Two queries whatever the number of rows.
    """
    courses = list(
        Course.objects.annotate(expert_count=Count("records")).order_by("-start", "title_fr")
    )
    experts: dict[str, set[int]] = defaultdict(set)
    for start, expert in (
        TrainingRecord.objects.order_by().values_list("course__start", "expert_id").distinct()
    ):
        experts[fiscal_year_name_for(start)].add(expert)
    years: dict[str, dict] = {}
    for course in courses:
        name = fiscal_year_name_for(course.start)
        year = years.setdefault(
            name,
            {
                "name": name,
                "courses": [],
                "hours": Decimal("0"),
                "cost": Decimal("0"),
                "experts": len(experts[name]),
            },
        )
        year["courses"].append(course)
        year["hours"] += course.hours
        year["cost"] += course.cost
    return list(years.values())
