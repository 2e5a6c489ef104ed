"""How fast billing's documents are made: a 3-page invoice as a PDF (target: under 1 s), and a
month's accounting journal of 350 invoices and their payments (query count: the same for 35 or
350). Best of three after one warm-up. Run by `make bench-billing-documents`.

Builds a fresh SQLite database in a temporary folder each time (the data are small).

    .venv/bin/python benchmarks/bench_billing_documents.py
"""

import datetime as dt
import io
import os
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

RUNS = 3
TARGET_PDF_SECONDS = 1.0
ORGANISATIONS = 350


def _best(work) -> tuple[float, object]:
    work()  # warm-up: WeasyPrint's import, the templates, the fonts
    timings, result = [], None
    for _ in range(RUNS):
        started = time.perf_counter()
        result = work()
        timings.append(time.perf_counter() - started)
    return min(timings), result


def _setup(folder: Path) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'billing.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "consortium.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _long_invoice():
    from consortium.testing.factories import (
        BillingSettingsFactory,
        DraftInvoiceFactory,
        ExpertFactory,
        InvoiceEntryFactory,
        InvoiceLineFactory,
        MandateFactory,
        TimeEntryFactory,
        issue_for_tests,
    )

    BillingSettingsFactory()
    draft = DraftInvoiceFactory()
    expert = ExpertFactory()
    for number in range(3):
        mandate = MandateFactory(organisation=draft.organisation)
        line = InvoiceLineFactory(
            invoice=draft,
            mandate=mandate,
            position=number,
            hours=Decimal("25.00"),
            rate=Decimal("95.00"),
            amount=Decimal("2375.00"),
        )
        for day in range(25):
            entry = TimeEntryFactory(
                expert=expert,
                mandate=mandate,
                date=dt.date(2020, 4, 1) + dt.timedelta(days=day),
                hours=Decimal("1.00"),
                description=f"Travaux du mandat {number}, jour {day}",
            )
            InvoiceEntryFactory(line=line, time_entry=entry)
    return issue_for_tests(draft, on=dt.date(2020, 6, 30))


def _month_of_invoices(count: int) -> None:
    from consortium.testing.factories import (
        DraftInvoiceFactory,
        InvoiceLineFactory,
        PaymentFactory,
        issue_for_tests,
    )

    for index in range(count):
        draft = DraftInvoiceFactory(discount_percent=Decimal("5") if index % 7 == 0 else 0)
        InvoiceLineFactory(invoice=draft, amount=Decimal("100.00") + index)
        invoice = issue_for_tests(draft, on=dt.date(2020, 6, 1 + index % 28))
        PaymentFactory(invoice=invoice, date=dt.date(2020, 6, 28), amount=Decimal("50.00"))


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        _setup(Path(folder))
        import pypdf
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        from consortium.billing.exports import journal_csv_lines, journal_rows
        from consortium.billing.pdf import invoice_pdf

        invoice = _long_invoice()
        seconds, pdf = _best(lambda: invoice_pdf(invoice))
        pages = len(pypdf.PdfReader(io.BytesIO(pdf)).pages)
        slow = seconds >= TARGET_PDF_SECONDS
        print(f"billing documents, SQLite ({connection.vendor}); best of {RUNS}")
        print(
            f"invoice PDF, {pages} pages, 75 hours of appendix: {seconds:.3f}s, "
            f"{len(pdf):,} bytes  {'TOO SLOW' if slow else 'ok'} (target {TARGET_PDF_SECONDS} s)"
        )

        june = {"start": dt.date(2020, 6, 1), "end": dt.date(2020, 6, 30)}
        counts = {}
        for batch in (ORGANISATIONS // 10, ORGANISATIONS - ORGANISATIONS // 10):
            _month_of_invoices(batch)
            with CaptureQueriesContext(connection) as queries:
                rows = journal_rows(**june)
            counts[len({row.entry for row in rows})] = len(queries.captured_queries)
        seconds, text = _best(lambda: "".join(journal_csv_lines(journal_rows(**june))))
        print(
            f"journal of June: {len(rows):,} lines, {len(text):,} characters in {seconds:.3f}s; "
            + ", ".join(f"{entries} entries: {n} queries" for entries, n in counts.items())
        )
        growing = len(set(counts.values())) > 1
        if growing:
            print("the journal's query count grows with the data", file=sys.stderr)
    sys.exit(1 if slow or growing else 0)


if __name__ == "__main__":
    main()
