"""Departments, fields of expertise and experts: codes of letters, digits, ".", "_" and "-",
refused otherwise by the database itself."""

import pytest
from django.db import IntegrityError, transaction

from consortium.staff.models import Department, Expert, FieldOfExpertise
from consortium.testing.factories import DepartmentFactory, ExpertFactory

pytestmark = pytest.mark.django_db


def _field_of_expertise() -> FieldOfExpertise:
    return FieldOfExpertise.objects.create(
        code="FISC", department=DepartmentFactory(), name_fr="Fiscalité"
    )


@pytest.mark.parametrize(
    ("make", "model"),
    [
        (DepartmentFactory, Department),
        (_field_of_expertise, FieldOfExpertise),
        (ExpertFactory, Expert),
    ],
)
def test_the_database_refuses_a_code_with_a_slash(make, model):
    row = make()

    with pytest.raises(IntegrityError), transaction.atomic():
        model.objects.filter(pk=row.pk).update(code="CPT/2")
