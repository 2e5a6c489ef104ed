"""The projects' pages, under /projets/: the list, a project with its volets (planned against
approved hours, spending), deliverables, expenses, checklist and mandates, the forms that add
them, a deliverable's validation and history, and the funder's progress report as a PDF.

Directors and administrators change projects; an expert reads the projects they work on and
sends the deliverables they own to review (`accounts/access/projects.py`).
"""

from pathlib import Path

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from consortium.accounts.access import (
    PROJECT_CHANGE_ROLES,
    PROJECT_READ_ROLES,
    may_change_projects,
    may_submit_deliverable,
    may_validate_deliverable,
    project_for_change,
    project_for_read,
    projects_visible_to,
    request_roles,
    role_required,
)
from consortium.core.documents import document_stylesheet, html_pdf
from consortium.core.folding import fold
from consortium.core.forms import add_service_errors
from consortium.core.listing import (
    SortColumn,
    page_links,
    paginate,
    per_page,
    per_page_links,
    sort_by,
    sort_headers,
)
from consortium.projects import services
from consortium.projects.forms import (
    ChecklistItemForm,
    DeliverableForm,
    ExpenseForm,
    MandateLinkForm,
    PhaseForm,
    ProjectForm,
    ReturnForm,
    SubmitForm,
    ValidateForm,
)
from consortium.projects.models import Deliverable, StructuringProject, ValidationState
from consortium.projects.selectors import deliverable_history, project_figures, project_rows

STYLESHEET = Path(__file__).resolve().parent / "static" / "projects" / "progress_report.css"


def _projects() -> QuerySet[StructuringProject]:
    return StructuringProject.objects.all()


def _sort_columns() -> list[SortColumn]:
    return [
        SortColumn("code", gettext_lazy("Code"), ("code__folded",)),
        SortColumn("titre", gettext_lazy("Titre"), ("title__folded",)),
        SortColumn("bailleur", gettext_lazy("Bailleur de fonds"), ("funder__folded",)),
        SortColumn("debut", gettext_lazy("Début"), ("start",)),
        SortColumn("montant", gettext_lazy("Montant"), ("amount",), numeric=True),
        SortColumn("depenses", gettext_lazy("Dépensé"), ("spent",), numeric=True),
        SortColumn("heures", gettext_lazy("Heures approuvées"), ("actual_hours",), numeric=True),
    ]


@role_required(*PROJECT_READ_ROLES)
def project_list(request: HttpRequest) -> HttpResponse:
    roles = request_roles(request)
    projects = project_rows(projects_visible_to(request.user, among=_projects(), roles=roles))
    query = request.GET.get("q", "").strip()
    if query:
        word = fold(query)
        projects = (
            projects.filter(title__folded__contains=word)
            | projects.filter(funder__folded__contains=word)
            | projects.filter(code__folded__contains=word)
        )
    columns = _sort_columns()
    projects, current = sort_by(projects, request, columns, default="-debut")
    rows = per_page(request, 25)
    page = paginate(request, projects, rows)
    return render(
        request,
        "projects/project_list.html",
        {
            "page": page,
            "page_links": page_links(request, page),
            "headers": sort_headers(request, columns, current),
            "per_page_links": per_page_links(request, rows),
            "query": query,
            "may_change": may_change_projects(roles),
        },
    )


