"""What organisations owe: the aged balance on a date, and one organisation's statement.

Age is counted from the **invoice date** (`issued_on`), not the due date: 0-30 days holds the
invoices of the last 30 days whether or not they are due yet, as the centre's accounting system
prints it. An invoice's open balance on a date is its total less the payments dated up to that
day and the credit notes issued up to that day; the sums are computed in SQL, one query.
"""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import (
    Case,
    DecimalField,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce

from consortium.billing.models import Invoice, InvoiceKind, InvoiceStatus, Payment
from consortium.core.money import MONEY, ZERO
from consortium.members.models import Organisation

_MONEY = DecimalField(**MONEY)
BUCKETS = ("days_0_30", "days_31_60", "days_61_90", "over_90")


def _money_sum(expression) -> Coalesce:
    return Coalesce(Sum(expression), Value(ZERO), output_field=_MONEY)


def _paid_by(on: dt.date) -> Subquery:
    payments = (
        Payment.objects.filter(invoice=OuterRef("pk"), date__lte=on)
        .order_by()
        .values("invoice")
        .annotate(amount=Sum("amount"))
        .values("amount")
    )
    return Coalesce(Subquery(payments, output_field=_MONEY), Value(ZERO), output_field=_MONEY)


def _credited_by(on: dt.date) -> Subquery:
    notes = (
        Invoice.objects.filter(
            credited_invoice=OuterRef("pk"),
            kind=InvoiceKind.CREDIT_NOTE,
            issued_on__lte=on,
        )
        .exclude(status=InvoiceStatus.DRAFT)
        .order_by()
        .values("credited_invoice")
        .annotate(amount=Sum("total"))
        .values("amount")
    )
    return Coalesce(Subquery(notes, output_field=_MONEY), Value(ZERO), output_field=_MONEY)


@dataclass
class AgedRow:
    organisation_id: int
    code: str
    name: str
    days_0_30: Decimal
    days_31_60: Decimal
    days_61_90: Decimal
    over_90: Decimal
    total: Decimal


@dataclass
class AgedBalance:
    on: dt.date
    rows: list[AgedRow]
    totals: dict[str, Decimal] = field(default_factory=dict)


def aged_balance(*, on: dt.date, organisation_ids=None) -> AgedBalance:
    """Each organisation's open balance on `on`, split by the age of its invoices (0-30, 31-60,
    61-90, over 90 days after the invoice date), organisations owing nothing left out: one
    query. `organisation_ids` (a list or a subquery) narrows it."""
    invoices = Invoice.objects.filter(kind=InvoiceKind.INVOICE, issued_on__lte=on).exclude(
        status=InvoiceStatus.DRAFT
    )
    if organisation_ids is not None:
        invoices = invoices.filter(organisation_id__in=organisation_ids)
    open_amount = F("total") - _paid_by(on) - _credited_by(on)
    limits = [on - dt.timedelta(days=days) for days in (30, 60, 90)]
    ages = {
        "days_0_30": Q(issued_on__gte=limits[0]),
        "days_31_60": Q(issued_on__lt=limits[0], issued_on__gte=limits[1]),
        "days_61_90": Q(issued_on__lt=limits[1], issued_on__gte=limits[2]),
        "over_90": Q(issued_on__lt=limits[2]),
    }
    sums = {
        name: _money_sum(
            Case(When(age, then=open_amount), default=Value(ZERO), output_field=_MONEY)
        )
        for name, age in ages.items()
    }
    grouped = (
        invoices.order_by()
        .values("organisation_id", "organisation__code", "organisation__name")
        .annotate(**sums, total=_money_sum(open_amount))
        .exclude(total=ZERO)
        .order_by("organisation__name", "organisation_id")
    )
    rows = [
        AgedRow(
            organisation_id=row["organisation_id"],
            code=row["organisation__code"],
            name=row["organisation__name"],
            total=row["total"],
            **{name: row[name] for name in BUCKETS},
        )
        for row in grouped
    ]
    totals = {name: sum((getattr(row, name) for row in rows), ZERO) for name in (*BUCKETS, "total")}
    return AgedBalance(on=on, rows=rows, totals=totals)


@dataclass(frozen=True)
class StatementLine:
    date: dt.date
    kind: str  # "invoice", "credit_note" or "payment"
    label: str  # the document's number, or the payment's method and reference
    invoice_id: int  # the document, or the invoice a payment settles
    debit: Decimal
    credit: Decimal
    balance: Decimal


@dataclass
class Statement:
    organisation: Organisation
    start: dt.date
    end: dt.date
    opening: Decimal
    lines: list[StatementLine]
    closing: Decimal
    debits: Decimal
    credits: Decimal


def _documents(organisation: Organisation) -> QuerySet[Invoice]:
    return Invoice.objects.filter(organisation=organisation).exclude(status=InvoiceStatus.DRAFT)


def statement(*, organisation: Organisation, start: dt.date, end: dt.date) -> Statement:
    """The organisation's invoices, credit notes and payments from `start` to `end` in date
    order, each with the running balance after it, from the balance owed before `start`: four
    queries, whatever the number of documents."""
    documents = _documents(organisation)
    payments = Payment.objects.filter(invoice__organisation=organisation)
    owed = documents.filter(issued_on__lt=start).aggregate(
        amount=_money_sum(
            Case(
                When(kind=InvoiceKind.CREDIT_NOTE, then=-F("total")),
                default=F("total"),
                output_field=_MONEY,
            )
        )
    )["amount"]
    paid = payments.filter(date__lt=start).aggregate(amount=_money_sum("amount"))["amount"]
    opening = owed - paid
    events = []
    in_period = documents.filter(issued_on__range=(start, end)).values_list(
        "issued_on", "kind", "number", "pk", "total"
    )
    for date, kind, number, pk, total in in_period:
        credit = kind == InvoiceKind.CREDIT_NOTE
        events.append((date, 0 if not credit else 1, pk, kind, number, pk, total, credit))
    paid_in_period = payments.filter(date__range=(start, end)).values_list(
        "date", "pk", "invoice_id", "invoice__number", "amount", "method", "reference"
    )
    methods = dict(Payment._meta.get_field("method").choices)
    for date, pk, invoice_id, number, amount, method, reference in paid_in_period:
        label = " ".join(part for part in (str(methods.get(method, method)), reference) if part)
        events.append((date, 2, pk, "payment", f"{label} — {number}", invoice_id, amount, True))
    events.sort(key=lambda event: event[:3])
    lines, balance = [], opening
    debits = credits = ZERO
    for date, _order, _pk, kind, label, invoice_id, amount, is_credit in events:
        debit, credit = (ZERO, amount) if is_credit else (amount, ZERO)
        balance += debit - credit
        debits += debit
        credits += credit
        lines.append(StatementLine(date, kind, label, invoice_id, debit, credit, balance))
    return Statement(
        organisation=organisation,
        start=start,
        end=end,
        opening=opening,
        lines=lines,
        closing=balance,
        debits=debits,
        credits=credits,
    )
