"""Writes to surveys. Every write runs in a transaction and calls `full_clean()`.

A survey's questions change only while it is a draft; answers are taken only while it is open
(the satisfaction import excepted: it records answers given elsewhere). A members' survey has one
response per organisation, which a colleague may change while the survey is open; a staff
survey takes one anonymous response per person (`Participation` says who answered, never what).
"""

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from consortium.core.models import FiscalYear
from consortium.core.services import row_save
from consortium.members.models import Organisation
from consortium.staff.models import Department
from consortium.surveys.models import (
    CHOICE_KINDS,
    Answer,
    Audience,
    Choice,
    Measure,
    Participation,
    Question,
    QuestionKind,
    Response,
    Survey,
    SurveyKind,
    SurveyStatus,
)
from consortium.surveys.starters import STARTER_QUESTIONS, WOULD_RECOMMEND

NOT_APPLICABLE = "na"
YES_VALUES = {True, "yes", "oui", "1"}
NO_VALUES = {False, "no", "non", "0"}


# --- surveys ---------------------------------------------------------------------------------


def _locked(survey: Survey) -> Survey:
    return Survey.objects.select_for_update().get(pk=survey.pk)


@transaction.atomic
def survey_create(
    *,
    fiscal_year: FiscalYear,
    kind: str,
    audience: str,
    title_fr: str,
    opens_on: dt.date,
    closes_on: dt.date,
    title_en: str = "",
    intro_fr: str = "",
    intro_en: str = "",
    benchmark_pct: Decimal | None = None,
    starter: str | None = None,
) -> Survey:
    """A draft survey, with the questions of `starter` ("satisfaction", "engagement") if given."""
    survey = row_save(
        Survey(),
        fiscal_year=fiscal_year,
        kind=kind,
        audience=audience,
        title_fr=title_fr,
        title_en=title_en,
        intro_fr=intro_fr,
        intro_en=intro_en,
        opens_on=opens_on,
        closes_on=closes_on,
        benchmark_pct=benchmark_pct,
        status=SurveyStatus.DRAFT,
    )
    for position, (q_kind, measure, text_fr, text_en, required) in enumerate(
        STARTER_QUESTIONS.get(starter or "", []), start=1
    ):
        row_save(
            Question(),
            survey=survey,
            position=position,
            kind=q_kind,
            measure=measure,
            text_fr=text_fr,
            text_en=text_en,
            required=required,
        )
    return survey


@transaction.atomic
def survey_update(*, survey: Survey, **values: Any) -> Survey:
    """Change a survey's title, introduction, period, benchmark (its kind and audience too while
    it is a draft)."""
    survey = _locked(survey)
    if not survey.is_draft and ({"kind", "audience"} & values.keys()):
        changed = any(
            getattr(survey, name) != values[name] for name in ("kind", "audience") if name in values
        )
        if changed:
            raise ValidationError(
                _("Le type et le public d'un sondage changent seulement en brouillon.")
            )
    values.pop("status", None)
    return row_save(survey, **values)


@transaction.atomic
def survey_open(*, survey: Survey) -> Survey:
    """Open a draft survey to answers: it needs at least one question."""
    survey = _locked(survey)
    if not survey.is_draft:
        raise ValidationError(_("Seul un sondage en brouillon peut être ouvert."))
    if not survey.questions.exists():
        raise ValidationError(_("Ajoutez au moins une question avant d'ouvrir le sondage."))
    return row_save(survey, status=SurveyStatus.OPEN)


@transaction.atomic
def survey_close(*, survey: Survey) -> Survey:
    """Close an open survey: its answers are read only from now on."""
    survey = _locked(survey)
    if not survey.is_open:
        raise ValidationError(_("Seul un sondage ouvert peut être fermé."))
    return row_save(survey, status=SurveyStatus.CLOSED)


@transaction.atomic
def survey_delete(*, survey: Survey) -> None:
    """Delete a draft survey (one that took answers is kept)."""
    survey = _locked(survey)
    if not survey.is_draft or survey.responses.exists():
        raise ValidationError(_("Seul un sondage en brouillon, sans réponse, peut être supprimé."))
    survey.delete()


# --- questions -------------------------------------------------------------------------------


def _check_draft(survey: Survey) -> None:
    if not survey.is_draft:
        raise ValidationError(
            _("Les questions changent seulement tant que le sondage est un brouillon.")
        )


