"""A structuring project's code carries no "/": the database refuses it too."""

import pytest
from django.db import IntegrityError, transaction

from consortium.projects.models import StructuringProject
from consortium.testing.factories import StructuringProjectFactory

pytestmark = pytest.mark.django_db


def test_the_database_refuses_a_project_coded_with_a_slash():
    project = StructuringProjectFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        StructuringProject.objects.filter(pk=project.pk).update(code="PRJ/1")
