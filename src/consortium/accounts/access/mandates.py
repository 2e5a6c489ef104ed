"""Mandates: who reads them, who opens, edits and closes them.

Decided in SQL (subqueries on the user's expert and director roles), so a page asks the same
number of queries whoever reads it and however many mandates there are.
"""

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied
from django.db.models import BooleanField, Exists, OuterRef, Q, QuerySet, Subquery, Value

from consortium.accounts.access.reach import directed_departments, first_or_404
from consortium.accounts.access.roles import roles_of
from consortium.accounts.models import RoleKind
from consortium.mandates.models import Mandate
from consortium.staff.models import Department, Expert

# Roles that read every mandate; an expert reads those of their department and those they
# logged hours on.
READ_ALL_ROLES = frozenset(
    {RoleKind.DIRECTOR, RoleKind.FINANCE, RoleKind.COMMUNICATIONS, RoleKind.ADMINISTRATOR}
)
MANDATE_CHANGE_ROLES = frozenset({RoleKind.DIRECTOR, RoleKind.ADMINISTRATOR})


def _expert_reach(user) -> Q:
    """The mandates of the user's department, and those the user logged hours on."""
    own_department = Expert.objects.filter(user_id=user.pk).values("department_id")
    # Through the relation the ledger gives mandates: accounts never imports the ledger above it.
    worked_on = Mandate.objects.filter(time_entries__expert__user_id=user.pk).values("pk")
    return Q(department_id__in=Subquery(own_department)) | Q(pk__in=Subquery(worked_on))


def mandates_visible_to(user, *, roles: Iterable[str] | None = None) -> QuerySet[Mandate]:
    """The mandates `user` may read (none for a user without a staff role)."""
    held = roles_of(user, roles)
    if held & READ_ALL_ROLES:
        return Mandate.objects.all()
    if RoleKind.EXPERT in held:
        return Mandate.objects.filter(_expert_reach(user))
    return Mandate.objects.none()


def mandates_changeable_by(user, *, roles: Iterable[str] | None = None) -> QuerySet[Mandate]:
    """The mandates `user` may edit and close: all for an administrator, a director's own."""
    held = roles_of(user, roles)
    if RoleKind.ADMINISTRATOR in held:
        return Mandate.objects.all()
    if RoleKind.DIRECTOR in held:
        return Mandate.objects.filter(department_id__in=directed_departments(user))
    return Mandate.objects.none()


def can_create_mandates(roles: Iterable[str]) -> bool:
    """Whether these roles open, edit and close mandates at all (directors, administrators)."""
    return bool(frozenset(roles) & MANDATE_CHANGE_ROLES)


def _may_change(user, held: frozenset[str]) -> Exists | Value:
    if RoleKind.ADMINISTRATOR in held:
        return Value(True, output_field=BooleanField())
    if RoleKind.DIRECTOR in held:
        return Exists(directed_departments(user).filter(department_id=OuterRef("department_id")))
    return Value(False, output_field=BooleanField())


def _with_relations(mandates: QuerySet[Mandate]) -> QuerySet[Mandate]:
    return mandates.select_related(
        "organisation", "billed_organisation", "mandate_type", "department"
    )


def mandate_for_read(user, code: str, *, roles: Iterable[str] | None = None) -> Mandate:
    """The mandate `user` may read, with `user_may_change`; 404 if out of their reach."""
    held = roles_of(user, roles)
    visible = mandates_visible_to(user, roles=held).annotate(
        user_may_change=_may_change(user, held)
    )
    return first_or_404(_with_relations(visible), code, code=code)


def mandate_for_change(user, code: str, *, roles: Iterable[str] | None = None) -> Mandate:
    """The mandate `user` may edit or close. 403 for a role that reads mandates but changes
    none (finance, communications, experts); 404 for a mandate outside a director's
    departments, as for one that does not exist."""
    held = roles_of(user, roles)
    if not can_create_mandates(held):
        raise PermissionDenied
    return first_or_404(_with_relations(mandates_changeable_by(user, roles=held)), code, code=code)


def departments_open_to(user, *, roles: Iterable[str] | None = None) -> QuerySet[Department]:
    """The departments whose mandates `user` may open: all for an administrator, a director's."""
    held = roles_of(user, roles)
    departments = Department.objects.order_by("name_fr")
    if RoleKind.ADMINISTRATOR in held:
        return departments
    if RoleKind.DIRECTOR in held:
        return departments.filter(pk__in=directed_departments(user))
    return departments.none()
