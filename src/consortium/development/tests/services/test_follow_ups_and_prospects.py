import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from consortium.development.models import ActivityKind
from consortium.development.services import (
    development_activity_record,
    follow_up_complete,
    prospect_create,
)
from consortium.members.models import Organisation
from consortium.testing.factories import OrganisationFactory

pytestmark = pytest.mark.django_db
DAY = dt.date(2025, 10, 6)


def _meeting(by, **fields):
    values = {
        "kind": ActivityKind.DEVELOPMENT_MEETING,
        "date": DAY,
        "title": "Rencontre avec la Coop du quartier",
    }
    values.update(fields)
    return development_activity_record(by=by, **values)


def test_a_meeting_records_the_staff_present_the_organisations_met_and_its_follow_up(people):
    organisation = OrganisationFactory(name="Coop du quartier")
    activity = _meeting(
        people.director,
        participants=[people.expert],
        organisations_met=[organisation],
        next_step="Envoyer l'offre de services",
        follow_up_due=DAY + dt.timedelta(days=7),
        follow_up_owner=people.director,
    )
    assert list(activity.participants.all()) == [people.expert]
    assert list(activity.organisations_met.all()) == [organisation]
    assert activity.follow_up_owner == people.director


def test_a_next_step_without_a_due_date_is_refused_naming_the_field(people):
    with pytest.raises(ValidationError) as refused:
        _meeting(people.director, next_step="Rappeler", follow_up_owner=people.director)
    assert refused.value.message_dict["follow_up_due"] == [
        "Indiquez l'échéance de la prochaine étape."
    ]


def test_a_follow_up_without_an_owner_is_refused(people):
    with pytest.raises(ValidationError) as refused:
        _meeting(people.director, next_step="Rappeler", follow_up_due=DAY)
    assert "follow_up_owner" in refused.value.message_dict


def test_an_expert_records_no_activity(people):
    with pytest.raises(PermissionDenied):
        _meeting(people.owner)


def test_a_follow_up_is_done_once(people):
    activity = _meeting(
        people.communications,
        next_step="Rappeler",
        follow_up_due=DAY,
        follow_up_owner=people.communications,
    )
    done = follow_up_complete(by=people.communications, activity=activity, on=DAY)
    assert done.follow_up_done_on == DAY
    with pytest.raises(ValidationError, match="déjà fait"):
        follow_up_complete(by=people.communications, activity=activity, on=DAY)


def test_a_missing_organisation_becomes_a_prospect_with_a_readable_code(people):
    prospect = prospect_create(by=people.director, name="  Coopérative   de l'Île ")
    assert prospect.name == "Coopérative de l'Île"
    assert prospect.is_prospect
    assert prospect.code == "PROS-COOPERATIVE-DE-LILE"
    again = prospect_create(by=people.director, name="Coopérative de l'Île")
    assert again.code == "PROS-COOPERATIVE-DE-LILE-2"
    assert Organisation.objects.filter(is_prospect=True).count() == 2


def test_a_prospect_needs_a_name(people):
    with pytest.raises(ValidationError) as refused:
        prospect_create(by=people.director, name="  ")
    assert refused.value.message_dict["name"] == ["Indiquez le nom de l'organisation."]
