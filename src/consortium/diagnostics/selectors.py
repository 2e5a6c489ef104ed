"""Reads of the diagnostic: a diagnostic's sheet (sections, questions, options, answers), its
result (stored scores, bands, services, the comparison with the previous one), what a member's
portal shows, the staff's list and aggregate, and the service requests.

Every function reads a fixed number of queries, whatever the number of questions or diagnostics.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Avg, Count, F, OuterRef, Prefetch, Q, QuerySet, Subquery, Window
from django.urls import reverse
from django.utils.translation import gettext as _

from consortium.core.documents import DocumentLink
from consortium.diagnostics.models import (
    Band,
    Diagnostic,
    DiagnosticAnswer,
    DiagnosticStatus,
    Option,
    Question,
    Questionnaire,
    Section,
    SectionScore,
    ServiceRequest,
    ServiceRequestStatus,
)
from consortium.diagnostics.scoring import (
    BandBounds,
    ScoredQuestion,
    band_index,
    score_change,
)
from consortium.mandates.models import MandateType
from consortium.members.models import LegalForm, Membership, Organisation, Region
from consortium.staff.models import Department

# --- the sheet: what a contact answers -----------------------------------------------------------


@dataclass
class SheetQuestion:
    question: Question
    options: list[Option]
    answer: DiagnosticAnswer | None

    @property
    def is_answered(self) -> bool:
        return self.answer is not None

    @property
    def value(self) -> str:
        """The answer as the form's radio value: an option's id, "na", or ""."""
        if self.answer is None:
            return ""
        return "na" if self.answer.not_applicable else str(self.answer.option_id)

    def scored(self) -> ScoredQuestion:
        points = None
        if self.answer is not None and not self.answer.not_applicable:
            points = next(
                (option.points for option in self.options if option.pk == self.answer.option_id),
                None,
            )
        return ScoredQuestion(
            section=self.question.section_id,
            weight=self.question.weight,
            max_points=max((option.points for option in self.options), default=Decimal(0)),
            points=points,
        )


@dataclass
class SheetSection:
    section: Section
    number: int
    questions: list[SheetQuestion]

    @property
    def answered(self) -> int:
        return sum(1 for question in self.questions if question.is_answered)

    @property
    def unanswered(self) -> int:
        return len(self.questions) - self.answered


@dataclass
class Sheet:
    diagnostic: Diagnostic
    sections: list[SheetSection]

    @property
    def question_count(self) -> int:
        return sum(len(section.questions) for section in self.sections)

    @property
    def answered(self) -> int:
        return sum(section.answered for section in self.sections)

    @property
    def unanswered(self) -> int:
        return self.question_count - self.answered

    @property
    def progress_pct(self) -> int:
        if not self.question_count:
            return 0
        return round(self.answered * 100 / self.question_count)

    def scored_questions(self) -> list[ScoredQuestion]:
        return [question.scored() for section in self.sections for question in section.questions]


def questionnaire_sections(questionnaire_id: int) -> list[Section]:
    """The sections with their questions and options: three queries."""
    return list(
        Section.objects.filter(questionnaire_id=questionnaire_id)
        .order_by("position")
        .prefetch_related(
            Prefetch(
                "questions",
                queryset=Question.objects.order_by("position").prefetch_related(
                    Prefetch("options", queryset=Option.objects.order_by("position"))
                ),
            )
        )
    )


def diagnostic_sheet(diagnostic: Diagnostic) -> Sheet:
    """The diagnostic's sections, questions, options and answers: four queries."""
    sections = questionnaire_sections(diagnostic.questionnaire_id)
    answers = {answer.question_id: answer for answer in diagnostic.answers.all()}
    return Sheet(
        diagnostic=diagnostic,
        sections=[
            SheetSection(
                section=section,
                number=number,
                questions=[
                    SheetQuestion(
                        question=question,
                        options=list(question.options.all()),
                        answer=answers.get(question.pk),
                    )
                    for question in section.questions.all()
                ],
            )
            for number, section in enumerate(sections, start=1)
        ],
    )


# --- the organisation's diagnostics --------------------------------------------------------------


