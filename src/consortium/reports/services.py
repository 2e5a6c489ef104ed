"""Writes to the report's texts."""

from django.db import transaction

from consortium.core.models import FiscalYear
from consortium.core.services import row_save
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


@transaction.atomic
def report_text_create(
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
) -> ReportText:
    """Write a section of a year's report; refused if that year already has it."""
    return row_save(
        ReportText(),
        fiscal_year=fiscal_year,
        section=section,
        body_fr=body_fr,
        body_en=body_en,
        title_fr=title_fr,
        title_en=title_en,
        signatory_name=signatory_name,
        signatory_title_fr=signatory_title_fr,
        signatory_title_en=signatory_title_en,
    )


@transaction.atomic
def report_text_update(
    *,
    text: ReportText,
    fiscal_year: FiscalYear,
    section: str,
    body_fr: str,
    body_en: str = "",
    title_fr: str = "",
    title_en: str = "",
    signatory_name: str = "",
    signatory_title_fr: str = "",
    signatory_title_en: str = "",
) -> ReportText:
    """Replace what a section of the report says (or the year and section it is)."""
    return row_save(
        ReportText.objects.select_for_update().get(pk=text.pk),
        fiscal_year=fiscal_year,
        section=section,
        body_fr=body_fr,
        body_en=body_en,
        title_fr=title_fr,
        title_en=title_en,
        signatory_name=signatory_name,
        signatory_title_fr=signatory_title_fr,
        signatory_title_en=signatory_title_en,
    )
