"""Start, answer, finish: one draft per organisation, finished answers locked, scores kept."""

from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError

from consortium.diagnostics.models import DiagnosticStatus, SectionScore
from consortium.diagnostics.services import (
    diagnostic_answers_save,
    diagnostic_finish,
    diagnostic_start,
    option_update,
    question_update,
)
from consortium.diagnostics.tests.builders import finished_diagnostic, make_questionnaire
from consortium.testing.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_colleagues_resume_the_same_draft():
    make_questionnaire()
    organisation = OrganisationFactory()
    first, created = diagnostic_start(organisation=organisation)
    again, created_again = diagnostic_start(organisation=organisation)
    assert created and not created_again
    assert again == first


def test_the_default_questionnaire_ships_forty_questions_in_seven_sections():
    from consortium.diagnostics.models import Question, Questionnaire

    default = Questionnaire.objects.get(version=1)
    assert default.sections.count() == 7
    assert Question.objects.filter(section__questionnaire=default).count() == 40
    assert [(band.lower_pct, band.upper_pct) for band in default.bands.all()] == [
        (0, 50),
        (50, 75),
        (75, 100),
    ]


def test_finishing_stores_the_section_scores_computed_by_hand():
    built = make_questionnaire()
    organisation = OrganisationFactory()
    # G: G1 2 of 4 (×1), G2 n/a → 2 ÷ 4 = 50 %; F: F1 unanswered → no score.
    diagnostic = finished_diagnostic(built, organisation, {built.g1: 2, built.g2: "na"})
    assert diagnostic.status == DiagnosticStatus.FINISHED
    assert diagnostic.overall_pct == D("50.0")
    scores = dict(
        SectionScore.objects.filter(diagnostic=diagnostic).values_list("section__code", "score_pct")
    )
    assert scores == {"G": D("50.0"), "F": None}


def test_a_finished_diagnostics_answers_are_locked():
    built = make_questionnaire()
    diagnostic = finished_diagnostic(built, OrganisationFactory(), {built.g1: 4})
    with pytest.raises(ValidationError, match="terminé"):
        diagnostic_answers_save(
            diagnostic=diagnostic, answers={built.g1.pk: built.option(built.g1, 0)}
        )
    with pytest.raises(ValidationError, match="terminé"):
        diagnostic_finish(diagnostic=diagnostic)


def test_not_applicable_is_refused_where_the_question_does_not_allow_it():
    built = make_questionnaire()
    diagnostic, _ = diagnostic_start(organisation=OrganisationFactory())
    with pytest.raises(ValidationError) as refusal:
        diagnostic_answers_save(diagnostic=diagnostic, answers={built.g1.pk: "na"})
    assert f"question_{built.g1.pk}" in refusal.value.message_dict


def test_an_option_of_another_question_is_refused():
    built = make_questionnaire()
    diagnostic, _ = diagnostic_start(organisation=OrganisationFactory())
    with pytest.raises(ValidationError):
        diagnostic_answers_save(
            diagnostic=diagnostic, answers={built.g1.pk: built.option(built.f1, 3)}
        )


def test_a_questionnaire_with_finished_diagnostics_is_not_changed_under_them():
    built = make_questionnaire()
    finished_diagnostic(built, OrganisationFactory(), {built.g1: 4})
    with pytest.raises(ValidationError, match="nouvelle version"):
        question_update(question=built.g1, text_fr="Autre ?", weight=D(3))
    with pytest.raises(ValidationError, match="nouvelle version"):
        option_update(option=built.g1.options.first(), points=D(9))


def test_a_finished_result_survives_a_new_version_of_the_questionnaire():
    from consortium.diagnostics.services import questionnaire_activate, questionnaire_copy

    built = make_questionnaire()
    diagnostic = finished_diagnostic(built, OrganisationFactory(), {built.g1: 2})
    copy = questionnaire_copy(questionnaire=built.questionnaire)
    question = copy.sections.get(code="G").questions.get(position=1)
    question_update(question=question, weight=D(5), text_fr="Nouvelle formulation ?")
    questionnaire_activate(questionnaire=copy)
    diagnostic.refresh_from_db()
    assert diagnostic.overall_pct == D("50.0")
    assert copy.version == 100
    assert not built.questionnaire.__class__.objects.get(pk=built.questionnaire.pk).is_active


def test_finishing_with_nothing_answered_is_refused():
    make_questionnaire()
    diagnostic, _ = diagnostic_start(organisation=OrganisationFactory())
    with pytest.raises(ValidationError, match="au moins une question"):
        diagnostic_finish(diagnostic=diagnostic)
