import io
import re

import pypdf

YEAR = "2020-2021"


def pdf_pages(content: bytes) -> list[str]:
    """The text of each page, no-break spaces as plain spaces and every run of blanks as one."""
    reader = pypdf.PdfReader(io.BytesIO(content))
    return [normalised(page.extract_text()) for page in reader.pages]


def normalised(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u202f", " ")).strip()
