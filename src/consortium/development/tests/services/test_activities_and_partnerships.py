import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from consortium.development.models import ActivityKind, DevelopmentActivity
from consortium.development.services import (
    development_activity_create,
    development_activity_update,
    development_activity_upsert,
    partnership_record,
    partnership_update,
)
from consortium.testing.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_an_activity_records_the_organisations_met():
    filaction, innogec = OrganisationFactory(name="Filaction"), OrganisationFactory(name="Innogec")
    activity, created = development_activity_upsert(
        kind=ActivityKind.DEVELOPMENT_MEETING,
        date=dt.date(2020, 10, 6),
        title="Rencontre Filaction et Fonds Innogec",
        organisations=[filaction, innogec],
    )
    assert created
    assert sorted(activity.organisations_met.values_list("name", flat=True)) == [
        "Filaction",
        "Innogec",
    ]


def test_the_same_kind_day_and_title_updates_the_activity_and_replaces_whom_it_met():
    first, second = OrganisationFactory(), OrganisationFactory()
    key = {"kind": ActivityKind.EVENT, "date": dt.date(2020, 11, 18), "title": "Webinaire"}
    development_activity_upsert(**key, organisations=[first])
    activity, created = development_activity_upsert(**key, organisations=[second], notes="14")
    assert not created
    assert DevelopmentActivity.objects.count() == 1
    assert list(activity.organisations_met.all()) == [second]
    assert activity.notes == "14"


def test_an_unknown_kind_is_refused():
    with pytest.raises(ValidationError):
        development_activity_upsert(kind="party", date=dt.date(2020, 5, 1), title="Fête")
    assert not DevelopmentActivity.objects.exists()


def test_a_partnership_cannot_end_before_it_starts():
    with pytest.raises(ValidationError, match="Un partenariat ne peut finir avant de commencer"):
        partnership_record(
            organisation=OrganisationFactory(),
            title="Entente",
            start=dt.date(2020, 5, 1),
            end=dt.date(2020, 4, 1),
        )


def test_ending_a_partnership_sets_its_last_day():
    partnership = partnership_record(
        organisation=OrganisationFactory(), title="Entente", start=dt.date(2020, 5, 1)
    )
    partnership_update(
        partnership=partnership,
        organisation=partnership.organisation,
        title="Entente",
        start=dt.date(2020, 5, 1),
        end=dt.date(2021, 4, 30),
    )
    partnership.refresh_from_db()
    assert partnership.end == dt.date(2021, 4, 30)


def test_an_activity_recorded_by_hand_keeps_whom_it_met_and_can_change_it():
    first, second = OrganisationFactory(), OrganisationFactory()
    activity = development_activity_create(
        kind=ActivityKind.DEVELOPMENT_MEETING,
        date=dt.date(2020, 5, 1),
        title="Rencontre",
        organisations_met=[first],
    )
    development_activity_update(
        activity=activity,
        kind=ActivityKind.DEVELOPMENT_MEETING,
        date=dt.date(2020, 5, 1),
        title="Rencontre",
        organisations_met=[second],
    )
    assert list(activity.organisations_met.all()) == [second]


def test_the_same_activity_is_not_recorded_twice_by_hand():
    development_activity_create(
        kind=ActivityKind.DEVELOPMENT_MEETING, date=dt.date(2020, 5, 1), title="R"
    )
    with pytest.raises(ValidationError):
        development_activity_create(
            kind=ActivityKind.DEVELOPMENT_MEETING, date=dt.date(2020, 5, 1), title="R"
        )
