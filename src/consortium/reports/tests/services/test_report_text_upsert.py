import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from consortium.reports.models import ReportSection, ReportText
from consortium.reports.services import report_text_upsert
from consortium.testing.factories import FiscalYearFactory, ReportTextFactory

pytestmark = pytest.mark.django_db


def test_it_writes_a_section_of_a_year_then_replaces_it():
    year = FiscalYearFactory()
    text, created = report_text_upsert(
        fiscal_year=year, section=ReportSection.VISION, body_fr="Première version."
    )
    assert created
    again, created = report_text_upsert(
        fiscal_year=year,
        section=ReportSection.VISION,
        body_fr="Seconde version.",
        body_en="Second version.",
    )
    assert not created
    assert again.pk == text.pk
    assert ReportText.objects.get().body_fr == "Seconde version."


def test_it_refuses_a_message_without_its_signatory():
    with pytest.raises(ValidationError) as error:
        report_text_upsert(
            fiscal_year=FiscalYearFactory(),
            section=ReportSection.PRESIDENT_MESSAGE,
            body_fr="Quelle année!",
        )
    assert "signatory_name" in error.value.message_dict
    assert not ReportText.objects.exists()


def test_it_refuses_a_signatory_on_the_mission():
    with pytest.raises(ValidationError) as error:
        report_text_upsert(
            fiscal_year=FiscalYearFactory(),
            section=ReportSection.MISSION,
            body_fr="Notre mission.",
            signatory_name="Jeanne Roy",
        )
    assert "Seuls les mots de la présidence" in str(error.value)


def test_the_database_keeps_one_text_per_year_and_section():
    text = ReportTextFactory()
    duplicate = ReportText(fiscal_year=text.fiscal_year, section=text.section, body_fr="Autre")
    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    assert "Cette section a déjà un texte pour cet exercice." in str(error.value)


def test_a_text_reads_in_the_active_language_and_falls_back_to_french():
    text = ReportTextFactory(
        section=ReportSection.OBJECTIVES,
        body_fr="Diversifier\n\nAméliorer\n",
        body_en="",
        title_en="Objectives.",
    )
    assert text.lines == ["Diversifier", "Améliorer"]
    with translation.override("en"):
        assert text.title == "Objectives."
        assert text.paragraphs == ["Diversifier", "Améliorer"]
