"""The workspace's survey pages, under /sondages/: the list by year, a survey built from a
starter, its questions (added, changed, moved, deleted while a draft, HTMX where it helps),
opening and closing, the results with their charts and figures, and the CSV of the answers.

Directors, communications and administrators build surveys; every staff role reads them.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from consortium.accounts.access import STAFF_ROLES, request_holds, role_required
from consortium.accounts.models import RoleKind
from consortium.core.charts import charts_as_svg
from consortium.core.exports import Column, Kind, csv_response
from consortium.core.forms import add_service_errors
from consortium.core.languages import active_language
from consortium.surveys import services
from consortium.surveys.charts import answer_counts_chart
from consortium.surveys.forms import QuestionForm, SurveyCreateForm, SurveyForm
from consortium.surveys.models import Question, Survey
from consortium.surveys.selectors import (
    export_rows,
    open_staff_surveys_for,
    survey_questions,
    survey_results,
    surveys_with_counts,
)

BUILD_ROLES = (RoleKind.DIRECTOR, RoleKind.COMMUNICATIONS, RoleKind.ADMINISTRATOR)


def _may_build(request: HttpRequest) -> bool:
    return request_holds(request, BUILD_ROLES)


def _is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


def _refusal(request: HttpRequest, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


@role_required(*STAFF_ROLES)
def survey_list(request: HttpRequest) -> HttpResponse:
    surveys = list(surveys_with_counts())
    years: dict[str, list[Survey]] = {}
    for survey in surveys:
        years.setdefault(survey.fiscal_year.name, []).append(survey)
    return render(
        request,
        "surveys/survey_list.html",
        {
            "years": years,
            "may_build": _may_build(request),
            "to_answer": [s for s in open_staff_surveys_for(request.user) if not s.has_answered],
        },
    )


@role_required(*BUILD_ROLES)
def survey_create(request: HttpRequest) -> HttpResponse:
    form = SurveyCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            survey = services.survey_create(**form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Le sondage est créé en brouillon."))
            return redirect("surveys:survey_detail", survey_id=survey.pk)
    return render(request, "surveys/survey_form.html", {"form": form, "survey": None})


def _survey(survey_id: int) -> Survey:
    return get_object_or_404(Survey.objects.select_related("fiscal_year"), pk=survey_id)


@role_required(*BUILD_ROLES)
def survey_update(request: HttpRequest, survey_id: int) -> HttpResponse:
    survey = _survey(survey_id)
    fields = list(SurveyForm.base_fields)
    initial = {name: getattr(survey, name) for name in fields}
    initial["fiscal_year"] = survey.fiscal_year.name
    form = SurveyForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.survey_update(survey=survey, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Le sondage est enregistré."))
            return redirect("surveys:survey_detail", survey_id=survey.pk)
    return render(request, "surveys/survey_form.html", {"form": form, "survey": survey})


def _questions_context(request: HttpRequest, survey: Survey) -> dict:
    return {
        "survey": survey,
        "questions": survey_questions(survey),
        "may_edit": survey.is_draft and _may_build(request),
    }


@role_required(*STAFF_ROLES)
def survey_detail(request: HttpRequest, survey_id: int) -> HttpResponse:
    survey = _survey(survey_id)
    context = _questions_context(request, survey)
    context.update(
        may_build=_may_build(request),
        question_form=QuestionForm(prefix="add"),
        response_count=survey.responses.count(),
    )
    return render(request, "surveys/survey_detail.html", context)


def _questions_answer(request: HttpRequest, survey: Survey) -> HttpResponse:
    """The question list again (HTMX swaps it in), or the survey's page."""
    if _is_htmx(request):
        return HttpResponse(
            render_to_string(
                "surveys/_questions.html", _questions_context(request, survey), request=request
            )
        )
    return redirect("surveys:survey_detail", survey_id=survey.pk)


@require_POST
@role_required(*BUILD_ROLES)
def question_add(request: HttpRequest, survey_id: int) -> HttpResponse:
    survey = _survey(survey_id)
    form = QuestionForm(request.POST, prefix="add")
    if form.is_valid():
        try:
            services.question_add(survey=survey, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("La question est ajoutée."))
            return redirect("surveys:survey_detail", survey_id=survey.pk)
    context = _questions_context(request, survey)
    context.update(may_build=True, question_form=form, response_count=0)
    return render(request, "surveys/survey_detail.html", context, status=400)


