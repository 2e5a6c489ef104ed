"""Writes to structuring projects: the project, its volets in order, their deliverables."""

import datetime as dt
from decimal import Decimal

from django.db import transaction
from django.db.models import Max

from consortium.core.services import row_save
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
def structuring_project_create(
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
) -> StructuringProject:
    """Add a project; refused if its code is taken."""
    return row_save(
        StructuringProject(),
        code=code,
        title=title,
        funder=funder,
        amount=amount,
        start=start,
        end=end,
        programme=programme,
        description_fr=description_fr,
        description_en=description_en,
    )


@transaction.atomic
def structuring_project_update(
    *,
    project: StructuringProject,
    code: str,
    title: str,
    funder: str,
    amount: Decimal,
    start: dt.date,
    end: dt.date | None = None,
    programme: str = "",
    description_fr: str = "",
    description_en: str = "",
) -> StructuringProject:
    return row_save(
        StructuringProject.objects.select_for_update().get(pk=project.pk),
        code=code,
        title=title,
        funder=funder,
        amount=amount,
        start=start,
        end=end,
        programme=programme,
        description_fr=description_fr,
        description_en=description_en,
    )


@transaction.atomic
def project_phase_create(
    *, project: StructuringProject, order: int, title_fr: str, title_en: str = ""
) -> ProjectPhase:
    """Add a volet at the place given; refused if the project has one there."""
    return row_save(
        ProjectPhase(), project=project, order=order, title_fr=title_fr, title_en=title_en
    )


@transaction.atomic
def project_phase_update(
    *,
    phase: ProjectPhase,
    project: StructuringProject,
    order: int,
    title_fr: str,
    title_en: str = "",
) -> ProjectPhase:
    return row_save(
        ProjectPhase.objects.select_for_update().get(pk=phase.pk),
        project=project,
        order=order,
        title_fr=title_fr,
        title_en=title_en,
    )


@transaction.atomic
def deliverable_create(
    *, phase: ProjectPhase, order: int, title_fr: str, title_en: str = "", status: str = "planned"
) -> Deliverable:
    """Add a deliverable at the place given; refused if the volet has one there."""
    return row_save(
        Deliverable(),
        phase=phase,
        order=order,
        title_fr=title_fr,
        title_en=title_en,
        status=status,
    )


@transaction.atomic
def deliverable_update(
    *,
    deliverable: Deliverable,
    phase: ProjectPhase,
    order: int,
    title_fr: str,
    title_en: str = "",
    status: str = "planned",
) -> Deliverable:
    """Change a deliverable (its status: planned, in progress, done)."""
    return row_save(
        Deliverable.objects.select_for_update().get(pk=deliverable.pk),
        phase=phase,
        order=order,
        title_fr=title_fr,
        title_en=title_en,
        status=status,
    )
