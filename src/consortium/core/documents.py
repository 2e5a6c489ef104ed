"""Printed documents (the annual report, invoices): a standalone HTML document made a PDF by
WeasyPrint, with the print rules every document shares (letter pages, DejaVu Sans, numbered
pages) followed by the document's own stylesheet."""

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

PRINT_STYLESHEET = Path(__file__).resolve().parent / "static" / "core" / "print.css"


def document_stylesheet(own: Path) -> str:
    """The shared print rules, then the document's own stylesheet (which may override them)."""
    return PRINT_STYLESHEET.read_text(encoding="utf-8") + "\n" + own.read_text(encoding="utf-8")


def html_pdf(html: str, base_url: Path) -> bytes:
    """`html`, a standalone document, as a PDF; `base_url` resolves its relative addresses."""
    from weasyprint import HTML  # slow to import: only where a PDF is made

    return HTML(string=html, base_url=str(base_url), media_type="print").write_pdf()


@dataclass(frozen=True)
class DocumentLink:
    """A document an area produced for an organisation, as the member portal lists it: an
    invoice, a diagnostic's result, an adopted investment policy…"""

    title: str
    issued_on: dt.date
    url: str
    kind: str
