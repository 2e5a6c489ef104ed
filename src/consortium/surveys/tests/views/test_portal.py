"""The portal's surveys: a contact answers for their organisation, a colleague sees and changes
that answer while the survey is open, read only once closed; another organisation's contact,
or a federation's contact for an enterprise, gets a 404."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from consortium.surveys.models import Answer, Response
from consortium.testing.factories import (
    MemberContactFactory,
    OrganisationFactory,
    QuestionFactory,
    SatisfactionResponseFactory,
    SatisfactionSurveyFactory,
    SurveyFactory,
)
from consortium.testing.web import signed_in, url

pytestmark = pytest.mark.django_db


@pytest.fixture
def survey():
    return SatisfactionSurveyFactory(title_fr="Sondage 2020", title_en="Survey 2020")


@pytest.fixture
def contact():
    return MemberContactFactory(organisation__code="MPEESAD", organisation__name="La mutuelle")


def _questions(survey):
    return {q.measure: q for q in survey.questions.all()}


def _post(client, survey, code, **values):
    return client.post(url("surveys_portal:answer", code, survey.pk), values)


def test_the_list_shows_an_open_survey_to_answer(client, survey, contact):
    signed_in(client, contact.user)
    response = client.get(url("surveys_portal:list", "MPEESAD"))
    assert response.status_code == 200
    assert "Sondage 2020" in response.text
    assert "À répondre" in response.text


def test_a_contact_answers_and_the_list_says_answered(client, survey, contact):
    signed_in(client, contact.user)
    q = _questions(survey)
    response = _post(
        client,
        survey,
        "MPEESAD",
        **{f"q_{q['would_recommend'].pk}": "yes", f"q_{q['likelihood'].pk}": "9"},
    )
    assert response.status_code == 302
    assert Response.objects.get().organisation == contact.organisation
    assert "Répondu le" in client.get(url("surveys_portal:list", "MPEESAD")).text


def test_a_missing_required_answer_is_named_in_french(client, survey, contact):
    signed_in(client, contact.user)
    response = _post(client, survey, "MPEESAD")
    assert response.status_code == 400
    assert "« Recommanderiez-vous le Consortium ? » : une réponse est obligatoire." in (
        response.text
    )
    assert not Response.objects.exists()


def test_a_colleague_sees_the_answer_and_changes_it(client, survey, contact):
    SatisfactionResponseFactory(
        survey=survey, organisation=contact.organisation, would_recommend=False
    )
    colleague = MemberContactFactory(organisation=contact.organisation)
    signed_in(client, colleague.user)
    page = client.get(url("surveys_portal:answer", "MPEESAD", survey.pk))
    assert re.search(r'value="no"[^>]*checked', page.text)
    q = _questions(survey)
    _post(client, survey, "MPEESAD", **{f"q_{q['would_recommend'].pk}": "yes"})
    assert list(Answer.objects.values_list("bool_value", flat=True)) == [True]
    assert Response.objects.count() == 1


@pytest.mark.parametrize("who", ["another organisation", "federation"])
def test_another_organisations_contact_gets_a_404(client, survey, contact, who):
    if who == "federation":
        contact.organisation.federation = OrganisationFactory(code="FED")
        contact.organisation.save()
        stranger = MemberContactFactory(organisation=contact.organisation.federation)
    else:
        stranger = MemberContactFactory()
    signed_in(client, stranger.user)
    assert client.get(url("surveys_portal:list", "MPEESAD")).status_code == 404
    assert client.get(url("surveys_portal:answer", "MPEESAD", survey.pk)).status_code == 404
    q = _questions(survey)
    posted = _post(client, survey, "MPEESAD", **{f"q_{q['would_recommend'].pk}": "yes"})
    assert posted.status_code == 404
    assert not Response.objects.exists()


def test_staff_and_draft_surveys_are_not_on_the_portal(client, contact):
    staff_survey = SurveyFactory(audience="staff")
    draft = SurveyFactory(status="draft")
    signed_in(client, contact.user)
    for hidden in (staff_survey, draft):
        assert client.get(url("surveys_portal:answer", "MPEESAD", hidden.pk)).status_code == 404


def test_a_closed_survey_is_read_only(client, survey, contact):
    SatisfactionResponseFactory(survey=survey, organisation=contact.organisation)
    survey.status = "closed"
    survey.save()
    signed_in(client, contact.user)
    page = client.get(url("surveys_portal:answer", "MPEESAD", survey.pk))
    assert "lecture seule" in page.text
    assert "disabled" in page.text
    q = _questions(survey)
    _post(client, survey, "MPEESAD", **{f"q_{q['would_recommend'].pk}": "no"})
    assert list(Answer.objects.values_list("bool_value", flat=True)) == [True]


def test_every_kind_of_question_is_shown_in_english(client, contact):
    survey = SurveyFactory(title_en="Our survey")
    QuestionFactory(survey=survey, kind="likert_5", text_en="Do you agree?")
    QuestionFactory(survey=survey, kind="text", text_en="Anything else?")
    signed_in(client, contact.user)
    page = client.get(url("surveys_portal:answer", "MPEESAD", survey.pk, language="en"))
    assert page.status_code == 200
    assert "Our survey" in page.text
    assert "Do you agree?" in page.text
    assert "Not applicable" in page.text


@pytest.mark.parametrize("page", ["list", "answer"])
def test_the_query_count_does_not_grow_with_the_data(client, survey, contact, page):
    signed_in(client, contact.user)
    address = (
        url("surveys_portal:list", "MPEESAD")
        if page == "list"
        else url("surveys_portal:answer", "MPEESAD", survey.pk)
    )
    SatisfactionResponseFactory(survey=survey, organisation=contact.organisation, likelihood=8)
    with CaptureQueriesContext(connection) as few:
        assert client.get(address).status_code == 200
    SatisfactionResponseFactory.create_batch(10, survey=survey, likelihood=9)
    for _n in range(5):
        SurveyFactory(status="closed")
    with CaptureQueriesContext(connection) as many:
        assert client.get(address).status_code == 200
    assert len(many) == len(few)
