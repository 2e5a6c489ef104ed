"""Reading the PDFs the platform makes, as tests assert on them."""

import io
import re

import pypdf


def pdf_pages(content: bytes) -> list[str]:
    """The text of each page, no-break spaces as plain spaces and every run of blanks as one."""
    reader = pypdf.PdfReader(io.BytesIO(content))
    return [
        re.sub(r"\s+", " ", page.extract_text().replace("\u00a0", " ").replace("\u202f", " "))
        for page in reader.pages
    ]
