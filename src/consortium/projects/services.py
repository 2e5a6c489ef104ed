"""Writes to structuring projects: the project, its volets in order, their deliverables."""

import datetime as dt
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from consortium.accounts import access
from consortium.accounts.access.roles import roles_of
from consortium.core.services import row_save
from consortium.mandates.models import Mandate
from consortium.projects.models import (
    ChecklistItem,
    Deliverable,
    DeliverableStep,
    PhaseMandate,
    ProjectExpense,
    ProjectPhase,
    StructuringProject,
    ValidationState,
)
from consortium.projects.rules import transition_problems, validation_problems
from consortium.staff.models import Expert

KEEP = object()  # "leave this field as it is" in the update services


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
    *,
    project: StructuringProject,
    order: int,
    title_fr: str,
    title_en: str = "",
    planned_hours: Decimal = Decimal("0"),
) -> ProjectPhase:
    """Add a volet at the place given; refused if the project has one there."""
    return row_save(
        ProjectPhase(),
        project=project,
        order=order,
        title_fr=title_fr,
        title_en=title_en,
        planned_hours=planned_hours,
    )


@transaction.atomic
def project_phase_update(
    *,
    phase: ProjectPhase,
    project: StructuringProject,
    order: int,
    title_fr: str,
    title_en: str = "",
    planned_hours: Decimal | None = None,
) -> ProjectPhase:
    """Change a volet; its planned hours stay as they are unless given."""
    row = ProjectPhase.objects.select_for_update().get(pk=phase.pk)
    return row_save(
        row,
        project=project,
        order=order,
        title_fr=title_fr,
        title_en=title_en,
        planned_hours=row.planned_hours if planned_hours is None else planned_hours,
    )


@transaction.atomic
def deliverable_create(
    *,
    phase: ProjectPhase,
    order: int,
    title_fr: str,
    title_en: str = "",
    status: str = "planned",
    owner: Expert | None = None,
    due_date: dt.date | None = None,
) -> Deliverable:
    """Add a deliverable at the place given; refused if the volet has one there."""
    return row_save(
        Deliverable(),
        phase=phase,
        order=order,
        title_fr=title_fr,
        title_en=title_en,
        status=status,
        owner=owner,
        due_date=due_date,
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
    owner: Expert | object | None = KEEP,
    due_date: dt.date | object | None = KEEP,
) -> Deliverable:
    """Change a deliverable (its status: planned, in progress, done); its owner and due date
    stay as they are unless given. Its validation moves only through the services below."""
    row = Deliverable.objects.select_for_update().get(pk=deliverable.pk)
    return row_save(
        row,
        phase=phase,
        order=order,
        title_fr=title_fr,
        title_en=title_en,
        status=status,
        owner=row.owner if owner is KEEP else owner,
        due_date=row.due_date if due_date is KEEP else due_date,
    )


def _check_may_change(by) -> None:
    if not access.may_change_projects(roles_of(by, None)):
        raise PermissionDenied(_("Seuls la direction et les administrateurs changent les projets."))


@transaction.atomic
def phase_mandate_link(*, phase: ProjectPhase, mandate: Mandate, by) -> PhaseMandate:
    """Charge the mandate's hours to the volet; a mandate counts for one volet only."""
    _check_may_change(by)
    return row_save(PhaseMandate(), phase=phase, mandate=mandate)


@transaction.atomic
def checklist_item_add(
    *, project: StructuringProject, label_fr: str, label_en: str = "", by
) -> ChecklistItem:
    """Add a point after the project's checklist's last one."""
    _check_may_change(by)
    last = ChecklistItem.objects.filter(project=project).aggregate(last=Max("order"))["last"]
    return row_save(
        ChecklistItem(),
        project=project,
        order=(last or 0) + 1,
        label_fr=label_fr,
        label_en=label_en,
    )


@transaction.atomic
def project_expense_record(
    *,
    project: StructuringProject,
    date: dt.date,
    description: str,
    amount: Decimal,
    phase: ProjectPhase | None = None,
    by,
) -> ProjectExpense:
    """Record money the project spent, on one of its volets or on the whole project."""
    _check_may_change(by)
    return row_save(
        ProjectExpense(),
        project=project,
        phase=phase,
        date=date,
        description=description,
        amount=amount,
    )


def _move(deliverable: Deliverable, *, to_state: str, by, comment: str) -> DeliverableStep:
    problems = transition_problems(deliverable.validation_state, to_state)
    if problems:
        raise ValidationError(problems)
    step = DeliverableStep(
        deliverable=deliverable,
        by=by,
        at=timezone.now(),
        from_state=deliverable.validation_state,
        to_state=to_state,
        comment=comment,
    )
    step.full_clean()
    step.save()
    deliverable.validation_state = to_state
    deliverable.full_clean()
    deliverable.save()
    return step


def _locked(deliverable: Deliverable) -> Deliverable:
    return (
        Deliverable.objects.select_for_update(of=("self",))
        .select_related("owner", "phase")
        .get(pk=deliverable.pk)
    )


@transaction.atomic
def deliverable_submit(*, deliverable: Deliverable, by, comment: str = "") -> DeliverableStep:
    """Send a draft or returned deliverable to review; who sends it is its author."""
    row = _locked(deliverable)
    if not access.may_submit_deliverable(by, row):
        raise PermissionDenied(_("Seul le responsable du livrable ou la direction le soumet."))
    row.author = by
    return _move(row, to_state=ValidationState.IN_REVIEW, by=by, comment=comment)


@transaction.atomic
def deliverable_validate(
    *, deliverable: Deliverable, by, ticked: list[int], comment: str = ""
) -> DeliverableStep:
    """Validate a deliverable in review: someone other than its author, every point of the
    project's checklist ticked."""
    row = _locked(deliverable)
    problems = transition_problems(row.validation_state, ValidationState.VALIDATED)
    required = set(
        ChecklistItem.objects.filter(project_id=row.phase.project_id).values_list("pk", flat=True)
    )
    problems += validation_problems(
        author_id=row.author_id, validator_id=by.pk, required=required, ticked=set(ticked)
    )
    if problems:
        raise ValidationError(problems)
    if not access.may_validate_deliverable(by, row):
        raise PermissionDenied(_("Seuls la direction et les administrateurs valident un livrable."))
    row.validated_at = timezone.now()
    step = _move(row, to_state=ValidationState.VALIDATED, by=by, comment=comment)
    step.ticked.set(required)
    return step


@transaction.atomic
def deliverable_return(*, deliverable: Deliverable, by, reason: str) -> DeliverableStep:
    """Send a deliverable in review back to its author, with the reason."""
    row = _locked(deliverable)
    if not reason.strip():
        raise ValidationError({"comment": _("Dites pourquoi le livrable est retourné.")})
    if row.author_id == by.pk:
        raise ValidationError(_("L'auteur d'un livrable ne peut le retourner lui-même."))
    if not access.may_validate_deliverable(by, row):
        raise PermissionDenied(
            _("Seuls la direction et les administrateurs retournent un livrable.")
        )
    return _move(row, to_state=ValidationState.RETURNED, by=by, comment=reason.strip())
