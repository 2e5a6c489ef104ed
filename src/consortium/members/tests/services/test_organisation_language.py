"""An organisation's language is the language of its invoices: French unless it asks for
English, kept by every change that does not name it."""

import pytest

from consortium.members.services import organisation_create, organisation_update

pytestmark = pytest.mark.django_db


def test_an_organisation_is_billed_in_french_unless_it_asks_for_english():
    assert organisation_create(code="FJORD", name="Coopérative du Fjord").language == "fr"
    assert organisation_create(code="BAY", name="Bay Co-op", language="en").language == "en"


def test_a_change_that_does_not_name_the_language_keeps_it():
    organisation = organisation_create(code="BAY", name="Bay Co-op", language="en")

    organisation = organisation_update(organisation=organisation, code="BAY", name="Bay Co-op 2")

    assert organisation.language == "en"
    assert (
        organisation_update(
            organisation=organisation, code="BAY", name="Bay Co-op", language="fr"
        ).language
        == "fr"
    )
