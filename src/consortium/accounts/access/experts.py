"""Experts: who sees them, whose time a user may edit, whose audit trail they may read.

An expert's time is theirs to edit (and an administrator's); their audit trail is for the
directors of their department, finance and administrators.
"""

from collections.abc import Iterable

from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from consortium.accounts.access.reach import directed_departments, first_or_404, holds
from consortium.accounts.access.roles import STAFF_ROLES, roles_of
from consortium.accounts.models import RoleKind
from consortium.accounts.selectors import is_signed_in
from consortium.staff.models import Expert

# The roles that read every expert's audit trail (and every expert's entries).
AUDIT_ALL_ROLES = frozenset({RoleKind.FINANCE, RoleKind.ADMINISTRATOR})


def can_edit_time_of(user, expert: Expert) -> bool:
    """The expert themself, or an administrator: at most one query."""
    if is_signed_in(user) and expert.user_id == user.pk:
        return True
    return holds(user)


def can_read_audit_of(user, expert: Expert) -> bool:
    """A director of the expert's department, finance, or an administrator: at most one query."""
    return holds(user, (RoleKind.FINANCE,), directing_department_id=expert.department_id)


def experts_visible_to(user, *, roles: Iterable[str] | None = None) -> QuerySet[Expert]:
    """Every expert for staff (their names show on mandates and dashboards), none otherwise."""
    if roles_of(user, roles) & STAFF_ROLES:
        return Expert.objects.all()
    return Expert.objects.none()


def experts_time_editable_by(user, *, roles: Iterable[str] | None = None) -> QuerySet[Expert]:
    """The experts whose time `user` may edit (as `can_edit_time_of` says): everyone for an
    administrator, the expert `user` is otherwise."""
    if RoleKind.ADMINISTRATOR in roles_of(user, roles):
        return Expert.objects.all()
    if not is_signed_in(user):
        return Expert.objects.none()
    return Expert.objects.filter(user_id=user.pk)


def experts_audit_readable_by(user, *, roles: Iterable[str] | None = None) -> QuerySet[Expert]:
    """The experts whose audit trail `user` may read (as `can_read_audit_of` says): everyone
    for finance and administrators, the directed departments' experts for a director."""
    held = roles_of(user, roles)
    experts = Expert.objects.select_related("department").order_by("last_name", "first_name")
    if held & AUDIT_ALL_ROLES:
        return experts
    if RoleKind.DIRECTOR in held:
        return experts.filter(department__in=directed_departments(user))
    return Expert.objects.none()


def expert_for_time(user, expert_id: str | int) -> Expert:
    """The expert whose week `user` asked to edit (`?expert=`): 404 unless `user` may edit their
    time, whatever their role (a director reads weeks on the review pages, not on the grid)."""
    try:
        expert = Expert.objects.select_related("department").filter(pk=int(expert_id)).first()
    except ValueError:
        expert = None
    if expert is None or not can_edit_time_of(user, expert):
        raise Http404(_("Aucune semaine à votre portée."))
    return expert


def expert_for_read(user, code: str, *, roles: Iterable[str] | None = None) -> Expert:
    """The expert of the staff directory, with their department: 404 for a user who sees no
    expert (a member contact), as for a code that does not exist."""
    experts = experts_visible_to(user, roles=roles).select_related("department")
    return first_or_404(experts, code, code=code)