def active_questionnaire() -> Questionnaire | None:
    return Questionnaire.objects.filter(is_active=True).first()


def organisation_draft(organisation: Organisation) -> Diagnostic | None:
    return organisation.diagnostics.filter(status=DiagnosticStatus.DRAFT).first()


def finished_diagnostics(organisation: Organisation) -> QuerySet[Diagnostic]:
    return organisation.diagnostics.filter(status=DiagnosticStatus.FINISHED).order_by(
        "-finished_at", "-pk"
    )


def organisation_diagnostic(organisation: Organisation, pk: int | None) -> Diagnostic | None:
    if pk is None:
        return None
    return (
        organisation.diagnostics.select_related("questionnaire", "organisation")
        .filter(pk=pk)
        .first()
    )


def bands_of(questionnaire_id: int) -> list[Band]:
    return list(Band.objects.filter(questionnaire_id=questionnaire_id).order_by("lower_pct"))


def band_for(score: Decimal | None, bands: list[Band]) -> Band | None:
    index = band_index(score, [BandBounds(band.lower_pct, band.upper_pct) for band in bands])
    return None if index is None else bands[index]


# --- a finished diagnostic's result --------------------------------------------------------------


@dataclass(frozen=True)
class OfferedService:
    mandate_type: MandateType
    department: Department
    request: ServiceRequest | None


@dataclass
class SectionResult:
    section: Section
    score: Decimal | None
    answered: int
    band: Band | None
    below_threshold: bool
    previous: Decimal | None = None
    services: list[OfferedService] = field(default_factory=list)

    @property
    def change(self) -> Decimal | None:
        return score_change(self.score, self.previous)


@dataclass
class Result:
    diagnostic: Diagnostic
    overall: Decimal | None
    band: Band | None
    sections: list[SectionResult]
    previous: Diagnostic | None

    @property
    def below_threshold(self) -> list[SectionResult]:
        return [section for section in self.sections if section.below_threshold]

    @property
    def overall_change(self) -> Decimal | None:
        return score_change(self.overall, self.previous.overall_pct if self.previous else None)

    def chart_rows(self) -> tuple[tuple[str, float | None], ...]:
        return tuple(
            (row.section.title, None if row.score is None else float(row.score))
            for row in self.sections
        )


def previous_diagnostic(diagnostic: Diagnostic) -> Diagnostic | None:
    """The organisation's finished diagnostic before this one."""
    return (
        Diagnostic.objects.filter(
            organisation_id=diagnostic.organisation_id,
            status=DiagnosticStatus.FINISHED,
            finished_at__lt=diagnostic.finished_at,
        )
        .order_by("-finished_at", "-pk")
        .first()
    )


def diagnostic_result(diagnostic: Diagnostic, *, with_services: bool = True) -> Result:
    """The stored scores, their bands, the services of the sections under their threshold (and
    what was already requested), and the change since the previous diagnostic: seven queries."""
    scores = list(
        SectionScore.objects.filter(diagnostic=diagnostic)
        .select_related("section")
        .order_by("section__position")
    )
    bands = bands_of(diagnostic.questionnaire_id)
    previous = previous_diagnostic(diagnostic)
    previous_scores = {}
    if previous is not None:
        # Sections are compared by code: a new questionnaire version keeps them.
        previous_scores = dict(
            SectionScore.objects.filter(diagnostic=previous).values_list(
                "section__code", "score_pct"
            )
        )
    rows = [
        SectionResult(
            section=score.section,
            score=score.score_pct,
            answered=score.answered,
            band=band_for(score.score_pct, bands),
            below_threshold=score.score_pct is not None
            and score.score_pct < score.section.threshold_pct,
            previous=previous_scores.get(score.section.code),
        )
        for score in scores
    ]
    if with_services:
        _attach_services(diagnostic, [row for row in rows if row.below_threshold])
    return Result(
        diagnostic=diagnostic,
        overall=diagnostic.overall_pct,
        band=band_for(diagnostic.overall_pct, bands),
        sections=rows,
        previous=previous,
    )


