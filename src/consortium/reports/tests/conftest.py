import io
import re

import pypdf
import pytest

from consortium.core.models import FiscalYear
from consortium.demo.generator import generate
from consortium.demo.services import demo_data_delete

YEAR = "2020-2021"


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo centre at --scale 1 (the seed's figures), built once for the whole module."""
    with django_db_blocker.unblock():
        counts = generate()
    yield counts
    with django_db_blocker.unblock():
        demo_data_delete()
        FiscalYear.objects.all().delete()


def pdf_pages(content: bytes) -> list[str]:
    """The text of each page, no-break spaces as plain spaces and every run of blanks as one."""
    reader = pypdf.PdfReader(io.BytesIO(content))
    return [normalised(page.extract_text()) for page in reader.pages]


def normalised(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u202f", " ")).strip()
