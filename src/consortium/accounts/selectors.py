"""Who the signed-in user is at the centre: their roles and the expert they are.

What they may do with those roles is decided in `accounts.access`. An anonymous or inactive
user holds no role; a Django superuser counts as an administrator (the person who installs the
platform must be able to reach everything).
"""

from consortium.accounts.models import RoleKind, StaffRole
from consortium.staff.models import Expert


def is_signed_in(user) -> bool:
    """Whether `user` is a signed-in, active account (anonymous and inactive users hold nothing)."""
    return user is not None and user.is_authenticated and user.is_active


def user_roles(user) -> set[str]:
    """The roles (RoleKind values) `user` holds."""
    if not is_signed_in(user):
        return set()
    roles = set(StaffRole.objects.filter(user=user).values_list("role", flat=True))
    if user.is_superuser:
        roles.add(RoleKind.ADMINISTRATOR)
    return roles


def expert_for_user(user) -> Expert | None:
    """The expert `user` is, if any."""
    if not is_signed_in(user):
        return None
    return Expert.objects.filter(user=user).select_related("department").first()
