"""Every page says what the browser may load: its own files only (Content-Security-Policy), no
type sniffing, no referrer beyond the site, no framing. And no template needs more than that."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

PACKAGE = Path(__file__).resolve().parents[3]
# What the policy refuses: inline <script> or <style>, style="…", onclick="…" and kin.
INLINE = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>|<style\b|\sstyle=|\son[a-z]+=", re.IGNORECASE)
# The annual report's, the invoice's, the investment policy's, the diagnostic result's and the
# project's progress report's HTML are made into PDFs by WeasyPrint, never served to a browser.
OFFLINE_TEMPLATES = {
    "reports/templates/reports/report_document.html",
    "billing/templates/billing/invoice_pdf.html",
    "treasury/templates/treasury/policy_pdf.html",
    "diagnostics/templates/diagnostics/result_pdf.html",
    "projects/templates/projects/progress_report.html",
}


@pytest.mark.django_db
def test_the_sign_in_page_carries_a_strict_policy(client):
    response = client.get(reverse("accounts:login"))

    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "style-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
def test_a_signed_in_page_carries_the_policy_too(client, owner):
    client.force_login(owner)

    response = client.get(reverse("timesheets:week"))

    assert response.status_code == 200
    assert "default-src 'self'" in response["Content-Security-Policy"]


def test_no_served_template_has_inline_script_style_or_event_handler():
    offenders = []
    for template in sorted(PACKAGE.glob("**/templates/**/*.html")):
        relative = template.relative_to(PACKAGE).as_posix()
        if relative in OFFLINE_TEMPLATES:
            continue
        for number, line in enumerate(template.read_text(encoding="utf-8").splitlines(), 1):
            if INLINE.search(line):
                offenders.append(f"{relative}:{number}: {line.strip()[:100]}")
    assert offenders == []
