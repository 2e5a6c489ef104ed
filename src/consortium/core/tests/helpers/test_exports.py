"""Lists as CSV and Excel files: headers, values by kind, dated file names."""

import csv
import datetime as dt
import io
from decimal import Decimal

import openpyxl
import pytest
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from consortium.core.exports import (
    Column,
    Kind,
    csv_cell,
    csv_line,
    csv_response,
    export_filename,
    xlsx_content,
)

COLUMNS = [
    Column(_("Département"), lambda row: row["name"]),
    Column(_("Début"), lambda row: row["start"], Kind.DATE),
    Column(_("Heures"), lambda row: row["hours"], Kind.NUMBER),
]
ROWS = [
    {"name": "Coopérative du Fjord", "start": dt.date(2020, 4, 1), "hours": Decimal("12.50")},
    {"name": "Mutuelle de l'Est", "start": None, "hours": None},
]


def test_a_file_name_carries_the_day():
    assert export_filename("mandats", "csv", dt.date(2021, 3, 31)) == "mandats-2021-03-31.csv"


def test_the_csv_has_a_byte_order_mark_for_excel_and_one_line_a_row():
    response = csv_response("mandats", COLUMNS, iter(ROWS))
    content = b"".join(response.streaming_content).decode("utf-8")
    assert content.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(content.lstrip("\ufeff"))))
    assert rows == [
        ["Département", "Début", "Heures"],
        ["Coopérative du Fjord", "2020-04-01", "12.50"],
        ["Mutuelle de l'Est", "", ""],
    ]


def test_the_headers_follow_the_active_language():
    with translation.override("en"):
        content = b"".join(csv_response("x", COLUMNS, iter([])).streaming_content)
    assert content.decode("utf-8-sig").splitlines()[0] == "Department,Start,Hours"


def test_the_workbook_holds_dates_and_numbers_under_bold_headers():
    workbook = openpyxl.load_workbook(io.BytesIO(xlsx_content("Mandats", COLUMNS, iter(ROWS))))
    sheet = workbook.active
    assert sheet.title == "Mandats"
    assert [cell.value for cell in sheet[1]] == ["Département", "Début", "Heures"]
    assert sheet["A1"].font.bold
    assert [cell.value for cell in sheet[2]] == [
        "Coopérative du Fjord",
        dt.datetime(2020, 4, 1),
        12.5,
    ]
    assert [cell.value for cell in sheet[3]] == ["Mutuelle de l'Est", None, None]


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_text_cell_that_starts_like_a_formula_gets_a_leading_quote(start):
    assert next(csv.reader([csv_cell(start + "1+2")])) == ["'" + start + "1+2"]


def test_numbers_stay_numbers_even_when_negative_and_text_inside_stays_as_it_is():
    assert [csv_cell(value) for value in (Decimal("-12.5"), -3, -1.25, "a-b=c")] == [
        "-12.50",
        "-3",
        "-1.2",
        "a-b=c",
    ]


def test_a_cell_with_a_separator_of_any_locale_is_quoted():
    assert csv_cell("a;=1+2") == '"a;=1+2"'
    assert csv_line(["x", 'dit "oui"', None]) == 'x,"dit ""oui""",\r\n'
