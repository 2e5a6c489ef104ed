"""The writes the admin makes to communications: each row is created, then corrected in place."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from consortium.communications.models import AdCampaign, Event, PressCoverage, Publication
from consortium.communications.services import (
    ad_campaign_create,
    ad_campaign_update,
    event_create,
    event_update,
    press_coverage_create,
    press_coverage_update,
    publication_create,
    publication_update,
)

pytestmark = pytest.mark.django_db

JUNE = dt.date(2020, 6, 1)


def test_a_newsletter_cannot_become_a_post_without_a_channel():
    publication = publication_create(kind="newsletter", date=JUNE, title="Juin")
    with pytest.raises(ValidationError) as refused:
        publication_update(publication=publication, kind="post", date=JUNE, title="Juin")
    assert refused.value.message_dict["channel"] == [
        "Une publication sur un réseau social a un canal."
    ]
    assert Publication.objects.get().kind == "newsletter"


def test_a_campaigns_impressions_are_corrected_and_its_programme_trimmed():
    campaign = ad_campaign_create(
        channel="facebook", name="PDSA", start=JUNE, end=dt.date(2020, 6, 30)
    )
    ad_campaign_update(
        campaign=campaign,
        channel="facebook",
        name="PDSA",
        start=JUNE,
        end=dt.date(2020, 6, 30),
        impressions=1200,
        programme=" PDSA ",
    )
    assert AdCampaign.objects.values_list("impressions", "programme").get() == (1200, "PDSA")


def test_press_coverage_is_recorded_then_renamed():
    coverage = press_coverage_create(title="Article", outlet="Le Devoir", date=JUNE)
    press_coverage_update(coverage=coverage, title="Entrevue", outlet="Le Devoir", date=JUNE)
    assert PressCoverage.objects.get().title == "Entrevue"


def test_an_event_is_corrected():
    event = event_create(title="Webinaire paie", slug="paie", date=JUNE, online=True)
    event_update(event=event, title="Webinaire de paie", slug="paie", date=JUNE, online=True)
    assert Event.objects.get().title == "Webinaire de paie"


def test_an_event_in_person_names_its_place():
    with pytest.raises(ValidationError) as refused:
        event_create(title="Atelier", slug="atelier", date=JUNE)
    assert "place" in refused.value.message_dict
