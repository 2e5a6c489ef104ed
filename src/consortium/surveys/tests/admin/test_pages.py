import pytest

from consortium.core.tests.admin_pages import (
    admin_url,
    changelist_rows,
    page_text,
    queries_to_render,
)
from consortium.testing.factories import SatisfactionResponseFactory, SatisfactionSurveyFactory

pytestmark = pytest.mark.django_db


def test_the_survey_list_counts_responses(admin_client):
    SatisfactionResponseFactory.create_batch(3)
    rows = changelist_rows(admin_client, "surveys_survey_changelist")
    assert [s.response_count for s in rows] == [3]


def test_the_list_opens_in_english(admin_client):
    SatisfactionSurveyFactory()
    assert "Filter" in page_text(admin_client, "surveys_survey_changelist", language="en")


def test_the_list_takes_the_same_queries_for_many_rows(admin_client):
    SatisfactionSurveyFactory()
    url = admin_url("surveys_survey_changelist")
    few = queries_to_render(admin_client, url)
    for name in ("2018-2019", "2019-2020", "2021-2022"):
        SatisfactionSurveyFactory(fiscal_year__name=name)
    assert queries_to_render(admin_client, url) == few
