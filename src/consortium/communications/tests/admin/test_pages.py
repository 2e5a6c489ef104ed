import datetime as dt

import pytest

from consortium.core.tests.admin_pages import (
    admin_url,
    changelist_rows,
    page_text,
    queries_to_render,
)
from consortium.testing.factories import (
    AdCampaignFactory,
    EventFactory,
    FollowerSnapshotFactory,
    PressCoverageFactory,
    PublicationFactory,
)

pytestmark = pytest.mark.django_db

CHANGELISTS = [
    ("communications_followersnapshot_changelist", FollowerSnapshotFactory, "Abonnés"),
    ("communications_publication_changelist", PublicationFactory, "Canal"),
    ("communications_adcampaign_changelist", AdCampaignFactory, "Impressions"),
    ("communications_presscoverage_changelist", PressCoverageFactory, "Média"),
    ("communications_event_changelist", EventFactory, "Inscriptions"),
]


@pytest.mark.parametrize(("view", "factory", "column"), CHANGELISTS)
def test_every_list_shows_its_columns_in_french_and_opens_in_english(
    admin_client, view, factory, column
):
    factory()
    assert column in page_text(admin_client, view)
    assert "Filter" in page_text(admin_client, view, language="en")


def test_the_campaign_search_finds_a_campaign_by_its_programme(admin_client):
    AdCampaignFactory(name="Soutien gratuit", programme="PDSA")
    AdCampaignFactory(name="Autre")
    rows = changelist_rows(admin_client, "communications_adcampaign_changelist", "?q=pdsa")
    assert [campaign.name for campaign in rows] == ["Soutien gratuit"]


def test_the_publication_list_filters_by_kind(admin_client):
    PublicationFactory(kind="newsletter", channel="newsletter", title="Infolettre de juin")
    PublicationFactory(kind="post", title="Un billet")
    rows = changelist_rows(
        admin_client, "communications_publication_changelist", "?kind__exact=newsletter"
    )
    assert [publication.title for publication in rows] == ["Infolettre de juin"]


def test_the_publication_list_takes_the_same_queries_for_many_rows(admin_client):
    PublicationFactory(date=dt.date(2020, 6, 1))
    url = admin_url("communications_publication_changelist")
    few = queries_to_render(admin_client, url)
    PublicationFactory.create_batch(20, date=dt.date(2020, 6, 1))
    assert queries_to_render(admin_client, url) == few
