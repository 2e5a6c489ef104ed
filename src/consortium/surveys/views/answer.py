"""A staff member answering an open staff survey (/sondages/<id>/repondre/): once, anonymously.
The response keeps the department only; `Participation` says that the person answered."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from consortium.accounts.access import STAFF_ROLES, role_required
from consortium.accounts.selectors import expert_for_user
from consortium.surveys.forms import AnswerForm
from consortium.surveys.models import Audience, Participation, Survey, SurveyStatus
from consortium.surveys.selectors import survey_questions
from consortium.surveys.services import staff_response_submit


@role_required(*STAFF_ROLES)
def staff_answer(request: HttpRequest, survey_id: int) -> HttpResponse:
    survey = get_object_or_404(
        Survey, pk=survey_id, audience=Audience.STAFF, status=SurveyStatus.OPEN
    )
    if Participation.objects.filter(survey=survey, user=request.user).exists():
        return render(request, "surveys/staff_answered.html", {"survey": survey})
    questions = survey_questions(survey)
    form = AnswerForm(request.POST or None, questions=questions)
    if request.method == "POST" and form.is_valid():
        expert = expert_for_user(request.user)
        try:
            staff_response_submit(
                survey=survey,
                user=request.user,
                department=expert.department if expert else None,
                values=form.values(),
            )
        except ValidationError as error:
            form.add_refusal(error)
        else:
            messages.success(request, _("Merci : votre réponse anonyme est enregistrée."))
            return redirect("surveys:survey_list")
    if not questions:
        raise Http404
    return render(request, "surveys/staff_answer.html", {"survey": survey, "form": form})
