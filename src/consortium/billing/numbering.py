"""Gap-free numbers, one series per kind of document and fiscal year.

Patterns (the fiscal year is the one containing the issue date):

- invoices: ``2020-2021-0001``, ``2020-2021-0002``…
- credit notes: ``NC-2020-2021-0001``… (« note de crédit »), a series of their own.

The number is taken by incrementing the series' InvoiceCounter row under a lock (SELECT … FOR
UPDATE on PostgreSQL; on SQLite every transaction starts with BEGIN IMMEDIATE, which holds the
database's one write lock). It must be taken inside the transaction that issues the document:
a rollback then gives the number back with it, so the series never has a gap, and a second
issuer waits for the first to commit before it reads the counter.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction

from consortium.billing.models import InvoiceCounter, InvoiceKind
from consortium.core.fiscal_years import fiscal_year_name_for
from consortium.core.models import FiscalYear
from consortium.core.services import fiscal_year_create

PREFIXES = {InvoiceKind.INVOICE: "", InvoiceKind.CREDIT_NOTE: "NC-"}
DIGITS = 4


def number_format(*, kind: str, fiscal_year: str, sequence: int) -> str:
    """The printed number of the `sequence`-th document of `kind` in `fiscal_year`."""
    return f"{PREFIXES[InvoiceKind(kind)]}{fiscal_year}-{sequence:0{DIGITS}d}"


def fiscal_year_containing(on: dt.date) -> FiscalYear:
    """The stored fiscal year containing `on`, created from the configured start month if none."""
    years = FiscalYear.objects.filter(start_date__lte=on, end_date__gte=on)
    year = years.first()
    if year is not None:
        return year
    try:
        return fiscal_year_create(name=fiscal_year_name_for(on))
    except (IntegrityError, ValidationError):
        # Another issuer created it first (it committed, or we waited for it to).
        year = years.first()
        if year is None:
            raise
        return year


def number_take(*, kind: str, on: dt.date) -> tuple[FiscalYear, int, str]:
    """Take the next number of the series of `kind` for the fiscal year containing `on`:
    (fiscal year, sequence, printed number). Only inside the issuing transaction."""
    if not connection.in_atomic_block:
        raise RuntimeError("number_take must run inside the issuing transaction.")
    kind = InvoiceKind(kind)
    year = fiscal_year_containing(on)
    counter = _counter_locked(year, kind)
    counter.last += 1
    counter.save(update_fields=["last"])
    return (
        year,
        counter.last,
        number_format(kind=kind, fiscal_year=year.name, sequence=counter.last),
    )


def _counter_locked(year: FiscalYear, kind: str) -> InvoiceCounter:
    counters = InvoiceCounter.objects.select_for_update().filter(fiscal_year=year, kind=kind)
    counter = counters.first()
    if counter is not None:
        return counter
    # The series' first number: two issuers may both find no row; the unique constraint lets
    # one insert it, the other then waits on its lock like any later issuer.
    try:
        with transaction.atomic():
            InvoiceCounter.objects.create(fiscal_year=year, kind=kind, last=0)
    except IntegrityError:
        pass
    return counters.get()
