"""Building surveys: one satisfaction and one engagement survey a year, questions changed only
while a draft, draft → open → closed."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from consortium.surveys.models import Survey
from consortium.surveys.services import (
    question_add,
    question_delete,
    question_move,
    question_update,
    survey_close,
    survey_create,
    survey_delete,
    survey_open,
)
from consortium.testing.factories import QuestionFactory, SurveyFactory, SurveyYearFactory

pytestmark = pytest.mark.django_db


def _survey(kind="satisfaction", starter=None, audience="members"):
    return survey_create(
        fiscal_year=SurveyYearFactory(),
        kind=kind,
        audience=audience,
        title_fr="Sondage",
        opens_on=dt.date(2021, 2, 1),
        closes_on=dt.date(2021, 2, 28),
        starter=starter,
    )


def test_the_satisfaction_starter_asks_would_recommend_and_likelihood():
    survey = _survey(starter="satisfaction")
    assert list(survey.questions.values_list("kind", "measure")) == [
        ("yes_no", "would_recommend"),
        ("scale_0_10", "likelihood"),
        ("text", ""),
    ]
    assert survey.status == "draft"


def test_the_engagement_starter_has_8_likert_items():
    survey = _survey(kind="engagement", starter="engagement", audience="staff")
    assert set(survey.questions.values_list("kind", flat=True)) == {"likert_5"}
    assert survey.questions.filter(measure="engagement").count() == 8


def test_a_second_satisfaction_survey_in_a_year_is_refused_but_other_surveys_are_not():
    _survey()
    with pytest.raises(ValidationError) as refused:
        _survey()
    assert "Cet exercice a déjà un sondage de ce type." in refused.value.messages
    _survey(kind="other")
    _survey(kind="other")
    assert Survey.objects.count() == 3


def test_a_survey_closing_before_it_opens_is_refused():
    with pytest.raises(ValidationError) as refused:
        survey_create(
            fiscal_year=SurveyYearFactory(),
            kind="other",
            audience="members",
            title_fr="Sondage",
            opens_on=dt.date(2021, 2, 1),
            closes_on=dt.date(2021, 1, 1),
        )
    assert "Un sondage ferme le jour où il ouvre ou après." in refused.value.messages


def test_a_survey_opens_then_closes_and_its_questions_no_longer_change():
    survey = _survey(starter="satisfaction")
    survey_open(survey=survey)
    question = survey.questions.first()
    with pytest.raises(ValidationError) as refused:
        question_update(question=question, kind="yes_no", text_fr="Autre ?", measure="")
    assert "Les questions changent seulement tant que le sondage est un brouillon." in (
        refused.value.messages
    )
    survey_close(survey=survey)
    survey.refresh_from_db()
    assert survey.status == "closed"
    with pytest.raises(ValidationError):
        survey_open(survey=survey)


def test_an_empty_survey_does_not_open():
    with pytest.raises(ValidationError) as refused:
        survey_open(survey=_survey())
    assert "Ajoutez au moins une question avant d'ouvrir le sondage." in refused.value.messages


def test_a_choice_question_needs_two_choices():
    survey = _survey()
    with pytest.raises(ValidationError) as refused:
        question_add(survey=survey, kind="single", text_fr="Lequel ?", choices=[("Un", "One")])
    assert refused.value.message_dict == {
        "choices": ["Une question à choix offre au moins deux choix."]
    }
    question = question_add(
        survey=survey, kind="multiple", text_fr="Lesquels ?", choices=[("Un", ""), ("Deux", "")]
    )
    assert list(question.choices.values_list("label_fr", "position")) == [("Un", 1), ("Deux", 2)]


def test_a_measure_is_read_from_a_question_of_its_kind_only():
    with pytest.raises(ValidationError) as refused:
        question_add(survey=_survey(), kind="text", text_fr="Pourquoi ?", measure="likelihood")
    assert "Cette mesure se lit sur une question d'un autre type" in refused.value.messages[0]


def test_a_survey_has_one_would_recommend_question():
    survey = _survey(starter="satisfaction")
    with pytest.raises(ValidationError):
        question_add(survey=survey, kind="yes_no", text_fr="Encore ?", measure="would_recommend")


def test_questions_move_up_and_down_and_are_deleted():
    survey = SurveyFactory(status="draft")
    first, second, third = (QuestionFactory(survey=survey) for _n in range(3))
    question_move(question=third, up=True)
    question_move(question=first, up=False)
    assert list(survey.questions.order_by("position").values_list("pk", flat=True)) == [
        third.pk,
        first.pk,
        second.pk,
    ]
    question_move(question=third, up=True)  # already first: stays
    question_delete(question=first)
    assert list(survey.questions.values_list("pk", flat=True)) == [third.pk, second.pk]


def test_only_a_draft_without_answers_is_deleted():
    survey = _survey(starter="satisfaction")
    survey_open(survey=survey)
    with pytest.raises(ValidationError):
        survey_delete(survey=survey)
    draft = _survey(kind="other")
    survey_delete(survey=draft)
    assert not Survey.objects.filter(pk=draft.pk).exists()
