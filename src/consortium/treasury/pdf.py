"""An adopted investment policy as a document: one template for the page's body and the PDF
(`treasury/policy_document.html`), in the policy's language, with its own print stylesheet."""

from pathlib import Path

from django.template.loader import render_to_string
from django.utils import translation

from consortium.core.documents import document_stylesheet, html_pdf
from consortium.treasury.models import InvestmentPolicy

STYLESHEET = Path(__file__).resolve().parent / "static" / "treasury" / "policy.css"


def policy_html(policy: InvestmentPolicy) -> str:
    with translation.override(policy.language):
        return render_to_string(
            "treasury/policy_pdf.html",
            {
                "policy": policy,
                "organisation": policy.organisation,
                "stylesheet": document_stylesheet(STYLESHEET),
            },
        )


def policy_pdf(policy: InvestmentPolicy) -> bytes:
    return html_pdf(policy_html(policy), STYLESHEET.parent)
