"""The `folded` lookup (core.folding) on organisation names, in the database: SQLite's registered
function and PostgreSQL's unaccent give the same search and the same order."""

import pytest

from consortium.members.models import Organisation
from consortium.testing.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_the_folded_lookup_searches_and_sorts_in_the_database():
    for code, name in [("Z", "Zénith"), ("E1", "École"), ("E2", "eau"), ("O", "Œuvre")]:
        OrganisationFactory(code=code, name=name)
    assert list(
        Organisation.objects.filter(name__folded__contains="ecole").values_list("code", flat=True)
    ) == ["E1"]
    ordered = Organisation.objects.order_by("name__folded", "pk").values_list("name", flat=True)
    assert list(ordered) == ["eau", "École", "Œuvre", "Zénith"]
