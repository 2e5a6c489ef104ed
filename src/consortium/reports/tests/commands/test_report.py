"""`consortium report`: the PDF or HTML file of a year, in French or English."""

import pytest
from django.core.management import CommandError, call_command

from consortium.reports.tests.conftest import YEAR, pdf_pages

pytestmark = pytest.mark.django_db


def test_it_writes_the_french_pdf(demo, tmp_path, capsys):
    output = tmp_path / "rapport.pdf"
    call_command("report", "--year", YEAR, "-o", str(output))
    pages = pdf_pages(output.read_bytes())
    assert "Rapport d'activités 2020-2021" in pages[0]
    assert "Rapport 2020-2021 écrit dans" in capsys.readouterr().out


def test_it_writes_the_english_html(demo, tmp_path):
    output = tmp_path / "report.html"
    call_command("report", "--year", YEAR, "--lang", "en", "--format", "html", "-o", str(output))
    html = output.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert '<html lang="en">' in html
    assert "Total revenue grew by 2%." in html


def test_it_refuses_a_year_without_data(demo, tmp_path):
    with pytest.raises(CommandError, match="L'exercice 2030-2031 n'a pas de données"):
        call_command("report", "--year", "2030-2031", "-o", str(tmp_path / "x.pdf"))
    assert not (tmp_path / "x.pdf").exists()


def test_it_refuses_a_malformed_year_in_english(demo, tmp_path):
    with pytest.raises(CommandError, match="is not a fiscal year"):
        call_command("report", "--year", "2020", "--lang", "en", "-o", str(tmp_path / "x.pdf"))
