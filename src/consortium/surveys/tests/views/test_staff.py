"""The workspace's survey pages: directors, communications and administrators build surveys,
every staff role reads their results; staff answer a staff survey once and anonymously."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from consortium.surveys.models import Participation, Question, Response, Survey
from consortium.testing.factories import (
    DepartmentFactory,
    EngagementResponseFactory,
    EngagementSurveyFactory,
    MemberContactFactory,
    QuestionFactory,
    SatisfactionResponseFactory,
    SatisfactionSurveyFactory,
    SurveyFactory,
    SurveyYearFactory,
)
from consortium.testing.web import signed_in, url

pytestmark = pytest.mark.django_db


def _queries(client, address) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(address).status_code == 200
    return len(queries)


def test_every_staff_role_reads_the_list_and_a_contact_does_not(client, people):
    SatisfactionSurveyFactory(title_fr="Sondage des membres 2020-2021")
    for user in (people.owner, people.finance, people.communications):
        signed_in(client, user)
        assert "Sondage des membres 2020-2021" in client.get(url("surveys:survey_list")).text
    signed_in(client, MemberContactFactory().user)
    assert client.get(url("surveys:survey_list")).status_code == 403


def test_a_director_creates_a_satisfaction_survey_from_its_starter(client, director):
    SurveyYearFactory()
    signed_in(client, director)
    response = client.post(
        url("surveys:survey_create"),
        {
            "starter": "satisfaction",
            "fiscal_year": "2020-2021",
            "kind": "satisfaction",
            "audience": "members",
            "title_fr": "Sondage 2021",
            "opens_on": "2021-02-01",
            "closes_on": "2021-02-28",
        },
    )
    survey = Survey.objects.get()
    assert response.url == url("surveys:survey_detail", survey.pk)
    assert (survey.status, survey.questions.count()) == ("draft", 3)


def test_bad_dates_are_named_on_the_form(client, director):
    SurveyYearFactory()
    signed_in(client, director)
    response = client.post(
        url("surveys:survey_create"),
        {
            "starter": "blank",
            "fiscal_year": "2020-2021",
            "kind": "other",
            "audience": "members",
            "title_fr": "Sondage",
            "opens_on": "2021-02-01",
            "closes_on": "2021-01-01",
        },
    )
    assert "Un sondage ferme le jour où il ouvre ou après." in response.text
    assert not Survey.objects.exists()


def test_an_expert_may_not_build_a_survey(client, people):
    signed_in(client, people.owner)
    assert client.get(url("surveys:survey_create")).status_code == 403
    survey = SurveyFactory(status="draft")
    posted = client.post(
        url("surveys:question_add", survey.pk), {"add-kind": "yes_no", "add-text_fr": "Oui ?"}
    )
    assert posted.status_code == 403


def test_questions_are_added_moved_and_deleted_while_a_draft(client, people):
    survey = SurveyFactory(status="draft")
    signed_in(client, people.communications)
    client.post(
        url("surveys:question_add", survey.pk),
        {
            "add-kind": "single",
            "add-text_fr": "Quel service ?",
            "add-choices": "Paie | Payroll\nComptabilité | Accounting",
        },
    )
    client.post(
        url("surveys:question_add", survey.pk), {"add-kind": "text", "add-text_fr": "Autre ?"}
    )
    first, second = survey.questions.order_by("position")
    assert list(first.choices.values_list("label_en", flat=True)) == ["Payroll", "Accounting"]
    moved = client.post(
        url("surveys:question_move", survey.pk, second.pk),
        {"direction": "up"},
        headers={"HX-Request": "true"},
    )
    assert moved.status_code == 200
    assert moved.text.index("Autre ?") < moved.text.index("Quel service ?")
    client.post(url("surveys:question_delete", survey.pk, first.pk))
    assert list(survey.questions.values_list("text_fr", flat=True)) == ["Autre ?"]


def test_a_choice_question_without_choices_is_refused_on_the_form(client, director):
    survey = SurveyFactory(status="draft")
    signed_in(client, director)
    response = client.post(
        url("surveys:question_add", survey.pk), {"add-kind": "multiple", "add-text_fr": "Quoi ?"}
    )
    assert response.status_code == 400
    assert "Une question à choix offre au moins deux choix." in response.text
    assert not Question.objects.exists()


def test_a_survey_opens_and_closes(client, director):
    survey = SurveyFactory(status="draft")
    QuestionFactory(survey=survey)
    signed_in(client, director)
    client.post(url("surveys:survey_open", survey.pk))
    survey.refresh_from_db()
    assert survey.status == "open"
    client.post(url("surveys:survey_close", survey.pk))
    survey.refresh_from_db()
    assert survey.status == "closed"


def test_the_results_show_the_rate_and_the_nps_with_its_caution(client, people):
    for value in range(11):
        SatisfactionResponseFactory(would_recommend=value > 0, likelihood=value)
    survey = Survey.objects.get()
    signed_in(client, people.finance)
    page = client.get(url("surveys:survey_results", survey.pk)).text
    assert "90,9" in page  # 10 yes of 11
    assert "−45,5" in page or "-45,5" in page
    assert "moins de 30 réponses : à interpréter avec prudence" in page
    assert "<svg" in page


def test_the_engagement_results_hide_a_department_under_5(client, director):
    big, small = DepartmentFactory(name_fr="Comptabilité"), DepartmentFactory(name_fr="Formation")
    survey = EngagementSurveyFactory(benchmark_pct=Decimal("76.0"))
    for _n in range(5):
        EngagementResponseFactory(survey=survey, department=big, scores=[5, 4, 3])
    for _n in range(3):
        EngagementResponseFactory(survey=survey, department=small, scores=[5, 5, 5])
    signed_in(client, director)
    page = client.get(url("surveys:survey_results", survey.pk)).text
    assert "Non montré : moins de 5 répondants" in page
    assert "76,0" in page


def test_a_staff_survey_under_5_respondents_shows_no_result(client, director):
    survey = EngagementSurveyFactory()
    EngagementResponseFactory(survey=survey, scores=[5, 5, 5])
    signed_in(client, director)
    page = client.get(url("surveys:survey_results", survey.pk)).text
    assert "aucun résultat n'est montré pour un groupe de moins de 5 personnes" in page
    assert "<svg" not in page


def test_the_csv_has_one_row_per_response_and_one_column_per_question(client, director):
    SatisfactionResponseFactory(organisation__code="AAA", would_recommend=True, likelihood=9)
    SatisfactionResponseFactory(organisation__code="BBB", would_recommend=False)
    survey = Survey.objects.get()
    signed_in(client, director)
    response = client.get(url("surveys:survey_export", survey.pk))
    lines = b"".join(response.streaming_content).decode().lstrip("\ufeff").splitlines()
    assert lines[0].startswith("Code de l'organisation,Organisation,Répondu le,1. ")
    assert len(lines) == 3
    assert lines[1].startswith("AAA,") and lines[1].endswith(",Oui,9")
    assert lines[2].endswith(",Non,")


def test_the_staff_csv_names_no_one(client, director):
    survey = EngagementSurveyFactory()
    EngagementResponseFactory(
        survey=survey, department=DepartmentFactory(name_fr="Paie"), scores=[4, "na", 2]
    )
    signed_in(client, director)
    response = client.get(url("surveys:survey_export", survey.pk))
    lines = b"".join(response.streaming_content).decode().lstrip("\ufeff").splitlines()
    assert lines[0].startswith("Département,1. ")
    assert lines[1] == "Paie,4,Ne s'applique pas,2"


def test_a_staff_member_answers_once_anonymously(client, people):
    survey = EngagementSurveyFactory()
    items = list(survey.questions.order_by("position"))
    signed_in(client, people.owner)
    assert client.get(url("surveys:survey_list")).text.count(url("surveys:staff_answer", survey.pk))
    answer = {f"q_{q.pk}": "4" for q in items}
    assert client.post(url("surveys:staff_answer", survey.pk), answer).status_code == 302
    again = client.post(url("surveys:staff_answer", survey.pk), answer)
    assert "Vous avez déjà répondu à ce sondage." in again.text
    response = Response.objects.get()
    assert (response.organisation, response.department) == (None, people.department)
    assert Participation.objects.filter(user=people.owner).count() == 1


def test_the_results_page_takes_the_same_queries_for_more_answers(client, director):
    SatisfactionResponseFactory(likelihood=9)
    survey = Survey.objects.get()
    QuestionFactory(survey=survey, kind="text")
    signed_in(client, director)
    address = url("surveys:survey_results", survey.pk)
    few = _queries(client, address)
    SatisfactionResponseFactory.create_batch(15, likelihood=3)
    assert _queries(client, address) == few


def test_the_results_are_shown_in_english(client, director):
    SatisfactionResponseFactory(likelihood=9)
    survey = Survey.objects.get()
    signed_in(client, director)
    page = client.get(url("surveys:survey_results", survey.pk, language="en"))
    assert "Results" in page.text
    assert dt.date.today()  # the page answered


def test_a_survey_is_renamed_and_given_its_benchmark(client, director):
    survey = EngagementSurveyFactory(status="draft")
    signed_in(client, director)
    form = client.get(url("surveys:survey_update", survey.pk))
    assert form.status_code == 200
    client.post(
        url("surveys:survey_update", survey.pk),
        {
            "fiscal_year": "2020-2021",
            "kind": "engagement",
            "audience": "staff",
            "title_fr": "Engagement 2021",
            "opens_on": "2021-01-10",
            "closes_on": "2021-01-31",
            "benchmark_pct": "77.5",
        },
    )
    survey.refresh_from_db()
    assert (survey.title_fr, survey.benchmark_pct) == ("Engagement 2021", Decimal("77.5"))


def test_the_list_takes_the_same_queries_for_more_surveys(client, director):
    SatisfactionSurveyFactory()
    signed_in(client, director)
    few = _queries(client, url("surveys:survey_list"))
    for name in ("2018-2019", "2019-2020", "2021-2022"):
        SatisfactionResponseFactory(survey__fiscal_year__name=name)
        EngagementSurveyFactory(fiscal_year__name=name, status="open")
    assert _queries(client, url("surveys:survey_list")) == few
