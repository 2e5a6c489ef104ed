"""Reads of structuring projects: what the activity report says of them."""

from django.db.models import Prefetch, Q

from consortium.core.fiscal_years import Period
from consortium.projects.models import Deliverable, ProjectPhase, StructuringProject


def projects_report(period: Period) -> list[dict]:
    """Projects running during the period, in order of start, with their volets and deliverables
    in order, in the active language. Three queries, whatever the data."""
    projects = (
        StructuringProject.objects.filter(start__lte=period.end)
        .filter(Q(end__isnull=True) | Q(end__gte=period.start))
        .order_by("start", "code")
        .prefetch_related(
            Prefetch(
                "phases",
                queryset=ProjectPhase.objects.order_by("order").prefetch_related(
                    Prefetch("deliverables", queryset=Deliverable.objects.order_by("order"))
                ),
            )
        )
    )
    return [
        {
            "title": project.title,
            "funder": project.funder,
            "programme": project.programme,
            "amount": project.amount,
            "description": project.description,
            "phases": [
                {
                    "title": phase.title,
                    "deliverables": [
                        {
                            "title": deliverable.title,
                            "status": deliverable.status,
                            "status_label": str(deliverable.get_status_display()),
                        }
                        for deliverable in phase.deliverables.all()
                    ],
                }
                for phase in project.phases.all()
            ],
        }
        for project in projects
    ]
