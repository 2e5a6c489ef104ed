"""Giving and taking away roles."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from consortium.accounts.models import RoleKind, StaffRole
from consortium.staff.models import Department


def check_role_departments(role: str, department_count: int) -> list[tuple[str, str]]:
    """A director directs at least one department; no other role names any."""
    if role == RoleKind.DIRECTOR and department_count == 0:
        return [("departments", _("Une direction dirige au moins un département."))]
    if role != RoleKind.DIRECTOR and department_count:
        return [("departments", _("Seule une direction a des départements."))]
    return []


@transaction.atomic
def staff_role_assign(*, user, role: str, departments: Iterable[Department] = ()) -> StaffRole:
    """Give `user` a role, or replace the departments of the role they already hold."""
    departments = list(departments)
    problems = check_role_departments(role, len(departments))
    if problems:
        raise ValidationError(dict(problems))
    staff_role = StaffRole.objects.filter(user=user, role=role).first() or StaffRole(
        user=user, role=role
    )
    staff_role.full_clean()
    staff_role.save()
    staff_role.departments.set(departments)
    return staff_role


@transaction.atomic
def staff_role_remove(*, user, role: str) -> None:
    StaffRole.objects.filter(user=user, role=role).delete()
