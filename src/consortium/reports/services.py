"""Writes to the report's texts."""

from django.db import transaction

from consortium.core.models import FiscalYear
from consortium.reports.models import ReportText


@transaction.atomic
def report_text_upsert(
    *,
    fiscal_year: FiscalYear,
    section: str,
    body_fr: str,
    body_en: str = "",
    title_fr: str = "",
    title_en: str = "",
    signatory_name: str = "",
    signatory_title_fr: str = "",
    signatory_title_en: str = "",
) -> tuple[ReportText, bool]:
    """Write one section of one year's report (created, or replaced); says if created."""
    text = (
        ReportText.objects.select_for_update()
        .filter(fiscal_year=fiscal_year, section=section)
        .first()
    )
    created = text is None
    if text is None:
        text = ReportText(fiscal_year=fiscal_year, section=section)
    text.title_fr = title_fr
    text.title_en = title_en
    text.body_fr = body_fr
    text.body_en = body_en
    text.signatory_name = signatory_name
    text.signatory_title_fr = signatory_title_fr
    text.signatory_title_en = signatory_title_en
    text.full_clean()
    text.save()
    return text, created
