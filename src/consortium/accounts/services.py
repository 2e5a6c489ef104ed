"""Giving and taking away roles."""

from collections.abc import Iterable

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from consortium.accounts.models import RoleKind, StaffRole
from consortium.core.services import row_save
from consortium.staff.models import Department


def check_role_departments(role: str, department_count: int) -> list[tuple[str, str]]:
    """A director directs at least one department; no other role names any."""
    if role == RoleKind.DIRECTOR and department_count == 0:
        return [("departments", _("Une direction dirige au moins un département."))]
    if role != RoleKind.DIRECTOR and department_count:
        return [("departments", _("Seule une direction a des départements."))]
    return []


def staff_role_departments_check(role: str, departments: list[Department]) -> None:
    """Refuse a director without a department, or another role with one."""
    problems = check_role_departments(role, len(departments))
    if problems:
        raise ValidationError(dict(problems))


@transaction.atomic
def staff_role_assign(*, user, role: str, departments: Iterable[Department] = ()) -> StaffRole:
    """Give `user` a role, or replace the departments of the role they already hold."""
    departments = list(departments)
    staff_role_departments_check(role, departments)
    staff_role = StaffRole.objects.filter(user=user, role=role).first() or StaffRole(
        user=user, role=role
    )
    staff_role.full_clean()
    staff_role.save()
    staff_role.departments.set(departments)
    return staff_role


@transaction.atomic
def staff_role_create(
    *, user: AbstractBaseUser, role: str, departments: Iterable[Department] = ()
) -> StaffRole:
    """Give `user` a role they do not hold yet; a director names the departments they direct."""
    departments = list(departments)
    staff_role_departments_check(role, departments)
    return row_save(StaffRole(), user=user, role=role, departments=departments)


@transaction.atomic
def staff_role_update(
    *,
    staff_role: StaffRole,
    user: AbstractBaseUser,
    role: str,
    departments: Iterable[Department] = (),
) -> StaffRole:
    """Change who holds a role, which role, or the departments a director directs."""
    departments = list(departments)
    staff_role_departments_check(role, departments)
    staff_role = StaffRole.objects.select_for_update().get(pk=staff_role.pk)
    return row_save(staff_role, user=user, role=role, departments=departments)


@transaction.atomic
def staff_role_remove(*, user, role: str) -> None:
    StaffRole.objects.filter(user=user, role=role).delete()
