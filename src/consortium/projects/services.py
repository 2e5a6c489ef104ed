"""Writes to structuring projects: the project, its volets in order, their deliverables."""

import datetime as dt
from decimal import Decimal

from django.db import transaction
from django.db.models import Max

from consortium.projects.models import Deliverable, ProjectPhase, StructuringProject


@transaction.atomic
def structuring_project_upsert(
    *,
    code: str,
    title: str,
    funder: str,
    amount: Decimal,
    start: dt.date,
    end: dt.date | None = None,
    programme: str = "",
    description_fr: str = "",
    description_en: str = "",
) -> tuple[StructuringProject, bool]:
    """Create the project with this code, or replace what its row holds; says if created."""
    project = StructuringProject.objects.select_for_update().filter(code=code).first()
    created = project is None
    if project is None:
        project = StructuringProject(code=code)
    project.title = title
    project.funder = funder
    project.programme = programme
    project.amount = amount
    project.start = start
    project.end = end
    project.description_fr = description_fr
    project.description_en = description_en
    project.full_clean()
    project.save()
    return project, created


@transaction.atomic
def project_phase_add(
    *, project: StructuringProject, title_fr: str, title_en: str = ""
) -> ProjectPhase:
    """Add a volet after the project's last one."""
    last = ProjectPhase.objects.filter(project=project).aggregate(last=Max("order"))["last"]
    phase = ProjectPhase(
        project=project, order=(last or 0) + 1, title_fr=title_fr, title_en=title_en
    )
    phase.full_clean()
    phase.save()
    return phase


@transaction.atomic
def deliverable_add(
    *, phase: ProjectPhase, title_fr: str, title_en: str = "", status: str = "planned"
) -> Deliverable:
    """Add a deliverable after the volet's last one."""
    last = Deliverable.objects.filter(phase=phase).aggregate(last=Max("order"))["last"]
    deliverable = Deliverable(
        phase=phase, order=(last or 0) + 1, title_fr=title_fr, title_en=title_en, status=status
    )
    deliverable.full_clean()
    deliverable.save()
    return deliverable


@transaction.atomic
def deliverable_status_set(*, deliverable: Deliverable, status: str) -> Deliverable:
    deliverable = Deliverable.objects.select_for_update().get(pk=deliverable.pk)
    deliverable.status = status
    deliverable.full_clean()
    deliverable.save()
    return deliverable
