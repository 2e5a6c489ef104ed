"""The annual activity report's content for one fiscal year, in the seed report's order.

`annual_report` gathers every figure from the selectors of the areas (the ledger's, governance,
business development, projects, communications, training, surveys, finance) and the year's
texts, and writes the sentences that state a figure in the active language. It makes a fixed
number of queries whatever the size of the data: each area's selector does, and this module
adds four of its own (the fiscal year, the texts, the names of departments and mandate types).

The result is an `AnnualReport`: one frozen dataclass per section this module composes; the
sections an area writes whole (governance, development, projects, communications) are that
area's selector's result as it gives it.
"""

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from consortium.communications.selectors import communications_report
from consortium.core.fiscal_years import (
    Period,
    fiscal_year_period,
    next_fiscal_year_name,
    previous_fiscal_year_name,
)
from consortium.core.models import FiscalYear
from consortium.development.selectors import development_report
from consortium.finance.selectors import finance_report
from consortium.governance.selectors import governance_report
from consortium.kpis.selectors import (
    NON_MEMBER,
    LedgerKpis,
    ledger_dimension_names,
    ledger_hours,
    ledger_kpis,
)
from consortium.members.models import MemberCategory
from consortium.members.selectors import organisations_served_by_province
from consortium.projects.selectors import projects_report
from consortium.reports import charts, sentences
from consortium.reports.models import ReportSection, ReportText
from consortium.staff.models import Role
from consortium.surveys.selectors import surveys_report
from consortium.timesheets.selectors.ledger import (
    fiscal_years_with_hours,
    stored_fiscal_years_with_hours,
)
from consortium.training.selectors import training_report

CATEGORY_ORDER = (
    MemberCategory.FULLY_MANAGED.value,
    MemberCategory.USER.value,
    MemberCategory.AUXILIARY.value,
    MemberCategory.SUPPORT.value,
    NON_MEMBER,
)


@dataclass(frozen=True)
class ReportTexts:
    """The year's texts, None where none was written."""

    president: ReportText | None
    general_manager: ReportText | None
    mission: ReportText | None
    vision: ReportText | None
    objectives: ReportText | None


@dataclass(frozen=True)
class MembershipSection:
    new_members: int
    members_at_start: int
    members_at_end: int
    growth_pct: Decimal | None
    sentence: str
    # Organisations served by province or territory, most first; empty when all are in one.
    by_province: list[tuple[str, int]] = field(default_factory=list)


@dataclass(frozen=True)
class ServiceCharts:
    """Vega-Lite specifications of the services' charts."""

    departments: dict
    mandate_types: dict


@dataclass(frozen=True)
class ServicesSection:
    hours: Decimal
    enterprises_reached: int
    enterprises_reached_sentence: str
    diversification: int
    diversification_label: str
    would_recommend_pct: Decimal | None
    satisfaction_respondents: int
    hours_by_department: list[tuple[str, Decimal]]  # (name, hours), largest first
    hours_by_mandate_type: list[tuple[str, Decimal]]  # (name, hours), largest first
    charts: ServiceCharts


@dataclass(frozen=True)
class RevenueCategory:
    """One member category's revenue, this year and the prior one (from `finance_report`)."""

    key: str
    label: str
    current: Decimal
    prior: Decimal
    growth_pct: Decimal | None
    share_pct: Decimal | None
    prior_share_pct: Decimal | None
    # Hours billed, average rates and the change split into volume and price (finance_report's
    # "price_volume"); None for a year without invoices.
    split: Mapping[str, Decimal | None] | None = None


@dataclass(frozen=True)
class FinanceSection:
    """`finance_report`'s figures under their names, with the neighbouring years, the categories
    that had revenue, the sentences and the chart."""

    table: list[dict]
    revenue_growth_pct: Decimal | None
    member_business_pct: Decimal | None
    revenue_by_category: Mapping[str, Mapping[str, Decimal | None]]
    price_volume: Mapping[str, Mapping[str, Decimal | None] | None]
    other_members_price_volume: Mapping[str, Decimal] | None
    other_members_growth_pct: Decimal | None
    auxiliary_growth_pct: Decimal | None
    organisations_billed: int
    organisations_billed_prior: int
    diversification: int
    fully_managed_members: list[str]
    prior_year: str
    next_year: str
    categories: list[RevenueCategory]  # in CATEGORY_ORDER, those with revenue either year
    revenue_growth_sentence: str
    member_business_sentence: str
    revenue_progression_sentence: str
    price_volume_sentence: str
    fully_managed_share_sentence: str
    chart: dict


@dataclass(frozen=True)
class Headcount:
    role: str
    label: str
    count: int


@dataclass(frozen=True)
class HumanCapitalSection:
    headcount: list[Headcount]
    men_pct: Decimal | None
    women_pct: Decimal | None
    other_pct: Decimal | None
    average_age: Decimal | None
    engagement_pct: Decimal | None
    engagement_benchmark_pct: Decimal | None
    engagement_respondents: int
    engagement_sentence: str
    experts_trained: int
    experts_trained_sentence: str
    courses: list[dict]  # training_report's courses


