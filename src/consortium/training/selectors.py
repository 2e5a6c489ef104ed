"""The training figures of a period: how many experts were trained, and in what.

`training_report` makes two queries whatever the number of records.
"""

from django.db.models import Count

from consortium.core.fiscal_years import Period
from consortium.core.languages import english_is_active
from consortium.training.models import TrainingRecord


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
