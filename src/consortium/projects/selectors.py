"""Reads of structuring projects: what the activity report says of them, their pages' figures
(planned against approved hours by volet, spending against the amount) and deliverables' history."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import DecimalField, OuterRef, Prefetch, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from consortium.core.fiscal_years import Period
from consortium.projects.models import (
    ChecklistItem,
    Deliverable,
    DeliverableStep,
    PhaseMandate,
    ProjectExpense,
    ProjectPhase,
    StructuringProject,
)
from consortium.timesheets.models import TimeEntry
from consortium.timesheets.selectors.ledger import approved_time_entries


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


HOURS = DecimalField(max_digits=12, decimal_places=2)
MONEY = DecimalField(max_digits=14, decimal_places=2)
ZERO = Decimal("0")


def _approved_hours(**link) -> Coalesce:
    """The approved hours of the mandates charged to the outer row (a volet or a project), as
    a subquery over the ledger: `link` says how a time entry reaches that row."""
    entries = approved_time_entries(TimeEntry.objects.filter(**link))
    total = (
        entries.order_by()
        .annotate(one=Value(1))
        .values("one")
        .annotate(total=Sum("hours"))
        .values("total")
    )
    return Coalesce(Subquery(total, output_field=HOURS), Value(ZERO), output_field=HOURS)


def _spent(**link) -> Coalesce:
    total = (
        ProjectExpense.objects.filter(**link)
        .order_by()
        .annotate(one=Value(1))
        .values("one")
        .annotate(total=Sum("amount"))
        .values("total")
    )
    return Coalesce(Subquery(total, output_field=MONEY), Value(ZERO), output_field=MONEY)


def _planned(**link) -> Coalesce:
    total = (
        ProjectPhase.objects.filter(**link)
        .order_by()
        .annotate(one=Value(1))
        .values("one")
        .annotate(total=Sum("planned_hours"))
        .values("total")
    )
    return Coalesce(Subquery(total, output_field=HOURS), Value(ZERO), output_field=HOURS)


def project_rows(projects: QuerySet[StructuringProject]) -> QuerySet[StructuringProject]:
    """Projects with `planned_hours`, `actual_hours` (approved, through their volets'
    mandates) and `spent`: one query for any number of projects."""
    return projects.annotate(
        planned_hours=_planned(project=OuterRef("pk")),
        actual_hours=_approved_hours(mandate__project_link__phase__project=OuterRef("pk")),
        spent=_spent(project=OuterRef("pk")),
    )


@dataclass
class ProjectFigures:
    """What a project's page and its funder's progress report show."""

    project: StructuringProject
    phases: list[ProjectPhase]
    expenses: list[ProjectExpense]
    checklist: list[ChecklistItem]
    links: list[PhaseMandate]
    planned_hours: Decimal
    actual_hours: Decimal
    spent: Decimal
    unassigned_spent: Decimal

    @property
    def remaining(self) -> Decimal:
        return self.project.amount - self.spent

    @property
    def deliverables(self) -> list[Deliverable]:
        return [d for phase in self.phases for d in phase.deliverables.all()]


def project_figures(project: StructuringProject) -> ProjectFigures:
    """The project's volets with their planned and approved hours and spending, its
    deliverables (owner, validation), expenses, checklist and mandates: five queries."""
    phases = list(
        ProjectPhase.objects.filter(project=project)
        .annotate(
            actual_hours=_approved_hours(mandate__project_link__phase=OuterRef("pk")),
            spent=_spent(phase=OuterRef("pk")),
        )
        .order_by("order")
        .prefetch_related(
            Prefetch(
                "deliverables",
                queryset=Deliverable.objects.select_related("owner__user", "author").order_by(
                    "order"
                ),
            )
        )
    )
    expenses = list(
        ProjectExpense.objects.filter(project=project)
        .select_related("phase")
        .order_by("date", "pk")
    )
    checklist = list(ChecklistItem.objects.filter(project=project).order_by("order"))
    links = list(
        PhaseMandate.objects.filter(phase__project=project)
        .select_related("mandate__organisation", "phase")
        .order_by("phase__order", "mandate__code")
    )
    spent = sum((e.amount for e in expenses), ZERO)
    return ProjectFigures(
        project=project,
        phases=phases,
        expenses=expenses,
        checklist=checklist,
        links=links,
        planned_hours=sum((p.planned_hours for p in phases), ZERO),
        actual_hours=sum((p.actual_hours for p in phases), ZERO),
        spent=spent,
        unassigned_spent=sum((e.amount for e in expenses if e.phase_id is None), ZERO),
    )


def deliverable_history(deliverable: Deliverable) -> list[DeliverableStep]:
    """The deliverable's validation steps in order, with who and the points ticked: two
    queries."""
    return list(
        DeliverableStep.objects.filter(deliverable=deliverable)
        .select_related("by")
        .prefetch_related("ticked")
        .order_by("at", "pk")
    )
