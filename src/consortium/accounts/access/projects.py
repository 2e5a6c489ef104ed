"""Structuring projects: who reads them, who changes them, who validates their deliverables.

Directors and administrators read and change every project; an expert reads the projects whose
mandates they logged hours on or that give them a deliverable to own, and submits the
deliverables they own for review. `accounts` sits below `projects`: the rules narrow the
queryset the caller hands them (`among=StructuringProject.objects.all()`) through the relations
projects' models give the registry, still one SQL statement.
"""

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied
from django.db.models import Model, Q, QuerySet, Subquery

from consortium.accounts.access.reach import first_or_404
from consortium.accounts.access.roles import roles_of
from consortium.accounts.models import RoleKind
from consortium.mandates.models import Mandate

PROJECT_CHANGE_ROLES = frozenset({RoleKind.DIRECTOR, RoleKind.ADMINISTRATOR})
PROJECT_READ_ROLES = PROJECT_CHANGE_ROLES | {RoleKind.EXPERT}
# Who ticks the checklist and validates or returns a deliverable (never its author).
DELIVERABLE_VALIDATE_ROLES = PROJECT_CHANGE_ROLES


def may_change_projects(roles: Iterable[str]) -> bool:
    return bool(frozenset(roles) & PROJECT_CHANGE_ROLES)


def _expert_reach(user) -> Q:
    worked_on = Mandate.objects.filter(time_entries__expert__user_id=user.pk).values("pk")
    return Q(phases__mandates__in=Subquery(worked_on)) | Q(
        phases__deliverables__owner__user_id=user.pk
    )


def projects_visible_to(user, *, among: QuerySet, roles: Iterable[str] | None = None) -> QuerySet:
    """The projects of `among` that `user` may read (none without a role that reads them)."""
    held = roles_of(user, roles)
    if held & PROJECT_CHANGE_ROLES:
        return among
    if RoleKind.EXPERT in held:
        reached = among.model.objects.filter(_expert_reach(user)).values("pk")
        return among.filter(pk__in=Subquery(reached))
    return among.none()


def projects_changeable_by(
    user, *, among: QuerySet, roles: Iterable[str] | None = None
) -> QuerySet:
    """The projects of `among` that `user` may change: every one for directors, administrators."""
    if may_change_projects(roles_of(user, roles)):
        return among
    return among.none()


def project_for_read(user, pk: int, *, among: QuerySet, roles: Iterable[str] | None = None):
    """The project `user` may read; 404 if out of their reach."""
    return first_or_404(projects_visible_to(user, among=among, roles=roles), pk=pk)


def project_for_change(user, pk: int, *, among: QuerySet, roles: Iterable[str] | None = None):
    """The project `user` may change; 404 out of reach, 403 for an expert who may read it."""
    held = roles_of(user, roles)
    project = project_for_read(user, pk, among=among, roles=held)
    if not may_change_projects(held):
        raise PermissionDenied
    return project


def may_submit_deliverable(user, deliverable: Model, roles: Iterable[str] | None = None) -> bool:
    """Its owner (the expert), a director or an administrator sends a deliverable to review."""
    if may_change_projects(roles_of(user, roles)):
        return True
    owner = getattr(deliverable, "owner", None)
    return owner is not None and owner.user_id == user.pk


def may_validate_deliverable(user, deliverable: Model, roles: Iterable[str] | None = None) -> bool:
    """Directors and administrators validate or return a deliverable, never one they wrote."""
    held = roles_of(user, roles)
    return bool(held & DELIVERABLE_VALIDATE_ROLES) and deliverable.author_id != user.pk
