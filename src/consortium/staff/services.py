"""Writes to staff: departments, fields of expertise and experts.

Every write runs in a transaction and calls `full_clean()`. An expert's dates of employment may
not leave out days on which they already logged hours.
"""

import datetime as dt
from collections.abc import Iterable

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from consortium.core.selectors import first_day_outside
from consortium.core.services import coded_name_upsert, row_save
from consortium.staff.models import Department, Expert, FieldOfExpertise


def department_upsert(*, code: str, name_fr: str, name_en: str = "") -> tuple[Department, bool]:
    """Create the department with this code, or rename it; says if it was created."""
    return coded_name_upsert(Department, code=code, name_fr=name_fr, name_en=name_en)


@transaction.atomic
def department_create(*, code: str, name_fr: str, name_en: str = "") -> Department:
    """Add a department; refused if its code is taken."""
    return row_save(Department(), code=code, name_fr=name_fr, name_en=name_en)


@transaction.atomic
def department_update(
    *, department: Department, code: str, name_fr: str, name_en: str = ""
) -> Department:
    """Rename a department, its code included: the row, and all that points to it, stays."""
    department = Department.objects.select_for_update().get(pk=department.pk)
    return row_save(department, code=code, name_fr=name_fr, name_en=name_en)


@transaction.atomic
def field_of_expertise_create(
    *, code: str, name_fr: str, name_en: str = "", department: Department
) -> FieldOfExpertise:
    """Add a field of expertise to the department that offers it; refused if its code is taken."""
    return row_save(
        FieldOfExpertise(), code=code, name_fr=name_fr, name_en=name_en, department=department
    )


@transaction.atomic
def field_of_expertise_update(
    *,
    field: FieldOfExpertise,
    code: str,
    name_fr: str,
    name_en: str = "",
    department: Department,
) -> FieldOfExpertise:
    """Rename a field of expertise, its code included, or move it to another department; the
    experts who practise it keep it."""
    field = FieldOfExpertise.objects.select_for_update().get(pk=field.pk)
    return row_save(field, code=code, name_fr=name_fr, name_en=name_en, department=department)


def expert_employment_check(expert: Expert) -> None:
    """Refuse employment dates that would leave hours the expert logged outside them."""
    if expert.pk is None:
        return
    day = first_day_outside(expert.time_entries.all(), expert.hired_on, expert.left_on)
    if day is not None:
        field = "hired_on" if day < expert.hired_on else "left_on"
        raise ValidationError(
            {
                field: _(
                    "L'expert %(code)s a des heures saisies le %(day)s, hors de ces dates d'emploi."
                )
                % {"code": expert.code, "day": day.isoformat()}
            }
        )


@transaction.atomic
def expert_upsert(
    *,
    code: str,
    first_name: str,
    last_name: str,
    role: str,
    department: Department,
    hired_on: dt.date,
    left_on: dt.date | None = None,
    email: str = "",
    gender: str = "",
    birth_year: int | None = None,
) -> tuple[Expert, bool]:
    """Create the expert with this code, or replace what their row holds; says if created."""
    expert = Expert.objects.select_for_update().filter(code=code).first()
    created = expert is None
    if expert is None:
        expert = Expert(code=code)
    employment_changed = not created and (expert.hired_on, expert.left_on) != (hired_on, left_on)
    expert.first_name = first_name
    expert.last_name = last_name
    expert.email = email
    expert.role = role
    expert.department = department
    expert.hired_on = hired_on
    expert.left_on = left_on
    expert.gender = gender
    expert.birth_year = birth_year
    expert.full_clean()
    if employment_changed:
        expert_employment_check(expert)
    expert.save()
    return expert, created


@transaction.atomic
def expert_create(
    *,
    code: str,
    first_name: str,
    last_name: str,
    role: str,
    department: Department,
    hired_on: dt.date,
    left_on: dt.date | None = None,
    email: str = "",
    user: AbstractBaseUser | None = None,
    fields_of_expertise: Iterable[FieldOfExpertise] = (),
    gender: str = "",
    birth_year: int | None = None,
    region: str = "",
) -> Expert:
    """Add an expert; refused if their code is taken."""
    return row_save(
        Expert(),
        code=code,
        first_name=first_name,
        last_name=last_name,
        role=role,
        department=department,
        hired_on=hired_on,
        left_on=left_on,
        email=email,
        user=user,
        fields_of_expertise=fields_of_expertise,
        gender=gender,
        birth_year=birth_year,
        region=region,
    )


@transaction.atomic
def expert_update(
    *,
    expert: Expert,
    code: str,
    first_name: str,
    last_name: str,
    role: str,
    department: Department,
    hired_on: dt.date,
    left_on: dt.date | None = None,
    email: str = "",
    user: AbstractBaseUser | None = None,
    fields_of_expertise: Iterable[FieldOfExpertise] = (),
    gender: str = "",
    birth_year: int | None = None,
    region: str = "",
) -> Expert:
    """Replace what an expert's row holds; their dates of employment must keep their hours."""
    expert = Expert.objects.select_for_update().get(pk=expert.pk)
    expert.hired_on, expert.left_on = hired_on, left_on
    expert_employment_check(expert)
    return row_save(
        expert,
        code=code,
        first_name=first_name,
        last_name=last_name,
        role=role,
        department=department,
        email=email,
        user=user,
        fields_of_expertise=fields_of_expertise,
        gender=gender,
        birth_year=birth_year,
        region=region,
    )
