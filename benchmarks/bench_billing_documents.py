"""How fast billing's documents are made: a 3-page invoice as a PDF (target: under 1 s), and a
month's accounting journal of 350 invoices and their payments (query count: the same for 35 or
350). Best of three after one warm-up. Run by `make bench-billing-documents`.

Builds a fresh database each time (the data are small): SQLite in a temporary folder by default;
with DATABASE_URL, a scratch PostgreSQL database `<name>_bench_documents` beside the one named,
dropped at the end.

    .venv/bin/python benchmarks/bench_billing_documents.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/NAME .venv/bin/python benchmarks/...
"""

import datetime as dt
import io
import os
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

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


def _scratch_postgresql(url: str) -> tuple[str, str, str]:
    """A new empty database beside the one `url` names: its URL, the server's, its name."""
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/") + "_bench_documents"
    server = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')
    return urlunsplit(parts._replace(path="/" + name)), server, name


def _drop(server: str, name: str) -> None:
    import psycopg
    from django.db import connections

    connections.close_all()
    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')


def _setup(folder: Path, url: str) -> None:
    os.environ["DATABASE_URL"] = url or f"sqlite:///{folder / 'billing.sqlite3'}"
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
    url, scratch = os.environ.get("DATABASE_URL", ""), None
    if url.startswith("postgres"):
        url, server, name = _scratch_postgresql(url)
        scratch = (server, name)
    try:
        code = _run(url)
    finally:
        if scratch:
            _drop(*scratch)
    sys.exit(code)


def _run(url: str) -> int:
    with tempfile.TemporaryDirectory() as folder:
        _setup(Path(folder), url)
        import pypdf
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        from consortium.billing.exports import journal_csv_lines, journal_rows
        from consortium.billing.pdf import invoice_pdf

        invoice = _long_invoice()
        seconds, pdf = _best(lambda: invoice_pdf(invoice))
        pages = len(pypdf.PdfReader(io.BytesIO(pdf)).pages)
        slow = seconds >= TARGET_PDF_SECONDS
        print(f"billing documents, {connection.vendor}; best of {RUNS}")
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
    return 1 if slow or growing else 0


if __name__ == "__main__":
    main()
