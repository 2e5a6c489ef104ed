"""Reads of surveys: the report's figures of a year, a survey's results question by question,
the answers for the CSV export, the surveys a contact or a staff member has to answer.

Every figure is counted in SQL and computed by `surveys.figures`; the query counts do not grow
with the number of answers.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Exists, Max, OuterRef, Q, QuerySet, Subquery, Sum
from django.utils.translation import gettext as _

from consortium.core.numbers import TENTH, as_decimal
from consortium.surveys import figures
from consortium.surveys.models import (
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

FAVOURABLE = Q(int_value__gte=figures.FAVOURABLE_FROM)
EVERY_ANSWER = Q()


def _benchmark(value) -> Decimal | None:
    return None if value is None else as_decimal(value).quantize(TENTH)


def _satisfaction_counts_of(among: Q = EVERY_ANSWER) -> dict:
    """The would-recommend and 0-10 counts, as aggregates of answers (narrowed by `among`)."""
    recommend = among & Q(question__measure=Measure.WOULD_RECOMMEND, bool_value__isnull=False)
    likely = among & Q(question__measure=Measure.LIKELIHOOD, int_value__isnull=False)
    return {
        "yes": Count("pk", filter=recommend & Q(bool_value=True)),
        "answers": Count("pk", filter=recommend),
        "promoters": Count("pk", filter=likely & Q(int_value__gte=figures.PROMOTERS_FROM)),
        "detractors": Count("pk", filter=likely & Q(int_value__lte=figures.DETRACTORS_UP_TO)),
        "likely": Count("pk", filter=likely),
    }


def _engagement_counts_of(among: Q = EVERY_ANSWER) -> dict:
    """The engagement items answered (« ne s'applique pas » left out) and the favourable ones."""
    item = among & Q(
        question__measure=Measure.ENGAGEMENT, not_applicable=False, int_value__isnull=False
    )
    return {
        "favourable": Count("pk", filter=item & FAVOURABLE),
        "answered": Count("pk", filter=item),
    }


def _satisfaction_counts(answers: QuerySet[Answer]) -> dict:
    return answers.aggregate(**_satisfaction_counts_of())


def _engagement_counts(answers: QuerySet[Answer]) -> dict:
    return answers.aggregate(**_engagement_counts_of())


def surveys_report(fiscal_year: str) -> dict:
    """The year's would-recommend rate (yes ÷ answers), NPS and engagement rate against its
    benchmark, each in % with one decimal, None when nobody answered (or, for the engagement
    rate, fewer than 5 people). Two queries whatever the number of answers: the answers counted
    by measure, then the engagement survey's benchmark, respondents and carried-over scores."""
    year_answers = Answer.objects.filter(response__survey__fiscal_year__name=fiscal_year)
    satisfaction_kind = Q(response__survey__kind=SurveyKind.SATISFACTION)
    engagement_kind = Q(response__survey__kind=SurveyKind.ENGAGEMENT)
    counts = year_answers.filter(satisfaction_kind | engagement_kind).aggregate(
        **_satisfaction_counts_of(satisfaction_kind), **_engagement_counts_of(engagement_kind)
    )
    engagement = Survey.objects.filter(
        fiscal_year__name=fiscal_year, kind=SurveyKind.ENGAGEMENT
    ).aggregate(
        benchmark=Max("benchmark_pct"),
        legacy_total=Sum("responses__legacy_score"),
        legacy_count=Count("responses__legacy_score"),
        respondents=Count("responses"),
    )
    score = figures.nps(counts["promoters"], counts["detractors"], counts["likely"])
    return {
        "would_recommend_pct": figures.would_recommend_pct(counts["yes"], counts["answers"]),
        "satisfaction_respondents": counts["answers"],
        "nps": score.value,
        "nps_respondents": score.respondents,
        "engagement_pct": figures.engagement_pct(
            favourable=counts["favourable"],
            answered=counts["answered"],
            respondents=engagement["respondents"],
            legacy_total=engagement["legacy_total"],
            legacy_count=engagement["legacy_count"],
        ),
        "engagement_benchmark_pct": _benchmark(engagement["benchmark"]),
        "engagement_respondents": engagement["respondents"],
    }


# --- lists -----------------------------------------------------------------------------------


def surveys_with_counts() -> QuerySet[Survey]:
    """Every survey, newest year first, with its number of questions and responses."""
    return (
        Survey.objects.select_related("fiscal_year")
        .annotate(
            question_count=Count("questions", distinct=True),
            response_count=Count("responses", distinct=True),
        )
        .order_by("-fiscal_year__start_date", "kind", "pk")
    )


def member_surveys_for(organisation) -> QuerySet[Survey]:
    """The members' surveys an organisation sees on the portal (open or closed, never drafts),
    each with when it answered (`answered_at`, None if it did not)."""
    answered = Response.objects.filter(survey=OuterRef("pk"), organisation=organisation)
    return (
        Survey.objects.filter(audience=Audience.MEMBERS)
        .exclude(status=SurveyStatus.DRAFT)
        .annotate(
            answered_at=Subquery(answered.values("submitted_at")[:1]),
        )
        .select_related("fiscal_year")
        .order_by("status", "-fiscal_year__start_date", "-opens_on", "pk")
    )


def open_staff_surveys_for(user) -> QuerySet[Survey]:
    """The open staff surveys, each saying whether `user` already answered."""
    return (
        Survey.objects.filter(audience=Audience.STAFF, status=SurveyStatus.OPEN)
        .annotate(
            has_answered=Exists(Participation.objects.filter(survey=OuterRef("pk"), user=user))
        )
        .order_by("-opens_on", "pk")
    )


def survey_questions(survey: Survey) -> list[Question]:
    """The questions in order, with their choices (two queries)."""
    return list(survey.questions.prefetch_related("choices").order_by("position", "pk"))


def response_initial(response: Response | None) -> dict[str, object]:
    """The form's initial values from a response (its answers and their choices: two queries)."""
    if response is None:
        return {}
    initial: dict[str, object] = {}
    for answer in response.answers.select_related("question").prefetch_related("choices"):
        question = answer.question
        name = f"q_{question.pk}"
        if answer.not_applicable:
            initial[name] = "na"
        elif question.kind == QuestionKind.YES_NO:
            initial[name] = "yes" if answer.bool_value else "no"
        elif question.kind in (QuestionKind.SCALE_0_10, QuestionKind.LIKERT_5):
            initial[name] = str(answer.int_value)
        elif question.kind == QuestionKind.TEXT:
            initial[name] = answer.text_value
        elif question.kind == QuestionKind.SINGLE:
            picked = [str(choice.pk) for choice in answer.choices.all()]
            initial[name] = picked[0] if picked else ""
        else:
            initial[name] = [str(choice.pk) for choice in answer.choices.all()]
    return initial


# --- results ---------------------------------------------------------------------------------


@dataclass
class QuestionResult:
    question: Question
    # (label, count) in the order of the scale or the choices
    counts: list[tuple[str, int]] = field(default_factory=list)
    answered: int = 0
    not_applicable: int = 0
    texts: list[tuple[str, str]] = field(default_factory=list)  # (organisation or "", text)
    mean: Decimal | None = None


@dataclass
class GroupResult:
    name: str
    respondents: int
    engagement_pct: Decimal | None

    @property
    def suppressed(self) -> bool:
        return figures.is_suppressed(self.respondents)


@dataclass
class SurveyResults:
    survey: Survey
    respondents: int
    questions: list[QuestionResult]
    would_recommend_pct: Decimal | None
    nps: figures.Nps
    engagement_pct: Decimal | None
    groups: list[GroupResult]

    @property
    def suppressed(self) -> bool:
        """A staff survey of fewer than 5 respondents shows nothing."""
        return self.survey.for_staff and figures.is_suppressed(self.respondents)


def _labels(question: Question) -> list[tuple[object, str]]:
    if question.kind == QuestionKind.YES_NO:
        return [(True, _("Oui")), (False, _("Non"))]
    if question.kind == QuestionKind.SCALE_0_10:
        return [(value, str(value)) for value in range(11)]
    if question.kind == QuestionKind.LIKERT_5:
        return [(value, str(value)) for value in range(1, 6)]
    return [(choice.pk, choice.label) for choice in question.choices.all()]


def survey_results(survey: Survey) -> SurveyResults:
    """Everything the results page shows, in six queries whatever the number of answers:
    questions, choices, value counts, choice counts, free texts, department groups."""
    questions = survey_questions(survey)
    answers = Answer.objects.filter(response__survey=survey)
    value_counts = (
        answers.exclude(
            question__kind__in=[QuestionKind.TEXT, QuestionKind.SINGLE, QuestionKind.MULTIPLE]
        )
        .values("question_id", "bool_value", "int_value", "not_applicable")
        .annotate(n=Count("pk"))
        .order_by()
    )
    by_value: dict[int, dict[object, int]] = defaultdict(dict)
    not_applicable: dict[int, int] = defaultdict(int)
    for row in value_counts:
        if row["not_applicable"]:
            not_applicable[row["question_id"]] += row["n"]
            continue
        value = row["bool_value"] if row["bool_value"] is not None else row["int_value"]
        by_value[row["question_id"]][value] = row["n"]
    choice_counts = dict(
        Choice.objects.filter(question__survey=survey)
        .annotate(n=Count("answers"))
        .values_list("pk", "n")
    )
    chosen_answers = dict(
        answers.filter(question__kind__in=[QuestionKind.SINGLE, QuestionKind.MULTIPLE])
        .values("question_id")
        .annotate(n=Count("pk"))
        .values_list("question_id", "n")
    )
    texts: dict[int, list[tuple[str, str]]] = defaultdict(list)
    text_rows = answers.filter(question__kind=QuestionKind.TEXT).exclude(text_value="")
    if survey.for_staff:
        # No name, no department next to a free text: it could identify its writer.
        for question_id, text in text_rows.order_by("?").values_list("question_id", "text_value"):
            texts[question_id].append(("", text))
    else:
        for question_id, name, text in text_rows.order_by(
            "response__organisation__name"
        ).values_list("question_id", "response__organisation__name", "text_value"):
            texts[question_id].append((name or "", text))

    results = []
    for question in questions:
        result = QuestionResult(question=question, not_applicable=not_applicable[question.pk])
        if question.kind == QuestionKind.TEXT:
            result.texts = texts[question.pk]
            result.answered = len(result.texts)
        elif question.has_choices:
            result.counts = [(label, choice_counts.get(key, 0)) for key, label in _labels(question)]
            result.answered = chosen_answers.get(question.pk, 0)
        else:
            counts = by_value[question.pk]
            result.counts = [(label, counts.get(key, 0)) for key, label in _labels(question)]
            result.answered = sum(counts.values())
            if question.kind != QuestionKind.YES_NO and result.answered:
                total = sum(key * counts.get(key, 0) for key, _label in _labels(question))
                result.mean = (Decimal(total) / result.answered).quantize(TENTH)
        results.append(result)

    respondents = survey.responses.count()
    satisfaction = _satisfaction_counts(answers)
    engagement = _engagement_counts(answers)
    legacy = survey.responses.aggregate(total=Sum("legacy_score"), count=Count("legacy_score"))
    groups = []
    if survey.for_staff:
        rows = (
            Response.objects.filter(survey=survey)
            .values("department__name_fr", "department__name_en")
            .annotate(
                respondents=Count("pk", distinct=True),
                favourable=Count(
                    "answers",
                    filter=Q(
                        answers__question__measure=Measure.ENGAGEMENT,
                        answers__int_value__gte=figures.FAVOURABLE_FROM,
                    ),
                ),
                answered=Count(
                    "answers",
                    filter=Q(
                        answers__question__measure=Measure.ENGAGEMENT,
                        answers__not_applicable=False,
                        answers__int_value__isnull=False,
                    ),
                ),
            )
            .order_by("department__name_fr")
        )
        from django.utils.translation import gettext as _

        from consortium.core.languages import english_is_active

        for row in rows:
            name = (
                row["department__name_en"]
                if english_is_active() and row["department__name_en"]
                else row["department__name_fr"]
            ) or _("Sans département")
            groups.append(
                GroupResult(
                    name=name,
                    respondents=row["respondents"],
                    engagement_pct=figures.engagement_pct(
                        favourable=row["favourable"],
                        answered=row["answered"],
                        respondents=row["respondents"],
                    ),
                )
            )
    return SurveyResults(
        survey=survey,
        respondents=respondents,
        questions=results,
        would_recommend_pct=figures.would_recommend_pct(
            satisfaction["yes"], satisfaction["answers"]
        ),
        nps=figures.nps(
            satisfaction["promoters"], satisfaction["detractors"], satisfaction["likely"]
        ),
        engagement_pct=figures.engagement_pct(
            favourable=engagement["favourable"],
            answered=engagement["answered"],
            respondents=respondents,
            legacy_total=legacy["total"],
            legacy_count=legacy["count"],
        ),
        groups=groups,
    )


def export_rows(survey: Survey, questions: list[Question]):
    """One dict per response: `organisation` (members' surveys) or `department` (staff), and
    the answer to each question by its id, as text. Three queries, streamed by response."""
    responses = Response.objects.filter(survey=survey).order_by("pk")
    if survey.for_staff:
        responses = responses.values("pk", "department__name_fr")
    else:
        responses = responses.values(
            "pk", "organisation__code", "organisation__name", "submitted_at"
        )
    choice_labels = {
        choice.pk: choice.label for question in questions for choice in question.choices.all()
    }
    values: dict[int, dict[int, str]] = defaultdict(dict)
    answers = Answer.objects.filter(response__survey=survey).values_list(
        "response_id", "question_id", "bool_value", "int_value", "text_value", "not_applicable"
    )
    for response_id, question_id, bool_value, int_value, text_value, na in answers:
        if na:
            text = _("Ne s'applique pas")
        elif bool_value is not None:
            text = _("Oui") if bool_value else _("Non")
        elif int_value is not None:
            text = str(int_value)
        else:
            text = text_value
        values[response_id][question_id] = text
    chosen = (
        Answer.choices.through.objects.filter(answer__response__survey=survey)
        .values_list("answer__response_id", "answer__question_id", "choice_id")
        .order_by("choice__position", "choice_id")
    )
    picked: dict[tuple[int, int], list[str]] = defaultdict(list)
    for response_id, question_id, choice_id in chosen:
        picked[(response_id, question_id)].append(choice_labels.get(choice_id, ""))
    for (response_id, question_id), labels in picked.items():
        values[response_id][question_id] = " ; ".join(labels)
    for response in responses:
        yield {**response, "answers": values.get(response["pk"], {})}
