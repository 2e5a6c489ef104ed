"""Write the planned documents: drafts with their lines and backup detail, then one update that
issues them in number order, a few credit notes, then the payments (most invoices paid within
their terms, a few late for the aged balance)."""

import datetime as dt
import random
from collections import defaultdict
from decimal import Decimal

from django.db import connection

from consortium.billing.models import (
    CreditReason,
    Invoice,
    InvoiceCounter,
    InvoiceEntry,
    InvoiceKind,
    InvoiceLine,
    InvoiceStatus,
    LineKind,
    Payment,
    PaymentMethod,
    TaxCode,
)
from consortium.billing.taxes import Line, invoice_totals
from consortium.core.fiscal_years import fiscal_year_name_for
from consortium.core.money import ZERO, cents
from consortium.demo.generator.billing.plan import REPORT_YEARS
from consortium.mandates.models import Mandate

BATCH = 2_000
ENTRY_BATCH = 300  # rows of one INSERT: 900 parameters, under every SQLite's limit
CREDIT_NOTES = 4  # after the report years
CREDIT_SHARE = Decimal("0.10")
TOTAL_FIELDS = ("subtotal", "discount", "taxable", "gst", "qst", "total")
ISSUE_FIELDS = (
    "status",
    "fiscal_year",
    "sequence",
    "number",
    "issued_on",
    "due_on",
    "issued_by",
    "supplier_name",
    "supplier_address",
    "supplier_gst_number",
    "supplier_qst_number",
    "customer_name",
)
# Of the invoices issued 60 days to a year ago: unpaid, or paid in part (the aged balance).
LATE, LATE_WINDOW = 0.05, 365
METHODS = {PaymentMethod.TRANSFER: 0.7, PaymentMethod.CHEQUE: 0.25, PaymentMethod.CARD: 0.05}


def _update(invoices: list[Invoice], names: tuple[str, ...]) -> None:
    """One UPDATE statement, run for every invoice (bulk_update's CASE per field costs more
    than the whole demo on thousands of rows)."""
    fields = [Invoice._meta.get_field(name) for name in names]
    columns = ", ".join(f"{connection.ops.quote_name(field.column)} = %s" for field in fields)
    table = connection.ops.quote_name(Invoice._meta.db_table)
    rows = [
        [field.get_db_prep_save(getattr(invoice, field.attname), connection) for field in fields]
        + [invoice.pk]
        for invoice in invoices
    ]
    with connection.cursor() as cursor:
        cursor.executemany(f"UPDATE {table} SET {columns} WHERE id = %s", rows)


def _descriptions(invoices, programmes) -> None:
    mandates = {
        pk: (code, title)
        for pk, code, title in Mandate.objects.filter(
            pk__in={line.mandate for i in invoices for line in i.lines.values() if line.mandate}
        ).values_list("pk", "code", "title")
    }
    for invoice in invoices:
        for line in invoice.lines.values():
            if line.description or not line.mandate:
                continue
            code, title = mandates[line.mandate]
            if line.kind == LineKind.FIXED_FEE:
                line.description = f"{code} – {title} : forfait mensuel de gestion déléguée"
            elif line.kind == LineKind.COVERED:
                programme = programmes[line.programme]
                line.description = (
                    f"{code} – {title} : heures prises en charge par {programme.funder.name} "
                    f"({programme.name_fr})"
                )
            else:
                line.description = f"{code} – {title}"


def _totals(lines) -> dict:  # every demo line is taxable
    totals = invoice_totals(Line(line.amount, TaxCode.TAXABLE) for line in lines)
    return {name: getattr(totals, name) for name in TOTAL_FIELDS}