def _attach_services(diagnostic: Diagnostic, rows: list[SectionResult]) -> None:
    if not rows:
        return
    section_ids = [row.section.pk for row in rows]
    types = MandateType.diagnostic_sections.through.objects.filter(
        section_id__in=section_ids
    ).select_related("mandatetype")
    departments = Department.diagnostic_sections.through.objects.filter(
        section_id__in=section_ids
    ).select_related("department")
    requests = {
        (request.section_id, request.mandate_type_id, request.department_id): request
        for request in ServiceRequest.objects.filter(
            organisation_id=diagnostic.organisation_id, section_id__in=section_ids
        ).order_by("requested_at")
    }
    types_of: dict[int, list[MandateType]] = {}
    for link in types:
        types_of.setdefault(link.section_id, []).append(link.mandatetype)
    departments_of: dict[int, list[Department]] = {}
    for link in departments:
        departments_of.setdefault(link.section_id, []).append(link.department)
    for row in rows:
        section_id = row.section.pk
        row.services = [
            OfferedService(
                mandate_type=mandate_type,
                department=department,
                request=requests.get((section_id, mandate_type.pk, department.pk)),
            )
            for mandate_type in sorted(types_of.get(section_id, []), key=lambda t: t.code)
            for department in sorted(departments_of.get(section_id, []), key=lambda d: d.code)
        ]


# --- what the portal shows -----------------------------------------------------------------------


def open_requests(organisation: Organisation) -> QuerySet[ServiceRequest]:
    return (
        ServiceRequest.objects.filter(organisation=organisation)
        .select_related("mandate_type", "department", "mandate")
        .order_by("-requested_at")
    )


@dataclass(frozen=True)
class PortalCard:
    organisation: Organisation
    last: Diagnostic | None
    draft: Diagnostic | None
    new_requests: int


def portal_card(organisation: Organisation) -> PortalCard:
    """The last finished diagnostic, the draft to resume and the requests awaiting a decision:
    two queries."""
    rows = list(
        Diagnostic.objects.filter(organisation=organisation).filter(
            Q(status=DiagnosticStatus.DRAFT)
            | Q(pk=Subquery(finished_diagnostics(organisation).values("pk")[:1]))
        )
    )
    return PortalCard(
        organisation=organisation,
        last=next((row for row in rows if row.status == DiagnosticStatus.FINISHED), None),
        draft=next((row for row in rows if row.status == DiagnosticStatus.DRAFT), None),
        new_requests=ServiceRequest.objects.filter(
            organisation=organisation, status=ServiceRequestStatus.NEW
        ).count(),
    )


def document_links(organisation: Organisation) -> list[DocumentLink]:
    """The PDFs of the organisation's finished diagnostics, newest first: one query."""
    return [
        DocumentLink(
            title=_("Diagnostic organisationnel du %(date)s")
            % {"date": diagnostic.finished_at.date().isoformat()},
            issued_on=diagnostic.finished_at.date(),
            url=reverse(
                "diagnostics_portal:diagnostic_pdf", args=[organisation.code, diagnostic.pk]
            ),
            kind="diagnostic",
        )
        for diagnostic in finished_diagnostics(organisation)
    ]


# --- staff: every finished diagnostic, and the aggregate -----------------------------------------


def finished_diagnostic_list(
    *, region: str = "", legal_form: str = "", organisation: str = ""
) -> QuerySet[Diagnostic]:
    rows = (
        Diagnostic.objects.filter(status=DiagnosticStatus.FINISHED)
        .select_related("organisation", "questionnaire")
        .order_by("-finished_at", "-pk")
    )
    if region:
        rows = rows.filter(organisation__region=region)
    if legal_form:
        rows = rows.filter(organisation__legal_form=legal_form)
    if organisation:
        rows = rows.filter(
            Q(organisation__code__iexact=organisation)
            | Q(organisation__name__icontains=organisation)
        )
    return rows


# A cell of the aggregate drawn from fewer diagnostics is hidden (see `aggregate`).
SMALLEST_CELL = 3


@dataclass(frozen=True)
class AggregateCell:
    mean: Decimal | None
    count: int

    @property
    def hidden(self) -> bool:
        return 0 < self.count < SMALLEST_CELL