def _clean_choices(kind: str, choices: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    kept = [(french.strip(), english.strip()) for french, english in choices if french.strip()]
    if kind in CHOICE_KINDS and len(kept) < 2:
        raise ValidationError({"choices": _("Une question à choix offre au moins deux choix.")})
    if kind not in CHOICE_KINDS and kept:
        raise ValidationError(
            {"choices": _("Seules les questions à choix unique ou multiples ont des choix.")}
        )
    return kept


def _save_question(
    question: Question, choices: Iterable[tuple[str, str]], **values: Any
) -> Question:
    kept = _clean_choices(values["kind"], choices)
    row_save(question, **values)
    question.choices.all().delete()
    for position, (label_fr, label_en) in enumerate(kept, start=1):
        row_save(
            Choice(), question=question, position=position, label_fr=label_fr, label_en=label_en
        )
    return question


@transaction.atomic
def question_add(
    *,
    survey: Survey,
    kind: str,
    text_fr: str,
    text_en: str = "",
    required: bool = False,
    measure: str = "",
    choices: Iterable[tuple[str, str]] = (),
) -> Question:
    """Add a question at the end of a draft survey; `choices` are (French, English) labels."""
    survey = _locked(survey)
    _check_draft(survey)
    last = survey.questions.aggregate(last=Max("position"))["last"] or 0
    return _save_question(
        Question(),
        choices,
        survey=survey,
        position=last + 1,
        kind=kind,
        text_fr=text_fr,
        text_en=text_en,
        required=required,
        measure=measure,
    )


@transaction.atomic
def question_update(
    *,
    question: Question,
    kind: str,
    text_fr: str,
    text_en: str = "",
    required: bool = False,
    measure: str = "",
    choices: Iterable[tuple[str, str]] = (),
) -> Question:
    _check_draft(_locked(question.survey))
    return _save_question(
        Question.objects.select_for_update().get(pk=question.pk),
        choices,
        kind=kind,
        text_fr=text_fr,
        text_en=text_en,
        required=required,
        measure=measure,
    )


@transaction.atomic
def question_delete(*, question: Question) -> None:
    _check_draft(_locked(question.survey))
    question.delete()


@transaction.atomic
def question_move(*, question: Question, up: bool) -> None:
    """Swap a question with the one before (`up`) or after it; positions become 1..n."""
    survey = _locked(question.survey)
    _check_draft(survey)
    ids = list(survey.questions.order_by("position", "pk").values_list("pk", flat=True))
    index = ids.index(question.pk)
    other = index - 1 if up else index + 1
    if 0 <= other < len(ids):
        ids[index], ids[other] = ids[other], ids[index]
    for position, pk in enumerate(ids, start=1):
        Question.objects.filter(pk=pk).update(position=position)


# --- answers ---------------------------------------------------------------------------------


def _named(question: Question, message: str) -> ValidationError:
    """An error on the question's field, naming the question (the field is its id)."""
    return ValidationError({f"q_{question.pk}": f"« {question.text} » : {message}"})


def _is_blank(raw: Any) -> bool:
    return raw is None or raw == "" or raw == [] or raw == ()


def _integer(question: Question, raw: Any, low: int, high: int) -> int:
    try:
        value = int(raw)
    except (TypeError, ValueError):
        value = None
    if value is None or not low <= value <= high:
        raise _named(
            question,
            _("choisissez une valeur de %(low)s à %(high)s.") % {"low": low, "high": high},
        )
    return value


def answer_values(question: Question, raw: Any, choices: dict[int, Choice]) -> dict | None:
    """The fields of the answer `raw` gives to `question` (None: not answered); a value that does
    not fit the question's kind is refused with a French message naming the question."""
    if isinstance(raw, str):
        raw = raw.strip()
    if _is_blank(raw):
        if question.required:
            raise _named(question, _("une réponse est obligatoire."))
        return None
    kind = question.kind
    if kind == QuestionKind.YES_NO:
        if raw in YES_VALUES:
            return {"bool_value": True}
        if raw in NO_VALUES:
            return {"bool_value": False}
        raise _named(question, _("répondez oui ou non."))
    if kind == QuestionKind.SCALE_0_10:
        return {"int_value": _integer(question, raw, 0, 10)}
    if kind == QuestionKind.LIKERT_5:
        if raw == NOT_APPLICABLE:
            return {"not_applicable": True}
        return {"int_value": _integer(question, raw, 1, 5)}
    if kind == QuestionKind.TEXT:
        return {"text_value": str(raw)}
    picked = raw if isinstance(raw, list | tuple | set) else [raw]
    try:
        ids = {int(value) for value in picked}
    except (TypeError, ValueError):
        ids = {0}
    if not ids <= choices.keys():
        raise _named(question, _("choisissez parmi les choix proposés."))
    if kind == QuestionKind.SINGLE and len(ids) != 1:
        raise _named(question, _("choisissez un seul choix."))
    return {"choices": sorted(ids)}


def _answers_checked(survey: Survey, values: dict[int, Any]) -> list[tuple[Question, dict]]:
    questions = list(survey.questions.prefetch_related("choices"))
    errors: dict[str, list] = {}
    checked = []
    for question in questions:
        choices = {choice.pk: choice for choice in question.choices.all()}
        try:
            fields = answer_values(question, values.get(question.pk), choices)
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                errors.setdefault(field, []).extend(messages)
            continue
        if fields is not None:
            checked.append((question, fields))
    if errors:
        raise ValidationError(errors)
    return checked


def _write_answers(response: Response, checked: list[tuple[Question, dict]]) -> None:
    response.answers.all().delete()
    for question, fields in checked:
        fields = dict(fields)
        picked = fields.pop("choices", None)
        answer = Answer(response=response, question=question, **fields)
        answer.full_clean(exclude=("response", "question"))
        answer.save()
        if picked:
            answer.choices.set(picked)


@transaction.atomic
def response_submit(
    *, survey: Survey, organisation: Organisation, values: dict[int, Any]
) -> tuple[Response, bool]:
    """An organisation's answers to an open members' survey, replacing its earlier ones (a
    colleague may change them while the survey is open); says if the response is new.

    `values` maps a question's id to its raw answer: "yes"/"no", an integer, "na" (« ne
    s'applique pas », Likert only), a choice id or a list of them, a text.
    """
    survey = _locked(survey)
    if survey.audience != Audience.MEMBERS:
        raise ValidationError(_("Ce sondage s'adresse au personnel."))
    if not survey.is_open:
        raise ValidationError(_("Ce sondage n'est pas ouvert : ses réponses ne changent plus."))
    checked = _answers_checked(survey, values)
    response = (
        Response.objects.select_for_update()
        .filter(survey=survey, organisation=organisation)
        .first()
    )
    created = response is None
    response = row_save(
        response or Response(),
        survey=survey,
        organisation=organisation,
        submitted_at=timezone.now(),
    )
    _write_answers(response, checked)
    return response, created


@transaction.atomic
def staff_response_submit(
    *, survey: Survey, user, department: Department | None, values: dict[int, Any]
) -> Response:
    """A staff member's anonymous answers to an open staff survey, once per person.

    The response keeps the department only; the participation row says that `user` answered,
    with no key to the response (Law 25).
    """
    survey = _locked(survey)
    if survey.audience != Audience.STAFF:
        raise ValidationError(_("Ce sondage s'adresse aux organisations membres."))
    if not survey.is_open:
        raise ValidationError(_("Ce sondage n'est pas ouvert."))
    if Participation.objects.filter(survey=survey, user=user).exists():
        raise ValidationError(_("Vous avez déjà répondu à ce sondage."))
    checked = _answers_checked(survey, values)
    try:
        with transaction.atomic():
            Participation.objects.create(survey=survey, user=user)
    except IntegrityError as error:
        raise ValidationError(_("Vous avez déjà répondu à ce sondage.")) from error
    response = row_save(
        Response(), survey=survey, department=department, submitted_at=timezone.now()
    )
    _write_answers(response, checked)
    return response


# --- the satisfaction import -----------------------------------------------------------------


@transaction.atomic
def satisfaction_survey_ensure(*, fiscal_year: FiscalYear) -> tuple[Survey, bool]:
    """The year's satisfaction survey with its would-recommend question, created (closed: its
    answers come from elsewhere) if missing; says if created."""
    survey = (
        Survey.objects.select_for_update()
        .filter(fiscal_year=fiscal_year, kind=SurveyKind.SATISFACTION)
        .first()
    )
    created = survey is None
    if created:
        survey = row_save(
            Survey(),
            fiscal_year=fiscal_year,
            kind=SurveyKind.SATISFACTION,
            audience=Audience.MEMBERS,
            title_fr=_("Sondage de satisfaction %(year)s") % {"year": fiscal_year.name},
            opens_on=fiscal_year.start_date,
            closes_on=fiscal_year.end_date,
            status=SurveyStatus.CLOSED,
        )
    if not survey.questions.filter(measure=Measure.WOULD_RECOMMEND).exists():
        last = survey.questions.aggregate(last=Max("position"))["last"] or 0
        row_save(
            Question(),
            survey=survey,
            position=last + 1,
            kind=QuestionKind.YES_NO,
            measure=Measure.WOULD_RECOMMEND,
            text_fr=WOULD_RECOMMEND[0],
            text_en=WOULD_RECOMMEND[1],
            required=True,
        )
    return survey, created


@transaction.atomic
def satisfaction_answer_record(
    *, survey: Survey, organisation: Organisation, would_recommend: bool
) -> tuple[Answer, bool]:
    """Record an organisation's would-recommend answer, given outside the portal (an import),
    replacing its earlier one and leaving its other answers as they are; says if created."""
    question = survey.questions.get(measure=Measure.WOULD_RECOMMEND)
    response = (
        Response.objects.select_for_update()
        .filter(survey=survey, organisation=organisation)
        .first()
    )
    if response is None:
        response = row_save(
            Response(), survey=survey, organisation=organisation, submitted_at=timezone.now()
        )
    answer = Answer.objects.filter(response=response, question=question).first()
    created = answer is None
    answer = row_save(
        answer or Answer(),
        response=response,
        question=question,
        bool_value=would_recommend,
    )
    return answer, created


@transaction.atomic
def surveys_delete() -> int:
    """Delete every survey and its answers (the demo rebuilds them); returns how many rows."""
    count, _by_model = Survey.objects.all().delete()
    return count
