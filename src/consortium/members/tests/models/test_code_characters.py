"""An organisation coded with a "/" broke its own page: refused by the model and the database."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from consortium.members.models import Organisation
from consortium.testing.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_full_clean_refuses_an_organisation_coded_with_a_space():
    with pytest.raises(ValidationError) as refused:
        OrganisationFactory.build(code="COOP 1").full_clean()

    assert list(refused.value.message_dict) == ["code"]


def test_the_database_refuses_an_organisation_coded_with_a_slash():
    organisation = OrganisationFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        Organisation.objects.filter(pk=organisation.pk).update(code="COOP/1")
