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
from functools import cached_property

from django.db.models import Count, Min, Q
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
from consortium.diagnostics.models import Diagnostic, DiagnosticStatus
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
from consortium.staff.models import Expert, FieldOfExpertise, Role
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


class ServiceCharts:
    """Vega-Lite specifications of the services' charts, drawn when first read: the report's
    preparation page reads the figures and never the charts, which cost most of the report."""

    def __init__(self, departments: list, mandate_types: list) -> None:
        self._departments = departments
        self._mandate_types = mandate_types

    @cached_property
    def departments(self) -> dict:
        return charts.hours_by_department_chart(self._departments)

    @cached_property
    def mandate_types(self) -> dict:
        return charts.hours_by_mandate_type_chart(self._mandate_types)


@dataclass(frozen=True)
class ServicesSection:
    hours: Decimal
    enterprises_reached: int
    enterprises_reached_sentence: str
    diversification: int | None  # None when the prior year billed no one: nothing to compare
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
    year: str
    chart_rows: list[dict]  # the revenue chart's bars: label, current, prior
    has_actuals: bool  # the year's financial statements are entered (its expenses)
    has_budget: bool
    has_prior: bool  # the prior year has actual figures to compare with
    has_next_budget: bool

    @cached_property
    def chart(self) -> dict:
        """The revenue chart's Vega-Lite specification, drawn when first read (the preparation
        page never reads it)."""
        return charts.revenue_by_category_chart(self.chart_rows, self.year, self.prior_year)


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
class ConsortiumSection:
    """« Le Consortium, c'est : 50 professionnels, 20 champs d'expertise », from the staff on the
    year's last day, and the online diagnostic (launched when its first one was finished)."""

    professionals: int
    fields_of_expertise: int
    diagnostics_finished: int
    diagnostic_launched: int | None
    sentence: str
    diagnostics_sentence: str


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
    consortium: ConsortiumSection
    # Which sections the report prints: a section without data is left out (never "0 $").
    shown: Mapping[str, bool]


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
    # Compared only with a prior year that billed someone; no change is no progression to show.
    compared = finance["organisations_billed_prior"] and finance["organisations_billed"]
    diversification = finance["diversification"] if compared else None
    if not diversification:
        diversification = None
    return ServicesSection(
        hours=ledger.service_hours,
        enterprises_reached=ledger.enterprises_reached,
        enterprises_reached_sentence=sentences.enterprises_reached(ledger.enterprises_reached),
        diversification=diversification,
        diversification_label=sentences.diversification(diversification),
        would_recommend_pct=surveys["would_recommend_pct"],
        satisfaction_respondents=surveys["satisfaction_respondents"],
        hours_by_department=departments,
        hours_by_mandate_type=mandate_types,
        charts=ServiceCharts(departments, mandate_types),
    )


def _finance(fiscal_year: str, finance: dict) -> FinanceSection:
    labels = _category_labels()
    rows = {row["key"]: row for row in finance["table"]}
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
        year=fiscal_year,
        chart_rows=chart_rows,
        has_actuals=bool(rows["expenses"]["actual"]),
        has_budget=bool(rows["revenue"]["budget"] or rows["expenses"]["budget"]),
        has_prior=bool(rows["revenue"]["prior_actual"]),
        has_next_budget=bool(rows["revenue"]["next_budget"] or rows["expenses"]["next_budget"]),
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


def _consortium(period: Period) -> ConsortiumSection:
    """Three queries: the staff in post on the year's last day, their fields of expertise, the
    diagnostics finished in the year and the first one ever."""
    in_post = Expert.objects.filter(hired_on__lte=period.end).filter(
        Q(left_on__isnull=True) | Q(left_on__gte=period.end)
    )
    professionals = in_post.count()
    fields = FieldOfExpertise.objects.filter(experts__in=in_post).distinct().count()
    diagnostics = Diagnostic.objects.filter(status=DiagnosticStatus.FINISHED).aggregate(
        first=Min("finished_at"),
        in_year=Count(
            "pk",
            filter=Q(finished_at__date__gte=period.start, finished_at__date__lte=period.end),
        ),
    )
    first = diagnostics["first"]
    launched = first.year if first is not None and first.date() <= period.end else None
    return ConsortiumSection(
        professionals=professionals,
        fields_of_expertise=fields,
        diagnostics_finished=diagnostics["in_year"],
        diagnostic_launched=launched,
        sentence=sentences.the_consortium(professionals, fields),
        diagnostics_sentence=sentences.diagnostics_done(diagnostics["in_year"], launched),
    )


def _shown(
    texts: dict,
    governance: Mapping,
    membership: MembershipSection,
    services: ServicesSection,
    finance: FinanceSection,
    people: HumanCapitalSection,
    development: Mapping,
    projects: list,
    communications: Mapping,
) -> dict[str, bool]:
    """Which sections have data to print (the keys are the report's anchors, with "_")."""
    publications = communications.get("publications", {})
    activities = any(activity["count"] for activity in development["activities"])
    return {
        "mot_presidence": ReportSection.PRESIDENT_MESSAGE in texts,
        "mot_direction": ReportSection.GENERAL_MANAGER_MESSAGE in texts,
        "mission": any(
            section in texts
            for section in (ReportSection.MISSION, ReportSection.VISION, ReportSection.OBJECTIVES)
        ),
        "vie_associative": bool(any(governance["meetings"].values()) or governance["board_seats"]),
        "membrariat": bool(membership.new_members),
        "services": bool(services.hours),
        "finances": finance.has_actuals,
        "capital_humain": any(role.count for role in people.headcount),
        "developpement": bool(activities or development["partnerships"]),
        "developpement_activities": activities,
        "projets": bool(projects),
        "communications": bool(
            any(channel["followers"] or channel["posts"] for channel in communications["channels"])
            or any(publications.values())
            or communications["events"]
            or communications["press"]
        ),
    }


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
    governance = governance_report(period)
    membership = MembershipSection(
        new_members=ledger.new_members,
        members_at_start=ledger.members_at_start,
        members_at_end=ledger.members_at_end,
        growth_pct=ledger.membership_growth_pct,
        sentence=sentences.new_members(ledger.new_members, ledger.membership_growth_pct),
        by_province=_by_province(period),
    )
    services = _services(ledger, names, finance, surveys)
    finance_section = _finance(fiscal_year, finance)
    people = _human_capital(ledger, surveys, training)
    development = development_report(period)
    projects = projects_report(period)
    communications = communications_report(period)
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
        governance=governance,
        membership=membership,
        services=services,
        finance=finance_section,
        human_capital=people,
        development=development,
        projects=projects,
        communications=communications,
        calendar_year=_calendar_year(period),
        consortium=_consortium(period),
        shown=_shown(
            texts,
            governance,
            membership,
            services,
            finance_section,
            people,
            development,
            projects,
            communications,
        ),
    )
