"""The demo year's PDF report prints every figure of the seed report (seed-figures.md), in
French formatting; the English report reads in English."""

import io
import re

import pypdf
import pytest

from consortium.reports.rendering import report_pdf
from consortium.reports.tests.conftest import YEAR, pdf_pages

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def french_pdf(demo, django_db_blocker) -> bytes:
    with django_db_blocker.unblock():
        return report_pdf(YEAR, "fr")


@pytest.fixture(scope="module")
def french(french_pdf) -> str:
    return " ".join(pdf_pages(french_pdf))


@pytest.fixture(scope="module")
def english(demo, django_db_blocker) -> str:
    with django_db_blocker.unblock():
        return " ".join(pdf_pages(report_pdf(YEAR, "en")))


def test_the_cover_names_the_centre_and_the_year(french_pdf):
    cover = pdf_pages(french_pdf)[0]
    assert "CONSORTIUM" in cover
    assert "Rapport d'activités 2020-2021" in cover


def figure(value: str, label: str) -> str:
    """A big-number block: the PDF's text may join the number and its label without a space."""
    return re.escape(value) + " ?" + re.escape(label)


def test_it_prints_the_ledger_figures(french):
    assert "HEURES DE SERVICES RENDUES 62 800 h" in french
    assert "Des interventions auprès de 350 entreprises" in french
    assert (
        "27 nouvelles organisations sont devenues membres du centre de services partagés, "
        "représentant une croissance du membrariat de 30 %." in french
    )


def test_it_prints_the_team(french):
    assert re.search(figure("42", "RESSOURCES PROFESSIONNELLES"), french)
    assert re.search(figure("17", "FORMATEURS"), french)
    assert re.search(figure("6", "DIRECTIONS"), french)
    assert re.search(figure("45 %", "HOMMES") + " " + figure("55 %", "FEMMES"), french)
    assert re.search(figure("MOYENNE D'ÂGE 46", "ANS"), french)


def test_it_prints_the_engagement_rate_against_its_benchmark(french):
    assert re.search(
        figure("84 %", "TAUX D'ENGAGEMENT")
        + r" Ce résultat se compare avantageusement à celui d'entreprises semblables \(76 %\)",
        french,
    )


def test_it_prints_the_financial_table_as_the_seed_does(french):
    assert "Produits 4 571 674 $ 3 951 782 $ 4 475 852 $ +16 % 4 598 552 $" in french
    assert "Frais d'exploitation 4 023 699 $ 3 878 238 $ 4 405 109 $ +4 % 4 550 351 $" in french
    # The seed prints 548 175 $, but its own revenue less its expenses is 547 975 $.
    assert "547 975 $ 73 544 $ 70 743 $ 48 201 $" in french


def test_it_prints_the_financial_figures(french):
    assert "Le Consortium a connu une croissance de 2 % de ses produits totaux." in french
    assert "la Coopérative a effectué 100 % de ses opérations avec ses membres" in french
    assert "membres autres que sous entière gestion connaissent une progression de 5,7 %" in french
    assert "ceux des membres auxiliaires, une progression de 23,7 %" in french
    # Computed from the invoices' hours and amounts (the price/volume split).
    assert (
        "ces augmentations dépendent davantage du volume de services que de la tarification"
        in french
    )
    assert "la part des membres sous entière gestion diminue" in french
    assert "+50 entreprises" in french
    assert "* Membres sous entière gestion : " in french
    assert "Réseau de coopération des EÉSAD" in french


def test_it_prints_the_would_recommend_rate(french):
    assert "RECOMMANDERAIENT LE CONSORTIUM 96 %" in french


def test_it_prints_governance(french):
    assert re.search(figure("1", "ASSEMBLÉE GÉNÉRALE ANNUELLE"), french)
    assert re.search(figure("6", "RENCONTRES DU CONSEIL D'ADMINISTRATION"), french)
    assert re.search(figure("4", "RENCONTRES DU COMITÉ EXÉCUTIF"), french)
    assert "11 sièges, dont 4 au comité exécutif." in french


def test_it_prints_business_development(french):
    assert re.search(r"Participation et/ou organisation d'événements 18 ", french)
    assert re.search(r"Participation à des AGA 10 ", french)
    assert re.search(r"Rencontres de développement 106 ", french)
    assert re.search(r"Présentations des services 11 ", french)


def test_it_prints_communications(french):
    assert "LINKEDIN 780 abonnés +226 (41 %) 122 publications" in french
    assert (
        "FACEBOOK 447 abonnés +223 (100 %) 90 publications "
        "10 campagnes de publicité : 126 200 impressions" in french
    )
    assert re.search(
        " ".join(
            [
                figure("22", "INFOLETTRES"),
                figure("5", "COMMUNIQUÉS"),
                figure("22", "CHRONIQUES D'EXPERTS PARTAGÉES"),
            ]
        ),
        french,
    )
    assert "29 900 impressions" in french
    pdsa = re.search(r"PDSA [A-Za-z, ]+ (\d+) (\d+ \d{3})", french)
    assert pdsa is not None
    assert int(pdsa[1]) == 3
    assert int(pdsa[2].replace(" ", "")) > 82_000
    assert "18 novembre 2020 — 14 inscriptions" in french


def test_it_prints_training_and_the_calendar_year(french):
    assert "30 employés ont suivi une formation au cours de l'exercice." in french
    assert "75 100 heures de services, 300 entreprises soutenues en 2020" in french


def test_it_has_numbered_pages(french_pdf):
    pages = pdf_pages(french_pdf)
    assert len(pages) > 1
    assert f"2 / {len(pages)}" in pages[1]
    assert f"{len(pages)} / {len(pages)}" in pages[-1]


def test_its_charts_are_vector_drawings_not_images(french_pdf):
    reader = pypdf.PdfReader(io.BytesIO(french_pdf))
    assert all(not page.images for page in reader.pages)
    charts_page = next(p for p in reader.pages if "par département" in p.extract_text())
    drawing = charts_page.get_contents().get_data()
    # Bars are filled paths: "re" rectangles or "m/l/h" path operators followed by a fill.
    assert drawing.count(b" re") + drawing.count(b" l\n") > 20


def test_the_english_report_reads_in_english(english):
    assert "Activity report 2020-2021" in english
    assert "The president's message." in english
    assert "Total revenue grew by 2%." in english
    assert "Revenue $4,571,674 $3,951,782 $4,475,852 +16% $4,598,552" in english
    assert "96%" in english
    assert "62,800 h" in english
    assert "27 new organisations became members of the shared-services centre" in english
    assert "Affaires financières" not in english
    assert "Le mot de la présidence" not in english


def test_the_price_volume_sentence_reads_in_english(english):
    assert "these increases owe more to the volume of services than to pricing" in english
    assert "Volume of services and pricing" in english


def test_the_hours_and_rates_behind_the_split_are_printed(french):
    assert "Volume de services et tarification" in french
    assert re.search(r"Membres auxiliaires [\d\s\u202f\xa0]+h", french)