@dataclass
class AggregateTable:
    dimension: str
    title: str
    sections: list[tuple[str, str]]  # code, title
    rows: list[tuple[str, list[AggregateCell]]]  # label, one cell per section


def _membership_category_on_finish() -> Subquery:
    finished_on = OuterRef("diagnostic__finished_at__date")
    return Subquery(
        Membership.objects.filter(
            organisation_id=OuterRef("diagnostic__organisation_id"), start__lte=finished_on
        )
        .filter(Q(end__isnull=True) | Q(end__gte=finished_on))
        .order_by("-start")
        .values("category")[:1]
    )


def aggregate(sections: list[tuple[str, str]]) -> list[AggregateTable]:
    """Mean section score of the finished diagnostics by region, by legal form and by member
    category (the organisation's membership on the day it finished), with the number of
    diagnostics behind each mean: one query per table.

    Cells of fewer than SMALLEST_CELL diagnostics are hidden: a mean of one or two
    self-assessments is not a figure to compare, and this table is the one that leaves the
    centre (board, funders), where a member must not be recognisable from its own answers.
    Sections are matched by code across questionnaire versions.
    """
    from consortium.members.models import MemberCategory

    scored = SectionScore.objects.filter(
        diagnostic__status=DiagnosticStatus.FINISHED, score_pct__isnull=False
    )
    dimensions = [
        ("region", _("Par région"), "diagnostic__organisation__region", dict(Region.choices)),
        (
            "legal_form",
            _("Par forme juridique"),
            "diagnostic__organisation__legal_form",
            dict(LegalForm.choices),
        ),
        ("category", _("Par catégorie de membre"), "category", dict(MemberCategory.choices)),
    ]
    tables = []
    for dimension, title, path, labels in dimensions:
        rows = scored
        if dimension == "category":
            rows = rows.annotate(category=_membership_category_on_finish())
        figures = (
            rows.values(path, "section__code")
            .annotate(mean=Avg("score_pct"), count=Count("diagnostic_id", distinct=True))
            .order_by(path)
        )
        cells: dict[str, dict[str, AggregateCell]] = {}
        for figure in figures:
            mean = figure["mean"]
            cells.setdefault(figure[path] or "", {})[figure["section__code"]] = AggregateCell(
                mean=None if mean is None else Decimal(str(mean)), count=figure["count"]
            )
        table_rows = [
            (
                str(labels.get(key, _("non membre") if dimension == "category" else key)),
                [cells[key].get(code, AggregateCell(None, 0)) for code, _title in sections],
            )
            for key in sorted(cells)
        ]
        tables.append(AggregateTable(dimension, title, sections, table_rows))
    return tables


def aggregate_sections() -> list[tuple[str, str]]:
    """The sections of the active questionnaire (else the latest), by code: one query."""
    questionnaire = Questionnaire.objects.order_by("-is_active", "-version").values("pk")[:1]
    return [
        (section.code, section.title)
        for section in Section.objects.filter(questionnaire_id=Subquery(questionnaire)).order_by(
            "position"
        )
    ]


# --- service requests ----------------------------------------------------------------------------


def service_request_rows(among: QuerySet[ServiceRequest]) -> QuerySet[ServiceRequest]:
    return among.select_related(
        "organisation",
        "mandate_type",
        "department",
        "section",
        "mandate",
        "requested_by",
        "decided_by",
    ).order_by(
        # New ones first, then the latest decided.
        F("decided_at").desc(nulls_first=True),
        "-requested_at",
    )


@dataclass(frozen=True)
class RequestInbox:
    count: int
    latest: list[ServiceRequest]


def new_requests_inbox(among: QuerySet[ServiceRequest], limit: int = 5) -> RequestInbox:
    """How many new requests there are and the latest `limit` of them: one query (the count is a
    window over the whole set, computed before the limit)."""
    rows = list(
        among.filter(status=ServiceRequestStatus.NEW)
        .select_related("organisation", "mandate_type", "department")
        .annotate(total=Window(Count("pk")))
        .order_by("-requested_at", "-pk")[:limit]
    )
    return RequestInbox(count=rows[0].total if rows else 0, latest=rows)
