"""The treasury's pages in the member portal (`/portail/<code>/tresorerie/`): the plan in three
steps, its result, the investment policy's draft, edits and adoption, and the adopted
versions as pages and PDFs. The organisation comes from `portal_organisation_for_change`:
only a contact who represents it reaches these pages; anyone else gets a 404."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from consortium.accounts.access import (
    portal_organisation_for_change,
    portal_organisations_visible_to,
    portal_required,
)
from consortium.core.charts import cached_chart
from consortium.core.forms import add_service_errors
from consortium.treasury import selectors, services
from consortium.treasury.charts import balance_chart
from consortium.treasury.figures import plan_figures, project_horizon
from consortium.treasury.forms import (
    MonthlyFlowsForm,
    PlanForm,
    PolicyAdoptForm,
    PolicyDraftForm,
    PolicySectionForm,
    ProjectFormSet,
    _month_label,
)
from consortium.treasury.pdf import policy_pdf
from consortium.treasury.policy import SECTION_KEYS


def _organisation(request: HttpRequest, code: str):
    return portal_organisation_for_change(request.user, code)


def _steps(organisation, current: str, plan) -> list[dict]:
    names = [
        ("plan_edit", _("1. Situation")),
        ("plan_months", _("2. Flux mensuels")),
        ("plan_projects", _("3. Projets")),
        ("plan", _("Résultat")),
    ]
    return [
        {"name": name, "label": label, "current": name == current, "open": plan is not None}
        for name, label in names
    ]


@portal_required
def start(request: HttpRequest) -> HttpResponse:
    """The portal's "Trésorerie" link: the organisation's tool when the contact represents one,
    else the list to pick from."""
    organisations = list(portal_organisations_visible_to(request.user).order_by("name"))
    if len(organisations) == 1:
        return redirect("treasury_portal:plan", organisations[0].code)
    return render(request, "treasury/portal_start.html", {"organisations": organisations})


@portal_required
def plan(request: HttpRequest, code: str) -> HttpResponse:
    organisation = _organisation(request, code)
    plan = selectors.latest_plan(organisation)
    if plan is None:
        return redirect("treasury_portal:plan_edit", organisation.code)
    inputs = selectors.plan_inputs(plan)
    figures = plan_figures(inputs)
    labels = tuple(_month_label(plan.as_of, month) for month in range(1, 13))
    months = [
        {
            "month": month,
            "label": label,
            "receipts": receipts,
            "disbursements": disbursements,
            "net": receipts - disbursements,
            "balance": balance,
            "lowest": month == figures.low_point.value.month,
        }
        for month, label, (receipts, disbursements), balance in zip(
            range(1, 13), labels, inputs.flows, figures.balances, strict=True
        )
    ]
    chart = cached_chart(
        balance_chart,
        tuple(zip(labels, (float(balance) for balance in figures.balances), strict=True)),
        float(figures.target_amount.value),
    )
    return render(
        request,
        "treasury/plan.html",
        {
            "organisation": organisation,
            "plan": plan,
            "figures": figures,
            "months": months,
            "projects": [
                {"project": project, "horizon": project_horizon(plan.as_of, project.planned_on)}
                for project in plan.projects.all()
            ],
            "chart": chart,
            "steps": _steps(organisation, "plan", plan),
            "draft": selectors.draft_policy(organisation),
            "policies": list(selectors.adopted_policies(organisation)),
            "draft_form": PolicyDraftForm(initial={"language": organisation.language}),
        },
    )


@portal_required
def plan_edit(request: HttpRequest, code: str) -> HttpResponse:
    organisation = _organisation(request, code)
    plan = selectors.latest_plan(organisation)
    if request.method == "POST":
        form = PlanForm(request.POST)
        if form.is_valid():
            try:
                plan = services.treasury_plan_save(
                    organisation=organisation, by=request.user, plan=plan, **form.cleaned_data
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                return redirect("treasury_portal:plan_months", organisation.code)
    elif plan is not None:
        form = PlanForm(initial={field: getattr(plan, field) for field in PlanForm.base_fields})
    else:
        form = PlanForm(initial={"as_of": timezone.localdate().replace(day=1)})
    return render(
        request,
        "treasury/plan_edit.html",
        {
            "organisation": organisation,
            "form": form,
            "steps": _steps(organisation, "plan_edit", plan),
        },
    )


@portal_required
def plan_new(request: HttpRequest, code: str) -> HttpResponse:
    """A new plan for a new date, starting from the latest one's figures, months and projects
    (the latest stays as it was)."""
    organisation = _organisation(request, code)
    previous = selectors.latest_plan(organisation)
    if previous is None:
        return redirect("treasury_portal:plan_edit", organisation.code)
    if request.method == "POST":
        form = PlanForm(request.POST)
        if form.is_valid():
            try:
                services.treasury_plan_renew(
                    previous=previous, by=request.user, **form.cleaned_data
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                return redirect("treasury_portal:plan_months", organisation.code)
    else:
        initial = {field: getattr(previous, field) for field in PlanForm.base_fields}
        initial["as_of"] = timezone.localdate().replace(day=1)
        form = PlanForm(initial=initial)
    return render(
        request,
        "treasury/plan_edit.html",
        {
            "organisation": organisation,
            "form": form,
            "steps": _steps(organisation, "plan_edit", previous),
            "new_plan": True,
        },
    )


@portal_required
def plan_months(request: HttpRequest, code: str) -> HttpResponse:
    organisation = _organisation(request, code)
    plan = selectors.latest_plan(organisation)
    if plan is None:
        return redirect("treasury_portal:plan_edit", organisation.code)
    if request.method == "POST":
        form = MonthlyFlowsForm(request.POST, as_of=plan.as_of)
        if form.is_valid():
            try:
                services.treasury_plan_flows_save(plan=plan, by=request.user, flows=form.flows())
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                return redirect("treasury_portal:plan_projects", organisation.code)
    else:
        initial = {}
        for flow in plan.flows.all():
            initial[f"receipts_{flow.month}"] = flow.receipts
            initial[f"disbursements_{flow.month}"] = flow.disbursements
        form = MonthlyFlowsForm(initial=initial, as_of=plan.as_of)
    return render(
        request,
        "treasury/plan_months.html",
        {
            "organisation": organisation,
            "plan": plan,
            "form": form,
            "steps": _steps(organisation, "plan_months", plan),
        },
    )


@portal_required
def plan_projects(request: HttpRequest, code: str) -> HttpResponse:
    organisation = _organisation(request, code)
    plan = selectors.latest_plan(organisation)
    if plan is None:
        return redirect("treasury_portal:plan_edit", organisation.code)
    if request.method == "POST":
        formset = ProjectFormSet(request.POST, prefix="projects")
        if formset.is_valid():
            try:
                services.treasury_plan_projects_save(
                    plan=plan, by=request.user, projects=formset.projects()
                )
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                return redirect("treasury_portal:plan", organisation.code)
    else:
        formset = ProjectFormSet(
            prefix="projects",
            initial=[
                {"name": project.name, "amount": project.amount, "planned_on": project.planned_on}
                for project in plan.projects.all()
            ],
        )
    return render(
        request,
        "treasury/plan_projects.html",
        {
            "organisation": organisation,
            "plan": plan,
            "formset": formset,
            "steps": _steps(organisation, "plan_projects", plan),
        },
    )


@portal_required
@require_POST
def policy_draft(request: HttpRequest, code: str) -> HttpResponse:
    organisation = _organisation(request, code)
    form = PolicyDraftForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choisissez la langue de la politique."))
        return redirect("treasury_portal:plan", organisation.code)
    try:
        services.investment_policy_draft(
            organisation=organisation,
            by=request.user,
            language=form.cleaned_data["language"],
            plan=selectors.latest_plan(organisation),
            fresh=form.cleaned_data["fresh"],
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("treasury_portal:plan", organisation.code)
    return redirect("treasury_portal:policy_edit", organisation.code)


def _draft_or_404(organisation):
    draft = selectors.draft_policy(organisation)
    if draft is None:
        raise Http404(_("Aucun brouillon de politique."))
    return draft


@portal_required
def policy_edit(request: HttpRequest, code: str) -> HttpResponse:
    organisation = _organisation(request, code)
    draft = _draft_or_404(organisation)
    sections = [
        {
            "section": section,
            "form": PolicySectionForm(
                initial={"paragraphs": "\n\n".join(section["paragraphs"])},
                prefix=section["key"],
            ),
        }
        for section in draft.content
    ]
    return render(
        request,
        "treasury/policy_edit.html",
        {
            "organisation": organisation,
            "policy": draft,
            "sections": sections,
            "adopt_form": PolicyAdoptForm(initial={"adopted_on": timezone.localdate()}),
        },
    )


@portal_required
@require_POST
def policy_section(request: HttpRequest, code: str, key: str) -> HttpResponse:
    """One section's paragraphs: HTMX swaps the section alone, a plain post goes back."""
    organisation = _organisation(request, code)
    draft = _draft_or_404(organisation)
    section = next((item for item in draft.content if item["key"] == key), None)
    if key not in SECTION_KEYS or section is None:
        raise Http404(_("Cette section n'existe pas."))
    form = PolicySectionForm(request.POST, prefix=key)
    saved = False
    if form.is_valid():
        try:
            draft = services.investment_policy_section_update(
                policy=draft, by=request.user, key=key, paragraphs=form.paragraph_list()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            saved = True
            section = next(item for item in draft.content if item["key"] == key)
    if not request.headers.get("HX-Request") and saved:
        messages.success(request, _("Section enregistrée."))
        return redirect("treasury_portal:policy_edit", organisation.code)
    return render(
        request,
        "treasury/_policy_section_form.html",
        {
            "organisation": organisation,
            "item": {"section": section, "form": form},
            "saved": saved,
        },
        status=200 if saved or request.headers.get("HX-Request") else 400,
    )


@portal_required
@require_POST
def policy_adopt(request: HttpRequest, code: str) -> HttpResponse:
    organisation = _organisation(request, code)
    draft = _draft_or_404(organisation)
    form = PolicyAdoptForm(request.POST)
    if not form.is_valid():
        for error in form.errors.get("adopted_on", []):
            messages.error(request, _("Date d'adoption : %(error)s") % {"error": error})
        return redirect("treasury_portal:policy_edit", organisation.code)
    try:
        policy = services.investment_policy_adopt(
            policy=draft, by=request.user, adopted_on=form.cleaned_data["adopted_on"]
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("treasury_portal:policy_edit", organisation.code)
    messages.success(request, _("Version %(version)s adoptée.") % {"version": policy.version})
    return redirect("treasury_portal:policy_detail", organisation.code, policy.version)


def _adopted_or_404(organisation, version: int):
    policy = selectors.adopted_policy(organisation, version)
    if policy is None:
        raise Http404(_("Aucune politique adoptée sous ce numéro."))
    return policy


@portal_required
def policy_detail(request: HttpRequest, code: str, version: int) -> HttpResponse:
    organisation = _organisation(request, code)
    policy = _adopted_or_404(organisation, version)
    return render(
        request,
        "treasury/policy_detail.html",
        {"organisation": organisation, "policy": policy, "portal": True},
    )


@portal_required
def policy_pdf_view(request: HttpRequest, code: str, version: int) -> HttpResponse:
    organisation = _organisation(request, code)
    policy = _adopted_or_404(organisation, version)
    return pdf_response(policy)


def pdf_response(policy) -> HttpResponse:
    response = HttpResponse(policy_pdf(policy), content_type="application/pdf")
    name = f"politique-placement-{policy.organisation.code}-v{policy.version}.pdf"
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response
