"""How long each page of the member portal takes the server, on the demo, signed in as its
member's contact (`membre`, MPEESAD).

Builds the demo once in its own CONSORTIUM_VAR_DIR (var/bench/web/ by default, shared with
bench_pages.py; `--rebuild` starts it again), signs in through the sign-in form as `membre` and
requests each portal page N times in-process with Django's test client: the server's time
(middleware, view, queries, template), without the network. Prints the median and p95 in ms and
the number of queries; a "!" marks a p95 over the 150 ms target (an invoice's PDF, made by
WeasyPrint, is listed apart: a download, not a page). Run by `make bench-portal`.

    .venv/bin/python benchmarks/bench_portal.py [--runs 30] [--var-dir DIR] [--rebuild]
"""

import argparse
import statistics
import sys
from pathlib import Path

from bench_pages import TARGET_P95_MS, measure, percentile
from demo_web import DEFAULT_VAR_DIR, DEMO_PASSWORD, prepare_demo

MEMBER = "membre"
ORGANISATION = "MPEESAD"


def member_client():
    from django.test import Client
    from django.urls import reverse

    client = Client(HTTP_HOST="localhost")
    response = client.post(
        reverse("accounts:login"), {"username": MEMBER, "password": DEMO_PASSWORD}
    )
    if response.status_code != 302:
        raise SystemExit(f"{MEMBER} could not sign in ({response.status_code})")
    return client


def portal_pages() -> list[tuple[str, str]]:
    from django.urls import reverse
    from django.utils import timezone

    from consortium.billing.models import Invoice
    from consortium.core.fiscal_years import fiscal_year_name_for, previous_fiscal_year_name

    code = ORGANISATION
    last_year = previous_fiscal_year_name(fiscal_year_name_for(timezone.localdate()))
    pages = [
        ("home", reverse("portal:home")),
        ("overview", reverse("portal:overview", args=[code])),
        ("services (this year)", reverse("portal:services", args=[code])),
        (
            "services (last year)",
            reverse("portal:services", args=[code]) + f"?exercice={last_year}",
        ),
        ("hour banks", reverse("portal:banks", args=[code])),
        ("invoices", reverse("portal:invoices", args=[code])),
        ("documents", reverse("portal:documents", args=[code])),
        ("en: overview", "/en" + reverse("portal:overview", args=[code])),
    ]
    pages += _tool_pages(code)
    latest = (
        Invoice.objects.filter(organisation__code=code)
        .exclude(status="draft")
        .order_by("-issued_on")
        .values_list("number", flat=True)
        .first()
    )
    if latest:
        pages.append(("invoice PDF (download)", reverse("portal:invoice_pdf", args=[code, latest])))
    return pages


def _tool_pages(code: str) -> list[tuple[str, str]]:
    """The tools' pages of the organisation: its surveys, its diagnostic (the latest result),
    its treasury plan and adopted policy."""
    from django.urls import reverse

    from consortium.diagnostics.models import Diagnostic
    from consortium.surveys.models import Survey
    from consortium.treasury.models import InvestmentPolicy

    pages = [
        ("surveys", reverse("surveys_portal:list", args=[code])),
        ("diagnostic", reverse("diagnostics_portal:overview", args=[code])),
        ("treasury plan", reverse("treasury_portal:plan", args=[code])),
    ]
    survey = Survey.objects.filter(audience="members", status="open").first()
    if survey is not None:
        pages.append(("survey answer", reverse("surveys_portal:answer", args=[code, survey.pk])))
    finished = (
        Diagnostic.objects.filter(organisation__code=code, finished_at__isnull=False)
        .order_by("-finished_at")
        .first()
    )
    if finished is not None:
        pages.append(
            ("diagnostic result", reverse("diagnostics_portal:result", args=[code, finished.pk]))
        )
    policy = (
        InvestmentPolicy.objects.filter(organisation__code=code, adopted_on__isnull=False)
        .order_by("-version")
        .first()
    )
    if policy is not None:
        pages.append(
            (
                "investment policy",
                reverse("treasury_portal:policy_detail", args=[code, policy.version]),
            )
        )
    return pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--var-dir", type=Path, default=DEFAULT_VAR_DIR)
    parser.add_argument("--rebuild", action="store_true")
    options = parser.parse_args()

    prepare_demo(options.var_dir, rebuild=options.rebuild)
    from django.db import connection

    client = member_client()
    print(f"member portal of the demo ({MEMBER}, {ORGANISATION}), {connection.vendor}, ", end="")
    print(f"{options.runs} requests each, in-process")
    print(f"{'page':26} {'address':44} {'status':>6} {'queries':>8} {'median':>7} {'p95':>7}")
    slow = 0
    for label, address in portal_pages():
        timings, queries, status = measure(address, client, options.runs)
        p95 = percentile(timings, 0.95)
        flag = "!" if p95 > TARGET_P95_MS and "PDF" not in label else ""
        slow += bool(flag)
        fewest, most = min(queries), max(queries)
        counts = f"{fewest}" if fewest == most else f"{fewest}-{most}"
        print(
            f"{label[:26]:26} {address[:44]:44} {status:>6} {counts:>8} "
            f"{statistics.median(timings):>7.1f} {p95:>7.1f} {flag}"
        )
    print(f"times in ms; ! = p95 over {TARGET_P95_MS:.0f} ms ({slow} page(s))", file=sys.stderr)


if __name__ == "__main__":
    main()