@dataclass(frozen=True)
class CalendarYearSection:
    """The calendar year the fiscal year starts in (the report's «en 2020» figures)."""

    year: int
    hours: Decimal
    enterprises_served: int
    sentence: str


@dataclass(frozen=True)
class AnnualReport:
    """Everything the report of one fiscal year shows, in the seed report's order."""

    fiscal_year: str
    period: Period
    texts: ReportTexts
    governance: Mapping  # governance_report's
    membership: MembershipSection
    services: ServicesSection
    finance: FinanceSection
    human_capital: HumanCapitalSection
    development: Mapping  # development_report's
    projects: list[dict]  # projects_report's
    communications: Mapping  # communications_report's
    calendar_year: CalendarYearSection


def report_years() -> list[str]:
    """Names of the fiscal years that have service hours, most recent first (one query)."""
    return stored_fiscal_years_with_hours()


def report_has_data(fiscal_year: str) -> bool:
    return fiscal_year in report_years()


@dataclass(frozen=True)
class PendingReport:
    """A closed fiscal year that has hours but no report yet, and what its report still needs."""

    fiscal_year: str
    missing: list[str]


def pending_report_years(today: dt.date, reported: list[str]) -> list[str]:
    """The closed fiscal years (before `today`'s) that have hours but no report yet, most recent
    first: those not among `reported` (`report_years()`: no stored year, their page would be
    missing), and the year that just closed while no text of its report is written."""
    years = fiscal_years_with_hours(today)
    just_closed = previous_fiscal_year_name(years[0])
    unwritten = not ReportText.objects.filter(fiscal_year__name=just_closed).exists()
    return [
        name for name in years[1:] if name not in reported or (name == just_closed and unwritten)
    ]


def report_missing(fiscal_year: str) -> list[str]:
    """What the report of `fiscal_year` still needs, as its selectors see it: the stored fiscal
    year (its days: the report lists only those), the written sections, the year's financial
    results and budget, the members' and the staff's surveys."""
    missing = []
    if not FiscalYear.objects.filter(name=fiscal_year).exists():
        missing.append(_("L'exercice financier %(year)s (ses dates)") % {"year": fiscal_year})
    texts = _texts(fiscal_year)
    labels = {
        ReportSection.PRESIDENT_MESSAGE: _("Le mot de la présidence"),
        ReportSection.GENERAL_MANAGER_MESSAGE: _("Le mot de la direction générale"),
        ReportSection.MISSION: _("La mission"),
        ReportSection.VISION: _("La vision"),
        ReportSection.OBJECTIVES: _("Les objectifs de l'année"),
    }
    missing += [label for section, label in labels.items() if section not in texts]
    revenue = finance_report(fiscal_year)["table"][0]
    if not revenue["actual"]:
        missing.append(_("Les résultats financiers de l'exercice (montants réels)"))
    if not revenue["budget"]:
        missing.append(_("Le budget de l'exercice"))
    surveys = surveys_report(fiscal_year)
    if not surveys["satisfaction_respondents"]:
        missing.append(_("Le sondage de satisfaction des membres"))
    if not surveys["engagement_respondents"]:
        missing.append(_("Le sondage d'engagement du personnel"))
    return missing


def pending_reports(today: dt.date, reported: list[str]) -> list[PendingReport]:
    return [
        PendingReport(name, report_missing(name)) for name in pending_report_years(today, reported)
    ]


def _category_labels() -> dict[str, str]:
    return {
        MemberCategory.FULLY_MANAGED.value: _("Membres sous entière gestion"),
        MemberCategory.USER.value: _("Membres utilisateurs"),
        MemberCategory.AUXILIARY.value: _("Membres auxiliaires"),
        MemberCategory.SUPPORT.value: _("Membres de soutien"),
        NON_MEMBER: _("Non-membres"),
    }


def _largest_first(hours: dict[str, Decimal], names: dict[str, str]) -> list[tuple[str, Decimal]]:
    ordered = sorted(hours.items(), key=lambda item: (-item[1], names.get(item[0], item[0])))
    return [(names.get(code, code), value) for code, value in ordered if value]


def _texts(fiscal_year: str) -> dict[str, ReportText]:
    texts = ReportText.objects.filter(fiscal_year__name=fiscal_year)
    return {text.section: text for text in texts}


def _services(ledger: LedgerKpis, names: dict, finance: dict, surveys: dict) -> ServicesSection:
    departments = _largest_first(ledger.hours_by_department, names["departments"])
    mandate_types = _largest_first(ledger.hours_by_mandate_type, names["mandate_types"])
    return ServicesSection(
        hours=ledger.service_hours,
        enterprises_reached=ledger.enterprises_reached,
        enterprises_reached_sentence=sentences.enterprises_reached(ledger.enterprises_reached),
        diversification=finance["diversification"],
        diversification_label=sentences.diversification(finance["diversification"]),
        would_recommend_pct=surveys["would_recommend_pct"],
        satisfaction_respondents=surveys["satisfaction_respondents"],
        hours_by_department=departments,
        hours_by_mandate_type=mandate_types,
        charts=ServiceCharts(
            departments=charts.hours_by_department_chart(departments),
            mandate_types=charts.hours_by_mandate_type_chart(mandate_types),
        ),
    )


