"""Writes of the treasury: the plan in three steps (the figures, the twelve months, the
projects), and the investment policy's versions (draft, edit a section, adopt). An adopted
version never changes: every service refuses to touch one, and a new draft starts from it."""

import copy
import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from consortium.treasury.models import (
    InvestmentPolicy,
    MonthlyFlow,
    PlannedProject,
    Seasonality,
    TreasuryPlan,
)
from consortium.treasury.policy import SECTION_KEYS, draft_sections
from consortium.treasury.selectors import figures_of


@dataclass(frozen=True)
class ProjectInput:
    name: str
    amount: Decimal
    planned_on: dt.date


@transaction.atomic
def treasury_plan_save(
    *,
    organisation,
    by,
    as_of: dt.date,
    annual_expenses: Decimal,
    cash: Decimal,
    short_term_investments: Decimal,
    restricted_funds: Decimal,
    largest_source_pct: Decimal | None = None,
    grants_pct: Decimal | None = None,
    seasonality: str = Seasonality.PROFILE,
    plan: TreasuryPlan | None = None,
) -> TreasuryPlan:
    """Create the organisation's plan (`plan` None) or change its figures."""
    if plan is None:
        plan = TreasuryPlan(organisation=organisation, created_by=by)
    elif plan.organisation_id != organisation.pk:
        raise ValidationError(_("Ce plan n'est pas celui de cette organisation."))
    plan.as_of = as_of
    plan.annual_expenses = annual_expenses
    plan.cash = cash
    plan.short_term_investments = short_term_investments
    plan.restricted_funds = restricted_funds
    plan.largest_source_pct = largest_source_pct
    plan.grants_pct = grants_pct
    plan.seasonality = seasonality
    plan.updated_by = by
    plan.full_clean()
    plan.save()
    return plan


@transaction.atomic
def treasury_plan_flows_save(
    *, plan: TreasuryPlan, by, flows: list[tuple[Decimal, Decimal]]
) -> None:
    """The twelve months' receipts and disbursements, month 1 first (all twelve, replaced)."""
    if len(flows) != 12:
        raise ValidationError(_("Le profil compte douze mois."))
    rows = []
    for month, (receipts, disbursements) in enumerate(flows, start=1):
        row = MonthlyFlow(plan=plan, month=month, receipts=receipts, disbursements=disbursements)
        row.full_clean(exclude=["plan"])
        rows.append(row)
    MonthlyFlow.objects.filter(plan=plan).delete()
    MonthlyFlow.objects.bulk_create(rows)
    plan.updated_by = by
    plan.save(update_fields=["updated_by", "updated_at"])


@transaction.atomic
def treasury_plan_projects_save(*, plan: TreasuryPlan, by, projects: list[ProjectInput]) -> None:
    """The plan's projects, all replaced by `projects`."""
    rows = []
    for project in projects:
        row = PlannedProject(
            plan=plan, name=project.name, amount=project.amount, planned_on=project.planned_on
        )
        row.full_clean(exclude=["plan"])
        rows.append(row)
    PlannedProject.objects.filter(plan=plan).delete()
    PlannedProject.objects.bulk_create(rows)
    plan.updated_by = by
    plan.save(update_fields=["updated_by", "updated_at"])


@transaction.atomic
def treasury_plan_renew(*, previous: TreasuryPlan, by, **figures) -> TreasuryPlan:
    """A new plan (a new date, its own figures) that starts from `previous`: its twelve months
    and the projects not yet due on the new date are copied; `previous` stays as it was."""
    plan = treasury_plan_save(organisation=previous.organisation, by=by, **figures)
    months = {flow.month: flow for flow in previous.flows.all()}
    if months:
        treasury_plan_flows_save(
            plan=plan,
            by=by,
            flows=[
                (months[month].receipts, months[month].disbursements)
                if month in months
                else (Decimal("0.00"), Decimal("0.00"))
                for month in range(1, 13)
            ],
        )
    treasury_plan_projects_save(
        plan=plan,
        by=by,
        projects=[
            ProjectInput(project.name, project.amount, project.planned_on)
            for project in previous.projects.all()
            if project.planned_on >= plan.as_of
        ],
    )
    return plan


def _refuse_adopted(policy: InvestmentPolicy) -> None:
    if not policy.is_draft:
        raise ValidationError(
            _("Une politique adoptée ne change plus : rédigez une nouvelle version.")
        )


@transaction.atomic
def investment_policy_draft(
    *, organisation, by, language: str, plan: TreasuryPlan | None, fresh: bool = False
) -> InvestmentPolicy:
    """The organisation's draft: the one in progress, else a new one that starts from the
    latest adopted version in the same language, else drafted from the plan's figures.
    `fresh` (or another language) drafts it again from the plan, dropping the edits."""
    if language not in ("fr", "en"):
        raise ValidationError({"language": _("Choisissez le français ou l'anglais.")})
    draft = (
        InvestmentPolicy.objects.select_for_update()
        .filter(organisation=organisation, adopted_on__isnull=True)
        .first()
    )
    if draft and not fresh and draft.language == language:
        return draft
    latest = (
        InvestmentPolicy.objects.filter(
            organisation=organisation, adopted_on__isnull=False, language=language
        )
        .order_by("-version")
        .first()
    )
    if latest and not fresh:
        content = copy.deepcopy(latest.content)
    elif plan is not None:
        content = draft_sections(figures_of(plan), organisation.name, language)
    else:
        raise ValidationError(_("Remplissez d'abord le plan de trésorerie."))
    draft = draft or InvestmentPolicy(organisation=organisation, created_by=by)
    draft.plan = plan
    draft.language = language
    draft.content = content
    draft.full_clean()
    draft.save()
    return draft


@transaction.atomic
def investment_policy_section_update(
    *, policy: InvestmentPolicy, by, key: str, paragraphs: list[str]
) -> InvestmentPolicy:
    """The paragraphs of one section of a draft (plain text, one paragraph each)."""
    policy = InvestmentPolicy.objects.select_for_update().get(pk=policy.pk)
    _refuse_adopted(policy)
    if key not in SECTION_KEYS:
        raise ValidationError(_("Cette section n'existe pas."))
    cleaned = [paragraph.strip() for paragraph in paragraphs if paragraph.strip()]
    if not cleaned:
        raise ValidationError({"paragraphs": _("Une section a au moins un paragraphe.")})
    for section in policy.content:
        if section["key"] == key:
            section["paragraphs"] = cleaned
    policy.save(update_fields=["content", "updated_at"])
    return policy


@transaction.atomic
def investment_policy_adopt(
    *, policy: InvestmentPolicy, by, adopted_on: dt.date
) -> InvestmentPolicy:
    """Adopt the draft: it becomes the next version, frozen; the organisation has no draft
    until it starts a new one."""
    policy = InvestmentPolicy.objects.select_for_update().get(pk=policy.pk)
    _refuse_adopted(policy)
    versions = InvestmentPolicy.objects.filter(
        organisation_id=policy.organisation_id, version__isnull=False
    ).values_list("version", flat=True)
    policy.version = max(versions, default=0) + 1
    policy.adopted_on = adopted_on
    policy.adopted_by = by
    policy.full_clean()
    policy.save()
    return policy
