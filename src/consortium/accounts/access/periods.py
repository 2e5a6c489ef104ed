"""Period locks: who closes a month or a fiscal year against changes."""

from consortium.accounts.access.reach import holds
from consortium.accounts.models import RoleKind


def can_lock_periods(user) -> bool:
    """Finance, or an administrator: at most one query."""
    return holds(user, (RoleKind.FINANCE,))
