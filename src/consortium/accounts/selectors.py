"""Who the signed-in user is at the centre, and the access rules every view applies.

Each rule takes the user and returns a yes or no, in at most one query. Rules are summarised in
docs/permissions.md. An anonymous or inactive user holds no role; a Django superuser counts as
an administrator (the person who installs the platform must be able to reach everything).
"""

from django.db.models import Q

from consortium.accounts.models import RoleKind, StaffRole
from consortium.staff.models import Expert


def _is_signed_in(user) -> bool:
    return user is not None and user.is_authenticated and user.is_active


def user_roles(user) -> set[str]:
    """The roles (RoleKind values) `user` holds."""
    if not _is_signed_in(user):
        return set()
    roles = set(StaffRole.objects.filter(user=user).values_list("role", flat=True))
    if user.is_superuser:
        roles.add(RoleKind.ADMINISTRATOR)
    return roles


def directed_department_ids(user) -> set[int]:
    """The ids of the departments `user` directs."""
    if not _is_signed_in(user):
        return set()
    return set(
        StaffRole.objects.filter(user=user, role=RoleKind.DIRECTOR).values_list(
            "departments", flat=True
        )
    ) - {None}


def expert_for_user(user) -> Expert | None:
    """The expert `user` is, if any."""
    if not _is_signed_in(user):
        return None
    return Expert.objects.filter(user=user).select_related("department").first()


def _holds(user, condition: Q) -> bool:
    """Whether `user` is an administrator or holds a role matching `condition`: one query."""
    if not _is_signed_in(user):
        return False
    if user.is_superuser:
        return True
    return (
        StaffRole.objects.filter(user=user)
        .filter(Q(role=RoleKind.ADMINISTRATOR) | condition)
        .exists()
    )


def _directs(expert: Expert) -> Q:
    return Q(role=RoleKind.DIRECTOR, departments=expert.department_id)


_NOTHING_MORE = Q(pk__in=[])


def can_edit_time_of(user, expert: Expert) -> bool:
    """The expert themself, or an administrator."""
    if _is_signed_in(user) and expert.user_id == user.pk:
        return True
    return _holds(user, _NOTHING_MORE)


def can_approve_for(user, expert: Expert) -> bool:
    """A director of the expert's department, or an administrator; never for one's own week."""
    if _is_signed_in(user) and expert.user_id == user.pk:
        return False
    return _holds(user, _directs(expert))


def can_lock_periods(user) -> bool:
    """Finance, or an administrator."""
    return _holds(user, Q(role=RoleKind.FINANCE))


def can_read_audit_of(user, expert: Expert) -> bool:
    """A director of the expert's department, finance, or an administrator."""
    return _holds(user, _directs(expert) | Q(role=RoleKind.FINANCE))
