"""Who may write invoices: finance and administrators (docs/permissions.md). A service given
`user=None` runs for the system (the CLI, the demo, the benchmarks)."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from consortium.accounts.access.reach import holds
from consortium.accounts.models import RoleKind


def check_may_bill(user) -> None:
    """Refuse unless `user` is None (the system), finance or an administrator: one query."""
    if user is not None and not holds(user, (RoleKind.FINANCE,)):
        raise PermissionDenied(
            _("La facturation est réservée aux finances et aux administrateurs.")
        )