def _insert(documents: list[tuple[Invoice, list]]) -> None:
    """Drafts, then their lines, then the lines' entries."""
    Invoice.objects.bulk_create([invoice for invoice, _lines in documents], batch_size=BATCH)
    rows = []
    for invoice, lines in documents:
        for position, line in enumerate(lines):
            rows.append(
                InvoiceLine(
                    invoice_id=invoice.pk,
                    position=position,
                    kind=line.kind,
                    mandate_id=line.mandate,
                    served_organisation_id=line.served,
                    programme_id=line.programme_id,
                    description=line.description[:500],
                    hours=line.hours or None,
                    rate=line.rate if line.kind in (LineKind.HOURS, LineKind.FUNDED) else None,
                    amount=line.amount,
                    tax_code=TaxCode.TAXABLE,
                    credited_line_id=getattr(line, "credited_line", None),
                )
            )
    for row in rows:
        row.clean_fields(exclude=["invoice", "mandate", "served_organisation", "programme"])
    InvoiceLine.objects.bulk_create(rows, batch_size=BATCH)
    # The backup detail is the bulk of the rows: plain INSERTs of many rows each (the
    # statement-level triggers of PostgreSQL then check each batch once).
    backup = [
        (row.pk, entry, hours)
        for row, line in zip(rows, (line for _i, lines in documents for line in lines), strict=True)
        for entry, hours in line.entries
    ]
    table = connection.ops.quote_name(InvoiceEntry._meta.db_table)
    hours_field = InvoiceEntry._meta.get_field("hours")
    with connection.cursor() as cursor:
        for first in range(0, len(backup), ENTRY_BATCH):
            rows = backup[first : first + ENTRY_BATCH]
            values = ", ".join(["(%s, %s, %s)"] * len(rows))
            cursor.execute(
                f"INSERT INTO {table} (line_id, time_entry_id, hours) VALUES {values}",
                [
                    value
                    for line, entry, hours in rows
                    for value in (line, entry, hours_field.get_db_prep_save(hours, connection))
                ],
            )


def write_documents(
    invoices, *, settings, organisations, years, programmes, today, rng: random.Random, issued_by
) -> dict[str, int]:
    _descriptions(invoices, programmes)
    for invoice in invoices:
        for line in invoice.lines.values():
            line.programme_id = programmes[line.programme].pk if line.programme else None
    ordered = sorted(
        invoices,
        key=lambda i: (i.issued_on, organisations[i.organisation].code, i.programme),
    )
    documents = []
    for plan in ordered:
        lines = list(plan.lines.values())
        invoice = Invoice(
            kind=InvoiceKind.INVOICE,
            status=InvoiceStatus.DRAFT,
            organisation_id=plan.organisation,
            # In the organisation's language, as the drafting service writes them.
            language=organisations[plan.organisation].language,
            programme_id=programmes[plan.programme].pk if plan.programme else None,
            period_end=plan.issued_on,
            **_totals(lines),
        )
        invoice.clean_fields(exclude=["organisation", "programme", "fiscal_year"])
        documents.append((invoice, lines))
    _insert(documents)

    counters: dict[tuple[str, str], int] = defaultdict(int)
    supplier = {
        "supplier_name": settings.legal_name,
        "supplier_address": settings.address,
        "supplier_gst_number": settings.gst_number,
        "supplier_qst_number": settings.qst_number,
    }

    def issue(invoice: Invoice, day: dt.date, prefix: str = "") -> None:
        year = fiscal_year_name_for(day)
        counters[(year, invoice.kind)] += 1
        invoice.status = InvoiceStatus.ISSUED
        invoice.fiscal_year = years[year]
        invoice.sequence = counters[(year, invoice.kind)]
        invoice.number = f"{prefix}{year}-{invoice.sequence:04d}"
        invoice.issued_on = day
        invoice.due_on = day + dt.timedelta(days=settings.payment_terms_days)
        invoice.issued_by = issued_by
        invoice.customer_name = organisations[invoice.organisation_id].name
        for name, value in supplier.items():
            setattr(invoice, name, value)

    issued = [invoice for invoice, _lines in documents]
    for invoice, planned in zip(issued, ordered, strict=True):
        issue(invoice, planned.issued_on)
    _update(issued, ISSUE_FIELDS)

    credits = _credit_notes(issued, documents, rng, today)
    for credit in credits:
        issue(credit, credit.issued_on, "NC-")
    _update(credits, ISSUE_FIELDS)

    _update([credit.credited_invoice for credit in credits], ("credited",))
    payments = _payments(issued, rng, today)
    for (year, kind), last in counters.items():
        InvoiceCounter.objects.update_or_create(
            fiscal_year=years[year], kind=kind, defaults={"last": last}
        )
    return {"invoices": len(issued), "credit_notes": len(credits), "payments": payments}


