"""The communications pages: the communications team (owner) and directors (colleagues) read
and change every record, an expert or finance gets 403, an anonymous visitor the sign-in page."""

import csv
import datetime as dt
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from consortium.communications.models import Event, FollowerSnapshot, Publication
from consortium.testing.factories import (
    AdCampaignFactory,
    EventFactory,
    FollowerSnapshotFactory,
    PressCoverageFactory,
    PublicationFactory,
    RegistrationFactory,
)
from consortium.testing.web import signed_in, url

pytestmark = pytest.mark.django_db

LISTS = [
    "communications:follower_table",
    "communications:publication_list",
    "communications:campaign_list",
    "communications:press_list",
    "communications:event_list",
    "communications:publication_create",
    "communications:campaign_create",
    "communications:press_create",
    "communications:event_create",
]


@pytest.mark.parametrize("name", LISTS)
@pytest.mark.parametrize("who", ["communications", "director", "administrator"])
def test_the_communications_team_and_directors_open_every_page(client, people, name, who):
    signed_in(client, getattr(people, who))
    assert client.get(url(name)).status_code == 200
    assert client.get(url(name, language="en")).status_code == 200


@pytest.mark.parametrize("name", LISTS)
@pytest.mark.parametrize("who", ["owner", "finance"])
def test_other_roles_are_refused(client, people, name, who):
    signed_in(client, getattr(people, who))
    assert client.get(url(name)).status_code == 403


def test_an_anonymous_visitor_is_sent_to_sign_in(client):
    response = client.get(url("communications:publication_list"))
    assert response.status_code == 302
    assert "next=" in response["Location"]


def test_a_month_of_followers_is_recorded_and_its_gain_shown(client, people):
    FollowerSnapshotFactory(channel="linkedin", date=dt.date(2020, 3, 31), followers=554)
    signed_in(client, people.communications)
    response = client.post(
        url("communications:follower_table") + "?exercice=2020-2021",
        {"month": "2020-04", "linkedin": "570", "facebook": "230"},
    )
    assert response.status_code == 302
    assert set(FollowerSnapshot.objects.values_list("channel", "date", "followers")) == {
        ("linkedin", dt.date(2020, 3, 31), 554),
        ("linkedin", dt.date(2020, 4, 30), 570),
        ("facebook", dt.date(2020, 4, 30), 230),
    }
    page = client.get(response["Location"]).text
    assert 'data-gain="linkedin">(+16)' in page
    assert 'data-year-gain="linkedin">+16' in page
    assert 'data-year-gain="facebook">+230' in page


def test_recording_a_month_again_corrects_it(client, people):
    signed_in(client, people.communications)
    target = url("communications:follower_table") + "?exercice=2020-2021"
    client.post(target, {"month": "2020-04", "linkedin": "570"})
    client.post(target, {"month": "2020-04", "linkedin": "575"})
    assert list(FollowerSnapshot.objects.values_list("followers", flat=True)) == [575]


def test_a_month_without_any_count_is_refused(client, people):
    signed_in(client, people.communications)
    response = client.post(
        url("communications:follower_table") + "?exercice=2020-2021", {"month": "2020-04"}
    )
    assert response.status_code == 400
    assert "au moins un canal" in response.text
    assert not FollowerSnapshot.objects.exists()


def test_a_publication_is_created_and_edited(client, people):
    signed_in(client, people.communications)
    response = client.post(
        url("communications:publication_create"),
        {"kind": "post", "channel": "linkedin", "date": "2021-02-01", "title": "Cinq conseils"},
    )
    assert response.status_code == 302
    publication = Publication.objects.get()
    response = client.post(
        url("communications:publication_update", publication.pk),
        {"kind": "newsletter", "channel": "", "date": "2021-02-01", "title": "Infolettre"},
    )
    assert response.status_code == 302
    assert Publication.objects.get().title == "Infolettre"


def test_a_post_without_a_channel_is_refused_on_its_field(client, people):
    signed_in(client, people.communications)
    response = client.post(
        url("communications:publication_create"),
        {"kind": "post", "channel": "", "date": "2021-02-01", "title": "Sans canal"},
    )
    assert response.status_code == 400
    assert "a un canal" in response.text
    assert not Publication.objects.exists()


def test_a_missing_record_is_a_404(client, people):
    signed_in(client, people.communications)
    assert client.get(url("communications:publication_update", 999)).status_code == 404
    assert client.get(url("communications:event_detail", 999)).status_code == 404


def test_an_event_is_created_and_its_page_counts_its_sign_ups(client, people):
    signed_in(client, people.communications)
    response = client.post(
        url("communications:event_create"),
        {
            "title": "Webinaire paie",
            "slug": "webinaire-paie",
            "date": "2026-11-18",
            "kind": "webinar",
            "online": "on",
            "capacity": "50",
            "registration_open": "on",
        },
    )
    assert response.status_code == 302
    event = Event.objects.get()
    RegistrationFactory.create_batch(3, event=event)
    page = client.get(response["Location"]).text
    assert "3 inscriptions" in page
    assert "/evenements/webinaire-paie/" in page


def test_the_registrations_export_lists_every_sign_up(client, people):
    event = EventFactory(slug="paie")
    RegistrationFactory(event=event, name="Léa Roy", email="lea@exemple.org", organisation="Coop")
    signed_in(client, people.director)
    response = client.get(url("communications:event_registrations_export", event.pk))
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[0][:3] == ["Nom", "Courriel", "Organisation"]
    assert rows[1][:3] == ["Léa Roy", "lea@exemple.org", "Coop"]


def test_the_export_is_refused_to_an_expert(client, people):
    event = EventFactory()
    signed_in(client, people.owner)
    assert client.get(url("communications:event_registrations_export", event.pk)).status_code == 403


@pytest.mark.parametrize(
    ("name", "factory", "rows"),
    [
        ("communications:publication_list", PublicationFactory, 5),
        ("communications:campaign_list", AdCampaignFactory, 5),
        ("communications:press_list", PressCoverageFactory, 5),
        ("communications:event_list", EventFactory, 5),
    ],
)
def test_a_list_makes_the_same_queries_whatever_its_rows(
    client, people, django_assert_num_queries, name, factory, rows
):
    signed_in(client, people.communications)
    factory()
    client.get(url(name))
    with CaptureQueriesContext(connection) as few:
        client.get(url(name))
    factory.create_batch(rows)
    with django_assert_num_queries(len(few)):
        client.get(url(name))


def test_the_follower_table_makes_the_same_queries_whatever_its_rows(
    client, people, django_assert_num_queries
):
    signed_in(client, people.communications)
    FollowerSnapshotFactory(channel="linkedin", date=dt.date(2020, 4, 30), followers=1)
    target = url("communications:follower_table") + "?exercice=2020-2021"
    client.get(target)
    with django_assert_num_queries(7):
        client.get(target)
    for month in range(5, 13):
        FollowerSnapshotFactory(channel="facebook", date=dt.date(2020, month, 28), followers=month)
    with django_assert_num_queries(7):
        client.get(target)


def test_the_event_page_makes_the_same_queries_whatever_its_sign_ups(
    client, people, django_assert_num_queries
):
    event = EventFactory()
    signed_in(client, people.communications)
    target = url("communications:event_detail", event.pk)
    client.get(target)
    with django_assert_num_queries(5):
        client.get(target)
    RegistrationFactory.create_batch(10, event=event)
    with django_assert_num_queries(5):
        client.get(target)