def _question(survey: Survey, question_id: int) -> Question:
    return get_object_or_404(survey.questions.prefetch_related("choices"), pk=question_id)


@role_required(*BUILD_ROLES)
def question_update(request: HttpRequest, survey_id: int, question_id: int) -> HttpResponse:
    survey = _survey(survey_id)
    question = _question(survey, question_id)
    form = QuestionForm(request.POST or None, initial=QuestionForm.initial_for(question))
    if request.method == "POST" and form.is_valid():
        try:
            services.question_update(question=question, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("La question est enregistrée."))
            return redirect("surveys:survey_detail", survey_id=survey.pk)
    return render(
        request,
        "surveys/question_form.html",
        {"form": form, "survey": survey, "question": question},
    )


@require_POST
@role_required(*BUILD_ROLES)
def question_delete(request: HttpRequest, survey_id: int, question_id: int) -> HttpResponse:
    survey = _survey(survey_id)
    try:
        services.question_delete(question=_question(survey, question_id))
    except ValidationError as error:
        _refusal(request, error)
    return _questions_answer(request, survey)


@require_POST
@role_required(*BUILD_ROLES)
def question_move(request: HttpRequest, survey_id: int, question_id: int) -> HttpResponse:
    survey = _survey(survey_id)
    try:
        services.question_move(
            question=_question(survey, question_id), up=request.POST.get("direction") == "up"
        )
    except ValidationError as error:
        _refusal(request, error)
    return _questions_answer(request, survey)


@require_POST
@role_required(*BUILD_ROLES)
def survey_status_change(request: HttpRequest, survey_id: int, action: str) -> HttpResponse:
    survey = _survey(survey_id)
    change = {"ouvrir": services.survey_open, "fermer": services.survey_close}[action]
    try:
        change(survey=survey)
    except ValidationError as error:
        _refusal(request, error)
    else:
        if action == "ouvrir":
            messages.success(request, _("Le sondage est ouvert aux réponses."))
        else:
            messages.success(request, _("Le sondage est fermé : ses réponses ne changent plus."))
    return redirect("surveys:survey_detail", survey_id=survey.pk)


@require_POST
@role_required(*BUILD_ROLES)
def survey_delete(request: HttpRequest, survey_id: int) -> HttpResponse:
    survey = _survey(survey_id)
    try:
        services.survey_delete(survey=survey)
    except ValidationError as error:
        _refusal(request, error)
        return redirect("surveys:survey_detail", survey_id=survey.pk)
    messages.success(request, _("Le brouillon est supprimé."))
    return redirect("surveys:survey_list")


@role_required(*STAFF_ROLES)
def survey_results_page(request: HttpRequest, survey_id: int) -> HttpResponse:
    survey = _survey(survey_id)
    results = survey_results(survey)
    calls = {
        str(result.question.pk): (answer_counts_chart, (tuple(result.counts),))
        for result in results.questions
        if result.counts and result.answered and not results.suppressed
    }
    charts = charts_as_svg(calls, active_language()) if calls else {}
    for result in results.questions:
        result.chart = charts.get(str(result.question.pk))
    return render(request, "surveys/survey_results.html", {"survey": survey, "results": results})


@role_required(*STAFF_ROLES)
def survey_export(request: HttpRequest, survey_id: int) -> StreamingHttpResponse:
    """One row per response, one column per question; a staff survey's rows name no one (the
    department only)."""
    survey = _survey(survey_id)
    questions = survey_questions(survey)
    if survey.for_staff:
        columns = [Column(_("Département"), lambda row: row["department__name_fr"] or "")]
    else:
        columns = [
            Column(_("Code de l'organisation"), lambda row: row["organisation__code"]),
            Column(_("Organisation"), lambda row: row["organisation__name"]),
            Column(_("Répondu le"), lambda row: row["submitted_at"].date(), Kind.DATE),
        ]
    for position, question in enumerate(questions, start=1):
        columns.append(
            Column(
                f"{position}. {question.text}",
                lambda row, pk=question.pk: row["answers"].get(pk, ""),
            )
        )
    return csv_response(f"sondage-{survey.pk}", columns, export_rows(survey, questions))
