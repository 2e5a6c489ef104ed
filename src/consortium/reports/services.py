"""Writes to the report: its texts, and the record of a prepared year."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from consortium.accounts.access import can_change_reports, can_read_reports
from consortium.core.models import FiscalYear
from consortium.core.services import fiscal_year_create, row_save
from consortium.reports.models import (
    ReportPdf,
    ReportPdfStatus,
    ReportPreparation,
    ReportText,
)


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


def _check_may_change(by) -> None:
    if not can_change_reports(by):
        raise PermissionDenied(
            _("Seules les directions et les communications préparent le rapport.")
        )


@transaction.atomic
def report_prepare(*, fiscal_year: str, by) -> tuple[ReportPreparation, bool]:
    """Prepare the report of `fiscal_year` ("2025-2026"): its stored year (created with its
    dates when missing) gets its report record; says if it was created (preparing twice keeps
    the first)."""
    _check_may_change(by)
    year = FiscalYear.objects.filter(name=fiscal_year).first()
    if year is None:
        year = fiscal_year_create(name=fiscal_year)
    preparation = ReportPreparation.objects.filter(fiscal_year=year).first()
    if preparation is not None:
        return preparation, False
    return row_save(ReportPreparation(), fiscal_year=year, prepared_by=by), True


@transaction.atomic
def report_text_write(*, fiscal_year: str, section: str, by, **values: str) -> ReportText:
    """Write one section's text (both languages) of `fiscal_year`'s report, as `by`."""
    _check_may_change(by)
    year = FiscalYear.objects.filter(name=fiscal_year).first()
    if year is None:
        year = fiscal_year_create(name=fiscal_year)
    text, _created = report_text_upsert(fiscal_year=year, section=section, **values)
    return text


@transaction.atomic
def report_pdf_request(*, fiscal_year: FiscalYear, language: str, by) -> tuple[ReportPdf, bool]:
    """Have the worker build the year's report PDF in `language`; says if it was queued now
    (a PDF of that year and language still queued or being built is the one returned)."""
    if not can_read_reports(by):
        raise PermissionDenied
    waiting = (
        ReportPdf.objects.select_for_update()
        .filter(
            fiscal_year=fiscal_year,
            language=language,
            status__in=[ReportPdfStatus.QUEUED, ReportPdfStatus.RUNNING],
        )
        .first()
    )
    if waiting is not None:
        return waiting, False
    from consortium.reports.tasks import report_pdf_build  # the task imports the renderer

    pdf = ReportPdf(fiscal_year=fiscal_year, language=language, requested_by=by)
    pdf.full_clean(exclude=["content"])
    pdf.save()
    # The task is a row of this database too: queued only if this transaction commits.
    report_pdf_build.enqueue(pdf_id=pdf.pk)
    return pdf, True