@role_required(*PROJECT_CHANGE_ROLES)
def project_create(request: HttpRequest) -> HttpResponse:
    form = ProjectForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            project = services.structuring_project_create(**form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Le projet est créé."))
            return redirect("projects:project_detail", project_id=project.pk)
    return render(request, "projects/project_form.html", {"form": form, "project": None})


@role_required(*PROJECT_CHANGE_ROLES)
def project_update(request: HttpRequest, project_id: int) -> HttpResponse:
    project = project_for_change(request.user, project_id, among=_projects())
    form = ProjectForm(request.POST or None, instance=project)
    if request.method == "POST" and form.is_valid():
        try:
            services.structuring_project_update(project=project, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Le projet est enregistré."))
            return redirect("projects:project_detail", project_id=project.pk)
    return render(request, "projects/project_form.html", {"form": form, "project": project})


@role_required(*PROJECT_READ_ROLES)
def project_detail(request: HttpRequest, project_id: int) -> HttpResponse:
    roles = request_roles(request)
    project = project_for_read(request.user, project_id, among=_projects(), roles=roles)
    return render(
        request,
        "projects/project_detail.html",
        {"figures": project_figures(project), "may_change": may_change_projects(roles)},
    )


def _add_phase(project, data: dict, by):
    last = max((phase.order for phase in project.phases.all()), default=0)
    return services.project_phase_create(project=project, order=last + 1, **data)


def _add_deliverable(project, data: dict, by):
    phase = data.pop("phase")
    last = max((d.order for d in phase.deliverables.all()), default=0)
    return services.deliverable_create(phase=phase, order=last + 1, **data)


# What each "add" page of a project asks and writes: its form, its title, its service.
PARTS = {
    "volet": (
        PhaseForm,
        gettext_lazy("Ajouter un volet"),
        _add_phase,
    ),
    "livrable": (
        DeliverableForm,
        gettext_lazy("Ajouter un livrable"),
        _add_deliverable,
    ),
    "depense": (
        ExpenseForm,
        gettext_lazy("Inscrire une dépense"),
        lambda project, data, by: services.project_expense_record(project=project, by=by, **data),
    ),
    "controle": (
        ChecklistItemForm,
        gettext_lazy("Ajouter un point de contrôle"),
        lambda project, data, by: services.checklist_item_add(project=project, by=by, **data),
    ),
    "mandat": (
        MandateLinkForm,
        gettext_lazy("Imputer un mandat à un volet"),
        lambda project, data, by: services.phase_mandate_link(by=by, **data),
    ),
}


@role_required(*PROJECT_CHANGE_ROLES)
def project_part_add(request: HttpRequest, project_id: int, part: str) -> HttpResponse:
    if part not in PARTS:
        raise Http404(part)
    project = project_for_change(request.user, project_id, among=_projects())
    form_class, title, write = PARTS[part]
    options = {} if form_class is PhaseForm else {"project": project}
    form = form_class(request.POST or None, **options)
    if request.method == "POST" and form.is_valid():
        try:
            write(project, dict(form.cleaned_data), request.user)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("C'est enregistré."))
            return redirect("projects:project_detail", project_id=project.pk)
    return render(
        request,
        "projects/part_form.html",
        {"form": form, "project": project, "title": title},
    )


def _deliverable(request: HttpRequest, deliverable_id: int) -> Deliverable:
    projects = projects_visible_to(request.user, among=_projects(), roles=request_roles(request))
    found = (
        Deliverable.objects.filter(pk=deliverable_id, phase__project__in=projects)
        .select_related("phase__project", "owner__user", "author")
        .first()
    )
    if found is None:
        raise Http404(str(deliverable_id))
    return found


def _deliverable_page(request: HttpRequest, deliverable: Deliverable, **forms) -> HttpResponse:
    roles = request_roles(request)
    project = deliverable.phase.project
    checklist = list(project.checklist.order_by("order"))
    in_review = deliverable.validation_state == ValidationState.IN_REVIEW
    may_validate = in_review and may_validate_deliverable(request.user, deliverable, roles)
    may_submit = deliverable.validation_state in (
        ValidationState.DRAFT,
        ValidationState.RETURNED,
    ) and may_submit_deliverable(request.user, deliverable, roles)
    context = {
        "deliverable": deliverable,
        "project": project,
        "history": deliverable_history(deliverable),
        "checklist": checklist,
        "may_submit": may_submit,
        "may_validate": may_validate,
        "is_author_in_review": in_review and deliverable.author_id == request.user.pk,
        "may_change": may_change_projects(roles),
        "submit_form": forms.get("submit_form") or SubmitForm(prefix="submit"),
        "validate_form": forms.get("validate_form")
        or ValidateForm(prefix="validate", checklist=checklist),
        "return_form": forms.get("return_form") or ReturnForm(prefix="return"),
    }
    status = 400 if forms else 200
    return render(request, "projects/deliverable_detail.html", context, status=status)


@role_required(*PROJECT_READ_ROLES)
def deliverable_detail(request: HttpRequest, deliverable_id: int) -> HttpResponse:
    return _deliverable_page(request, _deliverable(request, deliverable_id))


def _refused(request: HttpRequest, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


@require_POST
@role_required(*PROJECT_READ_ROLES)
def deliverable_submit(request: HttpRequest, deliverable_id: int) -> HttpResponse:
    deliverable = _deliverable(request, deliverable_id)
    form = SubmitForm(request.POST, prefix="submit")
    if not form.is_valid():
        return _deliverable_page(request, deliverable, submit_form=form)
    try:
        services.deliverable_submit(
            deliverable=deliverable, by=request.user, comment=form.cleaned_data["comment"]
        )
    except ValidationError as error:
        _refused(request, error)
    else:
        messages.success(request, _("Le livrable est soumis en révision."))
    return redirect("projects:deliverable_detail", deliverable_id=deliverable.pk)


@require_POST
@role_required(*PROJECT_CHANGE_ROLES)
def deliverable_validate(request: HttpRequest, deliverable_id: int) -> HttpResponse:
    deliverable = _deliverable(request, deliverable_id)
    checklist = list(deliverable.phase.project.checklist.order_by("order"))
    form = ValidateForm(request.POST, prefix="validate", checklist=checklist)
    if not form.is_valid():
        return _deliverable_page(request, deliverable, validate_form=form)
    try:
        services.deliverable_validate(
            deliverable=deliverable,
            by=request.user,
            ticked=[int(pk) for pk in form.cleaned_data["ticked"]],
            comment=form.cleaned_data["comment"],
        )
    except ValidationError as error:
        add_service_errors(form, error)
        return _deliverable_page(request, deliverable, validate_form=form)
    messages.success(request, _("Le livrable est validé."))
    return redirect("projects:deliverable_detail", deliverable_id=deliverable.pk)


@require_POST
@role_required(*PROJECT_CHANGE_ROLES)
def deliverable_return(request: HttpRequest, deliverable_id: int) -> HttpResponse:
    deliverable = _deliverable(request, deliverable_id)
    form = ReturnForm(request.POST, prefix="return")
    if not form.is_valid():
        return _deliverable_page(request, deliverable, return_form=form)
    try:
        services.deliverable_return(
            deliverable=deliverable, by=request.user, reason=form.cleaned_data["comment"]
        )
    except ValidationError as error:
        add_service_errors(form, error)
        return _deliverable_page(request, deliverable, return_form=form)
    messages.success(request, _("Le livrable est retourné à son auteur."))
    return redirect("projects:deliverable_detail", deliverable_id=deliverable.pk)


@role_required(*PROJECT_READ_ROLES)
def project_progress_pdf(request: HttpRequest, project_id: int) -> HttpResponse:
    project = project_for_read(request.user, project_id, among=_projects())
    html = render_to_string(
        "projects/progress_report.html",
        {
            "figures": project_figures(project),
            "stylesheet": document_stylesheet(STYLESHEET),
            "today": timezone.localdate(),
        },
        request=request,
    )
    response = HttpResponse(html_pdf(html, STYLESHEET.parent), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="rapport-{project.code}.pdf"'
    return response


@role_required(*PROJECT_CHANGE_ROLES)
def deliverable_update(request: HttpRequest, deliverable_id: int) -> HttpResponse:
    deliverable = _deliverable(request, deliverable_id)
    project = project_for_change(request.user, deliverable.phase.project_id, among=_projects())
    initial = {
        "phase": deliverable.phase_id,
        "title_fr": deliverable.title_fr,
        "title_en": deliverable.title_en,
        "owner": deliverable.owner_id,
        "due_date": deliverable.due_date,
    }
    form = DeliverableForm(request.POST or None, project=project, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        phase = data.pop("phase")
        order = deliverable.order
        if phase.pk != deliverable.phase_id:
            order = max((d.order for d in phase.deliverables.all()), default=0) + 1
        try:
            services.deliverable_update(
                deliverable=deliverable,
                phase=phase,
                order=order,
                status=deliverable.status,
                **data,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Le livrable est enregistré."))
            return redirect("projects:deliverable_detail", deliverable_id=deliverable.pk)
    return render(
        request,
        "projects/part_form.html",
        {"form": form, "project": project, "title": _("Modifier le livrable")},
    )


@role_required(*PROJECT_CHANGE_ROLES)
def phase_update(request: HttpRequest, project_id: int, phase_id: int) -> HttpResponse:
    project = project_for_change(request.user, project_id, among=_projects())
    phase = project.phases.filter(pk=phase_id).first()
    if phase is None:
        raise Http404(str(phase_id))
    initial = {
        "title_fr": phase.title_fr,
        "title_en": phase.title_en,
        "planned_hours": phase.planned_hours,
    }
    form = PhaseForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.project_phase_update(
                phase=phase, project=project, order=phase.order, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("C'est enregistré."))
            return redirect("projects:project_detail", project_id=project.pk)
    return render(
        request,
        "projects/part_form.html",
        {"form": form, "project": project, "title": _("Modifier le volet")},
    )