def _credit_notes(issued, documents, rng, today) -> list[Invoice]:
    """A few partial corrections of invoices after the report years (whose revenue the report
    figures fix), as billing.services.credits makes them: a tenth of the invoice's largest line
    credited by a line that names it, issued ten days after the invoice."""
    candidates = [
        invoice
        for invoice in issued
        if fiscal_year_name_for(invoice.issued_on) not in REPORT_YEARS
        and invoice.issued_on.month != 3
        and invoice.subtotal > 1_000
        and invoice.issued_on + dt.timedelta(days=10) < today
    ]
    chosen = sorted(rng.sample(candidates, min(CREDIT_NOTES, len(candidates))), key=lambda i: i.pk)
    largest = {}
    for line in InvoiceLine.objects.filter(invoice__in=chosen).order_by("amount", "-id"):
        largest[line.invoice_id] = line
    drafts = []
    for invoice in chosen:
        credited = largest[invoice.pk]
        line = _CreditLine(cents(credited.amount * CREDIT_SHARE), credited)
        credit = Invoice(
            kind=InvoiceKind.CREDIT_NOTE,
            status=InvoiceStatus.DRAFT,
            organisation_id=invoice.organisation_id,
            credited_invoice=invoice,
            language=invoice.language,
            credit_reason=CreditReason.CORRECTION,
            note=f"Correction de la facture {invoice.number} : heures facturées en double.",
            period_end=invoice.period_end,
            **_totals([line]),
        )
        drafts.append((credit, [line]))
    _insert(drafts)
    credits = [credit for credit, _lines in drafts]
    for credit in credits:
        credit.issued_on = credit.credited_invoice.issued_on + dt.timedelta(days=10)
        credit.credited_invoice.credited += credit.total
    return credits


class _CreditLine:
    """A credit note's line, in the planned lines' shape."""

    kind = LineKind.CREDIT
    rate = hours = None
    entries = ()

    def __init__(self, amount: Decimal, credited: InvoiceLine) -> None:
        self.amount, self.credited_line = amount, credited.pk
        self.description = credited.description
        self.mandate, self.served = credited.mandate_id, credited.served_organisation_id
        self.programme_id = credited.programme_id


def _payments(issued, rng: random.Random, today: dt.date) -> int:
    rows, paid = [], []
    methods, weights = list(METHODS), list(METHODS.values())
    for invoice in issued:
        due = invoice.total - invoice.credited
        if due <= ZERO:
            continue
        age = (today - invoice.issued_on).days
        if 60 < age < LATE_WINDOW and rng.random() < LATE:
            share = rng.choice([ZERO, Decimal("0.5")])
        elif age > 45 or rng.random() < age / 60:
            share = Decimal("1")
        else:
            share = ZERO
        amount = cents(due * share)
        if amount <= ZERO:
            continue
        day = min(invoice.issued_on + dt.timedelta(days=rng.randint(8, 40)), today)
        rows.append(
            Payment(
                invoice_id=invoice.pk,
                date=day,
                amount=amount,
                method=rng.choices(methods, weights)[0],
                reference=f"{invoice.number}-P1",
            )
        )
        invoice.paid = amount
        invoice.status = InvoiceStatus.PAID if amount == due else InvoiceStatus.PARTLY_PAID
        paid.append(invoice)
    for row in rows:
        row.clean_fields(exclude=["invoice"])
    Payment.objects.bulk_create(rows, batch_size=BATCH)
    _update(paid, ("paid", "status"))
    return len(rows)
