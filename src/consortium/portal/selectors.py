"""What the portal shows an organisation's contact, each read in a fixed number of queries
whatever the data: its mandates and their approved hours by month, its hour banks, its invoices
and balance due, and the documents produced for it.

Hours are the ledger's approved hours (`timesheets.selectors.ledger.approved_time_entries`): a
week the expert has not submitted, or that waits for its director, shows nothing yet.
"""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import (
    DecimalField,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce

from consortium.accounts.access import invoices_of_portal_organisation
from consortium.billing.models import Invoice, InvoiceKind, InvoiceStatus
from consortium.billing.selectors.programmes import BankBalance, bank_balances
from consortium.core.fiscal_years import MonthStartOf, Period, fiscal_year_months
from consortium.core.models import FiscalYear
from consortium.core.money import MONEY, ZERO
from consortium.mandates.models import Mandate, MandateStatus
from consortium.members.models import Organisation
from consortium.timesheets.models import TimeEntry
from consortium.timesheets.selectors.ledger import approved_time_entries

HOURS = DecimalField(max_digits=12, decimal_places=2)
LATEST_INVOICES = 5


def portal_fiscal_years(today: dt.date) -> list[str]:
    """The fiscal years a contact may pick, newest first, up to the current one: one query."""
    return list(
        FiscalYear.objects.filter(start_date__lte=today)
        .order_by("-start_date")
        .values_list("name", flat=True)
    )


def _approved_hours_in(period: Period) -> Subquery:
    """The approved hours of each mandate (the outer row) in `period`, as a subquery."""
    entries = approved_time_entries(
        TimeEntry.objects.filter(mandate=OuterRef("pk"), date__range=(period.start, period.end))
    )
    total = entries.order_by().values("mandate").annotate(total=Sum("hours")).values("total")
    return Coalesce(Subquery(total, output_field=HOURS), Value(ZERO), output_field=HOURS)


def open_mandates(organisation: Organisation, year: Period) -> QuerySet[Mandate]:
    """The organisation's open mandates (it is served), each with `hours`: its approved hours
    in `year`. One query."""
    return (
        Mandate.objects.filter(organisation=organisation, status=MandateStatus.OPEN)
        .select_related("mandate_type", "department")
        .annotate(hours=_approved_hours_in(year))
        .order_by("-start", "code")
    )


@dataclass
class MandateHours:
    """One row of the services table: a mandate, its approved hours in each month of the year
    (in the order of the year's months), its total and the experts who gave them."""

    mandate: Mandate
    months: list[Decimal]
    total: Decimal = ZERO
    experts: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ServicesTable:
    months: list[Period]
    rows: list[MandateHours]
    month_totals: list[Decimal]
    total: Decimal


def services_by_month(organisation: Organisation, year: Period) -> ServicesTable:
    """The organisation's mandates active in `year` with their approved hours by month and the
    names of the experts who gave them. Two queries: the mandates, then the hours — one SQL
    GROUP BY mandate × month × expert for the whole table."""
    months = fiscal_year_months(year)
    index = {month.start: position for position, month in enumerate(months)}
    mandates = (
        Mandate.objects.filter(organisation=organisation, start__lte=year.end)
        .filter(Q(end__isnull=True) | Q(end__gte=year.start))
        .select_related("mandate_type")
        .order_by("start", "code")
    )
    rows = {mandate.pk: MandateHours(mandate, [ZERO] * len(months)) for mandate in mandates}
    hours = (
        approved_time_entries(
            TimeEntry.objects.filter(
                mandate__organisation=organisation, date__range=(year.start, year.end)
            )
        )
        .annotate(month=MonthStartOf("date"))
        .order_by()
        .values("mandate_id", "month", "expert__first_name", "expert__last_name")
        .annotate(total=Sum("hours"))
    )
    for row in hours:
        line = rows.get(row["mandate_id"])
        if line is None:  # hours outside the mandate's dates: the ledger allows none, but still
            continue
        line.months[index[row["month"]]] += row["total"]
        line.total += row["total"]
        name = f"{row['expert__first_name']} {row['expert__last_name']}".strip()
        if name not in line.experts:
            line.experts.append(name)
    for line in rows.values():
        line.experts.sort()
    listed = list(rows.values())
    month_totals = [sum((line.months[i] for line in listed), ZERO) for i in range(len(months))]
    return ServicesTable(months, listed, month_totals, sum(month_totals, ZERO))


def organisation_banks(organisation: Organisation) -> list[BankBalance]:
    """The organisation's bank in each programme it is eligible to (billing's reckoning)."""
    return bank_balances(organisation_ids=[organisation.pk])


def portal_invoices(user, organisation: Organisation) -> QuerySet[Invoice]:
    """The issued invoices and credit notes billed to the organisation, newest first (the
    portal's rule: `accounts.access.invoices_of_portal_organisation`)."""
    return invoices_of_portal_organisation(
        user, organisation, among=Invoice.objects.select_related("credited_invoice")
    ).order_by("-issued_on", "-number")


def balance_due(invoices: QuerySet[Invoice]) -> Decimal:
    """What the organisation still owes on these invoices: totals less payments and credit
    notes, cancelled ones left out (their credit note took them off). One query."""
    owed = (
        invoices.filter(kind=InvoiceKind.INVOICE)
        .exclude(status=InvoiceStatus.CANCELLED)
        .order_by()
        .aggregate(
            owed=Coalesce(
                Sum(F("total") - F("paid") - F("credited")),
                Value(ZERO),
                output_field=DecimalField(**MONEY),
            )
        )["owed"]
    )
    return max(owed, ZERO)
