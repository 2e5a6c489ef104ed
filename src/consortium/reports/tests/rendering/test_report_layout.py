"""The PDF's layout: no page of the 2020-2021 report holds only a footnote or a line or two
(a table's footnote kept with its table, a list with its heading, three lines at least of a
paragraph on each side of a page break)."""

import io
import re

import pypdf
import pytest

from consortium.reports.rendering import report_pdf
from consortium.reports.tests.conftest import YEAR

pytestmark = pytest.mark.django_db

FOOTER = re.compile(r"\d+ / \d+$")


def text_lines(page: pypdf.PageObject) -> list[str]:
    """The page's lines that carry words or figures (not the running footer, not a lone bullet)."""
    lines = [line.strip() for line in page.extract_text().splitlines()]
    return [line for line in lines if re.search(r"\w", line) and not FOOTER.search(line)]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_no_page_after_the_cover_holds_fewer_than_three_lines(demo, language):
    pages = pypdf.PdfReader(io.BytesIO(report_pdf(YEAR, language))).pages
    short = {
        number: lines
        for number, page in enumerate(pages[1:], start=2)
        if len(lines := text_lines(page)) < 3
    }
    assert short == {}


def test_each_message_s_signature_sits_on_the_message_s_page(demo):
    pages = pypdf.PdfReader(io.BytesIO(report_pdf(YEAR, "fr"))).pages
    for heading in ("Le mot de la présidence.", "Le mot de la direction générale."):
        page = next(page.extract_text() for page in pages if heading in page.extract_text())
        lines = text_lines_of(page)
        assert lines.index(heading) == 2, lines[:4]


def text_lines_of(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]
