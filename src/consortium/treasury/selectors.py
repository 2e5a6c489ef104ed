"""Reads of the treasury: an organisation's plan with its figures, its policies, the
documents the portal lists, and the staff's list. A fixed number of queries each."""

from django.db.models import Max, OuterRef, QuerySet, Subquery
from django.urls import reverse
from django.utils.translation import gettext as _

from consortium.core.documents import DocumentLink
from consortium.core.money import ZERO
from consortium.treasury.figures import PlanFigures, PlanInputs, Project, plan_figures
from consortium.treasury.models import InvestmentPolicy, Seasonality, TreasuryPlan

SEASONAL_ANSWERS = {Seasonality.PROFILE: None, Seasonality.YES: True, Seasonality.NO: False}


def latest_plan(organisation) -> TreasuryPlan | None:
    """The organisation's latest plan, its flows and projects loaded: three queries."""
    return (
        TreasuryPlan.objects.filter(organisation=organisation)
        .prefetch_related("flows", "projects")
        .order_by("-as_of", "-pk")
        .first()
    )


def plan_inputs(plan: TreasuryPlan) -> PlanInputs:
    """The plan's numbers for the pure figures (its flows and projects as loaded)."""
    months = {flow.month: flow for flow in plan.flows.all()}
    flows = tuple(
        (months[month].receipts, months[month].disbursements) if month in months else (ZERO, ZERO)
        for month in range(1, 13)
    )
    return PlanInputs(
        as_of=plan.as_of,
        annual_expenses=plan.annual_expenses,
        cash=plan.cash,
        short_term_investments=plan.short_term_investments,
        restricted_funds=plan.restricted_funds,
        largest_source_pct=plan.largest_source_pct,
        grants_pct=plan.grants_pct,
        seasonal=SEASONAL_ANSWERS[plan.seasonality],
        flows=flows,
        projects=tuple(
            Project(project.name, project.amount, project.planned_on)
            for project in plan.projects.all()
        ),
    )


def figures_of(plan: TreasuryPlan) -> PlanFigures:
    return plan_figures(plan_inputs(plan))


def draft_policy(organisation) -> InvestmentPolicy | None:
    return InvestmentPolicy.objects.filter(
        organisation=organisation, adopted_on__isnull=True
    ).first()


def adopted_policies(organisation) -> QuerySet[InvestmentPolicy]:
    """Every adopted version, the latest first (their content deferred: a list needs none)."""
    return (
        InvestmentPolicy.objects.filter(organisation=organisation, adopted_on__isnull=False)
        .select_related("adopted_by")
        .defer("content")
        .order_by("-version")
    )


def adopted_policy(organisation, version: int) -> InvestmentPolicy | None:
    return (
        InvestmentPolicy.objects.filter(
            organisation=organisation, version=version, adopted_on__isnull=False
        )
        .select_related("organisation", "adopted_by")
        .first()
    )


def document_links(organisation) -> list[DocumentLink]:
    """The PDFs of the organisation's adopted investment policies, the latest first: one
    query."""
    return [
        DocumentLink(
            title=_("Politique de placement, version %(version)s") % {"version": policy.version},
            issued_on=policy.adopted_on,
            url=reverse("treasury_portal:policy_pdf", args=[organisation.code, policy.version]),
            kind="investment_policy",
        )
        for policy in InvestmentPolicy.objects.filter(
            organisation=organisation, adopted_on__isnull=False
        )
        .only("version", "adopted_on")
        .order_by("-version")
    ]


def portal_card(organisation) -> dict:
    """What the portal's card shows: the reserve at the lowest point against its target, and
    the date of the latest adopted policy. Four queries."""
    plan = latest_plan(organisation)
    figures = figures_of(plan) if plan else None
    policy = (
        InvestmentPolicy.objects.filter(organisation=organisation, adopted_on__isnull=False)
        .only("version", "adopted_on")
        .order_by("-version")
        .first()
    )
    return {"organisation": organisation, "plan": plan, "figures": figures, "policy": policy}


def staff_plan_rows(organisations: QuerySet) -> QuerySet:
    """The organisations (among those the reader may see) with a plan or an adopted policy,
    with the date of their latest plan and latest adoption: one query."""
    latest_plan_on = (
        TreasuryPlan.objects.filter(organisation=OuterRef("pk"))
        .order_by("-as_of")
        .values("as_of")[:1]
    )
    return (
        organisations.annotate(
            latest_plan_on=Subquery(latest_plan_on),
            latest_policy_on=Max("investment_policies__adopted_on"),
            latest_policy_version=Max("investment_policies__version"),
        )
        .exclude(latest_plan_on__isnull=True, latest_policy_on__isnull=True)
        .order_by("name")
    )