def _finance(fiscal_year: str, finance: dict) -> FinanceSection:
    labels = _category_labels()
    by_category = finance["revenue_by_category"]
    categories = [
        RevenueCategory(
            key=key,
            label=labels[key],
            split=finance["price_volume"].get(key),
            **by_category[key],
        )
        for key in CATEGORY_ORDER
        if key in by_category and (by_category[key]["current"] or by_category[key]["prior"])
    ]
    prior_year = previous_fiscal_year_name(fiscal_year)
    fully_managed = by_category.get(MemberCategory.FULLY_MANAGED.value, {})
    chart_rows = [
        {"label": row.label, "current": row.current, "prior": row.prior} for row in categories
    ]
    return FinanceSection(
        **finance,
        prior_year=prior_year,
        next_year=next_fiscal_year_name(fiscal_year),
        categories=categories,
        revenue_growth_sentence=sentences.revenue_growth(finance["revenue_growth_pct"]),
        member_business_sentence=sentences.member_business(finance["member_business_pct"]),
        revenue_progression_sentence=sentences.revenue_progression(
            finance["other_members_growth_pct"], finance["auxiliary_growth_pct"]
        ),
        price_volume_sentence=sentences.price_volume(finance["other_members_price_volume"]),
        fully_managed_share_sentence=sentences.fully_managed_share(
            fully_managed.get("share_pct"), fully_managed.get("prior_share_pct")
        ),
        chart=charts.revenue_by_category_chart(chart_rows, fiscal_year, prior_year),
    )


def _human_capital(ledger: LedgerKpis, surveys: dict, training: dict) -> HumanCapitalSection:
    role_labels = {
        Role.PROFESSIONAL.value: _("Ressources professionnelles"),
        Role.TRAINER.value: _("Formateurs"),
        Role.DIRECTOR.value: _("Directions"),
    }
    return HumanCapitalSection(
        headcount=[
            Headcount(role=role, label=role_labels[role], count=count)
            for role, count in ledger.headcount.items()
        ],
        men_pct=ledger.gender_pct["man"],
        women_pct=ledger.gender_pct["woman"],
        other_pct=ledger.gender_pct["other"],
        average_age=ledger.average_age,
        engagement_pct=surveys["engagement_pct"],
        engagement_benchmark_pct=surveys["engagement_benchmark_pct"],
        engagement_respondents=surveys["engagement_respondents"],
        engagement_sentence=sentences.engagement(
            surveys["engagement_pct"], surveys["engagement_benchmark_pct"]
        ),
        experts_trained=training["experts_trained"],
        experts_trained_sentence=sentences.experts_trained(training["experts_trained"]),
        courses=training["courses"],
    )


def _calendar_year(period: Period) -> CalendarYearSection:
    year = period.start.year
    hours = ledger_hours(Period(dt.date(year, 1, 1), dt.date(year, 12, 31), str(year)))
    return CalendarYearSection(
        year=year,
        hours=hours.service_hours,
        enterprises_served=hours.enterprises_served,
        sentence=sentences.calendar_year(hours.service_hours, hours.enterprises_served, year),
    )


def _by_province(period: Period) -> list[tuple[str, int]]:
    """The organisations served by province, shown only when more than one is served."""
    rows = organisations_served_by_province(period.start, period.end)
    return rows if len(rows) > 1 else []


def annual_report(fiscal_year: str) -> AnnualReport:
    """Everything the report of `fiscal_year` ("2020-2021") shows, in the active language.

    Raises ValueError for a name that is not a fiscal year.
    """
    period = fiscal_year_period(fiscal_year)
    ledger = ledger_kpis(period)
    names = ledger_dimension_names()
    finance = finance_report(fiscal_year)
    surveys = surveys_report(fiscal_year)
    training = training_report(period)
    texts = _texts(fiscal_year)
    return AnnualReport(
        fiscal_year=fiscal_year,
        period=period,
        texts=ReportTexts(
            president=texts.get(ReportSection.PRESIDENT_MESSAGE),
            general_manager=texts.get(ReportSection.GENERAL_MANAGER_MESSAGE),
            mission=texts.get(ReportSection.MISSION),
            vision=texts.get(ReportSection.VISION),
            objectives=texts.get(ReportSection.OBJECTIVES),
        ),
        governance=governance_report(period),
        membership=MembershipSection(
            new_members=ledger.new_members,
            members_at_start=ledger.members_at_start,
            members_at_end=ledger.members_at_end,
            growth_pct=ledger.membership_growth_pct,
            sentence=sentences.new_members(ledger.new_members, ledger.membership_growth_pct),
            by_province=_by_province(period),
        ),
        services=_services(ledger, names, finance, surveys),
        finance=_finance(fiscal_year, finance),
        human_capital=_human_capital(ledger, surveys, training),
        development=development_report(period),
        projects=projects_report(period),
        communications=communications_report(period),
        calendar_year=_calendar_year(period),
    )
