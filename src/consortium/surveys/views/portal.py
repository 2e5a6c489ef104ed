"""The portal's survey pages, under /portail/<code>/sondages/: the members' surveys of the
organisation (to answer, answered on …, closed) and the answer form, which a colleague of the
same organisation sees filled and may change while the survey is open; read only once closed.

The organisation comes from `portal_organisation_for_change`: only the organisations the contact
represents (a federation's contact does not answer for its enterprises); anything else is 404.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from consortium.accounts.access import portal_organisation_for_change, portal_required
from consortium.surveys.forms import AnswerForm
from consortium.surveys.models import Audience, Response, Survey, SurveyStatus
from consortium.surveys.selectors import member_surveys_for, response_initial, survey_questions
from consortium.surveys.services import response_submit


@portal_required
def survey_list(request: HttpRequest, code: str) -> HttpResponse:
    organisation = portal_organisation_for_change(request.user, code)
    surveys = list(member_surveys_for(organisation))
    return render(
        request,
        "surveys/portal_list.html",
        {
            "organisation": organisation,
            "open_surveys": [s for s in surveys if s.status == SurveyStatus.OPEN],
            "closed_surveys": [s for s in surveys if s.status == SurveyStatus.CLOSED],
        },
    )


@portal_required
def survey_answer(request: HttpRequest, code: str, survey_id: int) -> HttpResponse:
    organisation = portal_organisation_for_change(request.user, code)
    survey = get_object_or_404(
        Survey.objects.exclude(status=SurveyStatus.DRAFT),
        pk=survey_id,
        audience=Audience.MEMBERS,
    )
    response = Response.objects.filter(survey=survey, organisation=organisation).first()
    questions = survey_questions(survey)
    read_only = not survey.is_open
    data = request.POST if request.method == "POST" and not read_only else None
    form = AnswerForm(
        data, questions=questions, read_only=read_only, initial=response_initial(response)
    )
    if data is not None and form.is_valid():
        try:
            response_submit(survey=survey, organisation=organisation, values=form.values())
        except ValidationError as error:
            form.add_refusal(error)
        else:
            messages.success(
                request, _("Merci : la réponse de votre organisation est enregistrée.")
            )
            return redirect("surveys_portal:list", code=organisation.code)
    return render(
        request,
        "surveys/portal_answer.html",
        {
            "organisation": organisation,
            "survey": survey,
            "form": form,
            "response": response,
            "read_only": read_only,
        },
        status=400 if data is not None else 200,
    )
