"""Writes of a diagnostic: start (or resume) the organisation's draft, save a section's answers,
finish it (scores stored, answers locked)."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from consortium.diagnostics.models import (
    Diagnostic,
    DiagnosticAnswer,
    DiagnosticStatus,
    Question,
    SectionScore,
)
from consortium.diagnostics.scoring import overall_score, section_scores
from consortium.diagnostics.selectors import active_questionnaire, diagnostic_sheet
from consortium.members.models import Organisation

NOT_APPLICABLE = "na"


def check_draft(diagnostic: Diagnostic) -> None:
    if diagnostic.status != DiagnosticStatus.DRAFT:
        raise ValidationError(
            _("Ce diagnostic est terminé : ses réponses ne changent plus. Commencez-en un nouveau.")
        )


@transaction.atomic
def diagnostic_start(*, organisation: Organisation, by=None) -> tuple[Diagnostic, bool]:
    """The organisation's draft, or a new one on the active questionnaire; says if it is new."""
    draft = organisation.diagnostics.filter(status=DiagnosticStatus.DRAFT).first()
    if draft is not None:
        return draft, False
    questionnaire = active_questionnaire()
    if questionnaire is None:
        raise ValidationError(_("Aucun questionnaire de diagnostic n'est offert pour l'instant."))
    try:
        with transaction.atomic():
            diagnostic = Diagnostic.objects.create(
                organisation=organisation, questionnaire=questionnaire, started_by=by
            )
    except IntegrityError:
        # A colleague started it at the same moment: theirs is the organisation's draft.
        return organisation.diagnostics.get(status=DiagnosticStatus.DRAFT), False
    return diagnostic, True


@transaction.atomic
def diagnostic_answers_save(*, diagnostic: Diagnostic, answers: dict[int, str], by=None) -> None:
    """Record the answers of some questions: {question id: option id, "na", or "" to clear}."""
    diagnostic = Diagnostic.objects.select_for_update().get(pk=diagnostic.pk)
    check_draft(diagnostic)
    questions = {
        question.pk: question
        for question in Question.objects.filter(
            pk__in=list(answers), section__questionnaire_id=diagnostic.questionnaire_id
        ).prefetch_related("options")
    }
    errors = {}
    for question_id, value in answers.items():
        question = questions.get(question_id)
        if question is None:
            errors[f"question_{question_id}"] = _("Cette question n'est pas de ce questionnaire.")
            continue
        value = (value or "").strip()
        if not value:
            DiagnosticAnswer.objects.filter(diagnostic=diagnostic, question=question).delete()
            continue
        if value == NOT_APPLICABLE:
            if not question.allows_not_applicable:
                errors[f"question_{question_id}"] = _(
                    "« Ne s'applique pas » n'est pas offert pour cette question."
                )
                continue
            option = None
        else:
            option = next((o for o in question.options.all() if str(o.pk) == value), None)
            if option is None:
                errors[f"question_{question_id}"] = _("Choisissez une des réponses proposées.")
                continue
        DiagnosticAnswer.objects.update_or_create(
            diagnostic=diagnostic,
            question=question,
            defaults={
                "option": option,
                "not_applicable": option is None,
                "answered_by": by,
            },
        )
    if errors:
        raise ValidationError(errors)
    diagnostic.save(update_fields=["updated_at"])


@transaction.atomic
def diagnostic_finish(*, diagnostic: Diagnostic, by=None) -> Diagnostic:
    """Score the diagnostic and keep the scores; its answers are locked from now on."""
    diagnostic = Diagnostic.objects.select_for_update().get(pk=diagnostic.pk)
    check_draft(diagnostic)
    sheet = diagnostic_sheet(diagnostic)
    questions = sheet.scored_questions()
    if sheet.answered == 0:
        raise ValidationError(_("Répondez à au moins une question avant de terminer."))
    scores = section_scores(questions)
    SectionScore.objects.bulk_create(
        SectionScore(
            diagnostic=diagnostic,
            section=section.section,
            score_pct=scores[section.section.pk].pct if section.questions else None,
            answered=sum(
                1
                for question in section.questions
                if question.answer is not None and not question.answer.not_applicable
            ),
        )
        for section in sheet.sections
    )
    diagnostic.status = DiagnosticStatus.FINISHED
    diagnostic.finished_at = timezone.now()
    diagnostic.finished_by = by
    diagnostic.overall_pct = overall_score(questions).pct
    diagnostic.full_clean()
    diagnostic.save()
    return diagnostic
