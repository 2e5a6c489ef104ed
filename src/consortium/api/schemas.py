"""The API's documents: what each resource reads and writes (OpenAPI comes from these)."""

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any

from ninja import Path, Schema
from pydantic import AwareDatetime, BeforeValidator, Field

from consortium.api.pagination import page_of


def _strict_boolean(value: Any) -> Any:
    """Only true and false: "1", "yes", "on" are refused, not guessed."""
    if isinstance(value, bool):
        return value
    if value in ("true", "false"):
        return value == "true"
    raise ValueError("booléen attendu : true ou false")


StrictBoolean = Annotated[bool, BeforeValidator(_strict_boolean)]

# What the API takes in is bounded as the database and the services take it: codes as
# core/codes.py writes them, days the calendar helpers can move by a week, no NUL in text
# (PostgreSQL refuses it), ids within a 64-bit integer.
Code = Annotated[str, Field(min_length=1, max_length=30, pattern=r"^[A-Za-z0-9._-]+$")]
Day = Annotated[dt.date, Field(ge=dt.date(1900, 1, 1), le=dt.date(2199, 12, 31))]
Hours = Annotated[Decimal, Field(ge=0, le=24, max_digits=4, decimal_places=2)]
Description = Annotated[str, Field(max_length=2000, pattern=r"^[^\x00]*$")]
ExternalId = Annotated[str, Field(max_length=100, pattern=r"^[^\x00]*$")]
MAX_ID = 2**53
Id = Annotated[int, Path(ge=1, le=MAX_ID)]


class Membership(Schema):
    category: str
    start: dt.date
    end: dt.date | None


class Organisation(Schema):
    id: int
    code: str
    name: str
    legal_form: str
    neq: str
    region: str
    language: str
    federation: str | None
    memberships: list[Membership]

    @staticmethod
    def resolve_federation(organisation) -> str | None:
        return organisation.federation.code if organisation.federation_id else None

    @staticmethod
    def resolve_memberships(organisation) -> list:
        return list(organisation.memberships.all())


class Coded(Schema):
    id: int
    code: str
    name_fr: str
    name_en: str


class Department(Coded):
    pass


class MandateType(Coded):
    billable: bool


class Expert(Schema):
    id: int
    code: str
    first_name: str
    last_name: str
    email: str
    role: str
    department: str
    hired_on: dt.date
    left_on: dt.date | None

    @staticmethod
    def resolve_department(expert) -> str:
        return expert.department.code


class Mandate(Schema):
    id: int
    code: str
    title: str
    organisation: str
    mandate_type: str
    department: str
    start: dt.date
    end: dt.date | None
    status: str
    budget_hours: Decimal | None
    billable: bool | None

    @staticmethod
    def resolve_organisation(mandate) -> str:
        return mandate.organisation.code

    @staticmethod
    def resolve_mandate_type(mandate) -> str:
        return mandate.mandate_type.code

    @staticmethod
    def resolve_department(mandate) -> str:
        return mandate.department.code


class TimeEntry(Schema):
    id: int
    expert: str
    mandate: str
    date: dt.date
    hours: Decimal
    start_time: dt.time | None
    end_time: dt.time | None
    description: str
    source: str
    external_id: str
    created_at: AwareDatetime
    updated_at: AwareDatetime


class TimeEntryCreate(Schema):
    """Hours, or a start and an end (the hours are then the time between them; an end before
    the start crossed midnight)."""

    expert: Code
    mandate: Code
    date: Day
    hours: Hours | None = None
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    description: Description = ""
    external_id: ExternalId = Field(
        "",
        description="Your software's id of the entry: a second entry with the same id is "
        "refused (422 on `external_id`), so a retried call never adds it twice.",
    )


# One call adds at most this many entries: a batch is one transaction, kept short.
BATCH_MAX = 500


class TimeEntryBatch(Schema):
    """Entries to add all at once, or none: a refusal names each entry by its position
    (`entries.3.hours`)."""

    entries: list[TimeEntryCreate] = Field(min_length=1, max_length=BATCH_MAX)


class TimeEntryBatchResult(Schema):
    results: list[TimeEntry]


class TimeEntryChange(Schema):
    """Only the fields sent change; `start_time` and `end_time` sent as null clear them."""

    mandate: Code | None = None
    date: Day | None = None
    hours: Hours | None = None
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    description: Description | None = None


class Week(Schema):
    id: int
    expert: str
    week_start: dt.date
    status: str
    submitted_at: AwareDatetime | None
    decided_at: AwareDatetime | None
    decided_by: str | None
    reason: str

    @staticmethod
    def resolve_expert(week) -> str:
        return week.expert.code

    @staticmethod
    def resolve_decided_by(week) -> str | None:
        return week.decided_by.username if week.decided_by_id else None


class WeekSubmit(Schema):
    expert: Code
    week_start: Day


class WeekReturn(Schema):
    reason: Annotated[str, Field(min_length=1, max_length=2000, pattern=r"^[^\x00]*$")]


class InvoiceLine(Schema):
    id: int
    position: int
    description: str
    hours: Decimal | None
    rate: Decimal | None
    amount: Decimal


class Invoice(Schema):
    id: int
    number: str
    kind: str
    status: str
    organisation: str
    language: str
    period_end: dt.date | None
    issued_on: dt.date | None
    due_on: dt.date | None
    credited_invoice: int | None = Field(None, alias="credited_invoice_id")
    subtotal: Decimal
    discount: Decimal
    taxable: Decimal
    gst: Decimal
    qst: Decimal
    total: Decimal
    lines: list[InvoiceLine]

    @staticmethod
    def resolve_organisation(invoice) -> str:
        return invoice.organisation.code

    @staticmethod
    def resolve_lines(invoice) -> list:
        return list(invoice.lines.all())


class InvoicesDraft(Schema):
    through: Day
    organisations: list[Code] | None = None


class DraftRun(Schema):
    created: int
    extended: int
    hours: Decimal
    amount: Decimal
    problems: list[str]
    invoice_ids: list[int]


class InvoiceIssue(Schema):
    on: Day | None = None


class InvoiceCancel(Schema):
    note: Description = ""
    on: Day | None = None


class TokenInfo(Schema):
    user: str
    name: str
    scopes: list[str]
    expires_at: AwareDatetime | None
    created_at: AwareDatetime


class Problem(Schema):
    type: str
    title: str
    status: int
    detail: str
    instance: str
    errors: list[dict[str, str]] = []


OrganisationPage = page_of(Organisation, "OrganisationPage")
DepartmentPage = page_of(Department, "DepartmentPage")
MandateTypePage = page_of(MandateType, "MandateTypePage")
ExpertPage = page_of(Expert, "ExpertPage")
MandatePage = page_of(Mandate, "MandatePage")
TimeEntryPage = page_of(TimeEntry, "TimeEntryPage")
WeekPage = page_of(Week, "WeekPage")
InvoicePage = page_of(Invoice, "InvoicePage")
