"""Answering: one response per organisation (a colleague changes it while open), staff once
and anonymously, every value checked against its question's kind."""

import pytest
from django.core.exceptions import ValidationError

from consortium.surveys.models import Answer, Participation, Response
from consortium.surveys.services import (
    response_submit,
    satisfaction_answer_record,
    satisfaction_survey_ensure,
    staff_response_submit,
)
from consortium.testing.factories import (
    ChoiceFactory,
    DepartmentFactory,
    OrganisationFactory,
    QuestionFactory,
    SurveyFactory,
    SurveyYearFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def survey():
    survey = SurveyFactory()
    QuestionFactory(survey=survey, kind="yes_no", required=True, text_fr="Satisfait ?")
    QuestionFactory(survey=survey, kind="scale_0_10", text_fr="Note ?")
    QuestionFactory(survey=survey, kind="likert_5", text_fr="D'accord ?")
    single = QuestionFactory(survey=survey, kind="single", text_fr="Lequel ?")
    multiple = QuestionFactory(survey=survey, kind="multiple", text_fr="Lesquels ?")
    for question in (single, multiple):
        ChoiceFactory.create_batch(3, question=question)
    QuestionFactory(survey=survey, kind="text", text_fr="Commentaire ?")
    return survey


def _ids(survey):
    return {q.kind: q for q in survey.questions.prefetch_related("choices")}


def test_every_kind_of_answer_is_recorded(survey):
    q = _ids(survey)
    single_choice = q["single"].choices.all()[1]
    multiple_choices = [c.pk for c in q["multiple"].choices.all()[:2]]
    response, created = response_submit(
        survey=survey,
        organisation=OrganisationFactory(),
        values={
            q["yes_no"].pk: "yes",
            q["scale_0_10"].pk: "10",
            q["likert_5"].pk: "na",
            q["single"].pk: str(single_choice.pk),
            q["multiple"].pk: [str(pk) for pk in multiple_choices],
            q["text"].pk: "  Très bien.  ",
        },
    )
    answers = {a.question.kind: a for a in response.answers.select_related("question")}
    assert created
    assert answers["yes_no"].bool_value is True
    assert answers["scale_0_10"].int_value == 10
    assert answers["likert_5"].not_applicable
    assert list(answers["single"].choices.all()) == [single_choice]
    assert sorted(c.pk for c in answers["multiple"].choices.all()) == sorted(multiple_choices)
    assert answers["text"].text_value == "Très bien."


def test_bad_values_are_refused_with_a_french_message_naming_the_question(survey):
    q = _ids(survey)
    other_choice = ChoiceFactory()
    with pytest.raises(ValidationError) as refused:
        response_submit(
            survey=survey,
            organisation=OrganisationFactory(),
            values={
                q["scale_0_10"].pk: "11",
                q["likert_5"].pk: "0",
                q["single"].pk: str(other_choice.pk),
            },
        )
    assert refused.value.message_dict == {
        f"q_{q['yes_no'].pk}": ["« Satisfait ? » : une réponse est obligatoire."],
        f"q_{q['scale_0_10'].pk}": ["« Note ? » : choisissez une valeur de 0 à 10."],
        f"q_{q['likert_5'].pk}": ["« D'accord ? » : choisissez une valeur de 1 à 5."],
        f"q_{q['single'].pk}": ["« Lequel ? » : choisissez parmi les choix proposés."],
    }
    assert not Response.objects.exists()


def test_ne_s_applique_pas_is_only_for_likert_items(survey):
    q = _ids(survey)
    with pytest.raises(ValidationError) as refused:
        response_submit(
            survey=survey,
            organisation=OrganisationFactory(),
            values={q["yes_no"].pk: "yes", q["scale_0_10"].pk: "na"},
        )
    assert list(refused.value.message_dict) == [f"q_{q['scale_0_10'].pk}"]


def test_a_colleague_changes_the_organisations_answer_in_place(survey):
    q = _ids(survey)
    organisation = OrganisationFactory()
    response_submit(survey=survey, organisation=organisation, values={q["yes_no"].pk: "no"})
    _response, created = response_submit(
        survey=survey, organisation=organisation, values={q["yes_no"].pk: "yes"}
    )
    assert not created
    assert list(Answer.objects.values_list("bool_value", flat=True)) == [True]


def test_a_closed_survey_takes_no_answer(survey):
    survey.status = "closed"
    survey.save()
    q = _ids(survey)
    with pytest.raises(ValidationError) as refused:
        response_submit(
            survey=survey, organisation=OrganisationFactory(), values={q["yes_no"].pk: "yes"}
        )
    assert "Ce sondage n'est pas ouvert : ses réponses ne changent plus." in refused.value.messages


def test_a_staff_member_answers_once_and_the_response_names_no_one():
    survey = SurveyFactory(audience="staff")
    question = QuestionFactory(survey=survey, kind="likert_5")
    user, department = UserFactory(), DepartmentFactory()
    response = staff_response_submit(
        survey=survey, user=user, department=department, values={question.pk: "4"}
    )
    assert (response.organisation, response.department) == (None, department)
    assert [f.name for f in Participation._meta.get_fields()] == ["id", "survey", "user"]
    with pytest.raises(ValidationError) as refused:
        staff_response_submit(
            survey=survey, user=user, department=department, values={question.pk: "5"}
        )
    assert "Vous avez déjà répondu à ce sondage." in refused.value.messages
    assert Response.objects.count() == Participation.objects.count() == 1


def test_a_members_survey_takes_no_staff_response(survey):
    with pytest.raises(ValidationError):
        staff_response_submit(survey=survey, user=UserFactory(), department=None, values={})


def test_the_import_records_would_recommend_in_the_years_satisfaction_survey():
    year = SurveyYearFactory()
    survey, created = satisfaction_survey_ensure(fiscal_year=year)
    again, created_again = satisfaction_survey_ensure(fiscal_year=year)
    assert (created, created_again, again.pk) == (True, False, survey.pk)
    assert survey.title_fr == "Sondage de satisfaction 2020-2021"
    organisation = OrganisationFactory()
    satisfaction_answer_record(survey=survey, organisation=organisation, would_recommend=False)
    answer, created = satisfaction_answer_record(
        survey=survey, organisation=organisation, would_recommend=True
    )
    assert (created, answer.bool_value, Answer.objects.count()) == (False, True, 1)
