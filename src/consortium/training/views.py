"""The training pages, under /formation/: courses by year with their totals, and a course's
form with the experts who took it. For directors and administrators; others get 403."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from consortium.accounts.access import (
    TRAINING_ROLES,
    course_for_change,
    request_roles,
    role_required,
)
from consortium.core.forms import add_service_errors
from consortium.training import selectors, services
from consortium.training.forms import COURSE_FIELDS, CourseForm
from consortium.training.models import Course


@role_required(*TRAINING_ROLES)
def course_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "training/course_list.html",
        {"section": "training", "years": selectors.courses_by_year()},
    )


def _course_form(request: HttpRequest, course: Course | None) -> HttpResponse:
    initial = {}
    if course is not None:
        initial["experts"] = list(course.records.values_list("expert_id", flat=True))
    form = CourseForm(request.POST or None, instance=course, initial=initial)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in COURSE_FIELDS}
        try:
            services.course_record(course=course, experts=form.cleaned_data["experts"], **fields)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("La formation est enregistrée."))
            return redirect("training:course_list")
    return render(
        request,
        "training/course_form.html",
        {"section": "training", "form": form, "course": course},
        status=400 if form.errors else 200,
    )


@role_required(*TRAINING_ROLES)
def course_create(request: HttpRequest) -> HttpResponse:
    return _course_form(request, None)


@role_required(*TRAINING_ROLES)
def course_update(request: HttpRequest, course_id: int) -> HttpResponse:
    course = course_for_change(
        request.user, among=Course.objects.all(), pk=course_id, roles=request_roles(request)
    )
    return _course_form(request, course)
