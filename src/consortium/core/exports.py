"""Lists as files: CSV (streamed) and Excel (XlsxWriter, constant memory), headers in the active
language, a file name with the day's date.

A list describes its columns once (`Column`) and hands over its rows as an iterator of dicts
read from one query: neither format holds the whole list in memory.

Every CSV file of the platform is written by `csv_line` (lists here, the audit trail in
timesheets): a text cell that a spreadsheet would run as a formula is escaped there, once.
"""

import datetime as dt
import io
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import xlsxwriter
from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone

CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMATS = ("csv", "xlsx")


class Kind:
    TEXT = "text"
    NUMBER = "number"
    DATE = "date"


@dataclass(frozen=True)
class Column:
    """One column: its header (lazy text, read in the active language) and how to get its value."""

    header: Any
    value: Callable[[dict], Any]
    kind: str = Kind.TEXT
    width: int = 14


def export_filename(stem: str, extension: str, day: dt.date | None = None) -> str:
    day = day or timezone.localdate()
    return f"{stem}-{day.isoformat()}.{extension}"


def _disposition(filename: str) -> str:
    return f'attachment; filename="{filename}"'


# A cell starting with one of these is a formula to a spreadsheet (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Quoted so that no spreadsheet splits the cell: the separator, the quote, line breaks, and the
# semicolon and tab that Excel takes for separators in French and other locales.
_NEEDS_QUOTES = re.compile(r'[,;"\t\r\n]')


def csv_cell(value: Any) -> str:
    """One value as a CSV cell.

    What is escaped is decided by the value's type, not by its column: only text (`str`) is
    escaped, so a genuinely negative number stays a number while a comment or a name that
    starts like a formula gets a leading single quote and is read as text.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        return str(round(value, 1))
    if isinstance(value, Decimal):
        # The same two decimals whatever the database returned (SQLite drops them).
        return f"{value:.2f}"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    if text.startswith(FORMULA_STARTS):
        text = "'" + text
    if _NEEDS_QUOTES.search(text):
        text = '"' + text.replace('"', '""') + '"'
    return text


def csv_line(values: Iterable[Any]) -> str:
    """One row of a CSV file, its cells escaped by `csv_cell`, ended by CRLF (RFC 4180)."""
    return ",".join(csv_cell(value) for value in values) + "\r\n"


def _csv_lines(columns: list[Column], rows: Iterable[dict]) -> Iterator[str]:
    # The byte order mark lets Excel read the accents of a double-clicked file.
    yield "\ufeff" + csv_line(str(column.header) for column in columns)
    for row in rows:
        yield csv_line(column.value(row) for column in columns)


def csv_response(stem: str, columns: list[Column], rows: Iterable[dict]) -> StreamingHttpResponse:
    response = StreamingHttpResponse(_csv_lines(columns, rows), content_type=CSV_CONTENT_TYPE)
    response["Content-Disposition"] = _disposition(export_filename(stem, "csv"))
    return response


def xlsx_content(sheet_title: str, columns: list[Column], rows: Iterable[dict]) -> bytes:
    output = io.BytesIO()
    # constant_memory writes each row out as soon as the next begins: rows go in order, once.
    workbook = xlsxwriter.Workbook(output, {"constant_memory": True})
    sheet = workbook.add_worksheet(sheet_title[:31])
    header = workbook.add_format({"bold": True, "bg_color": "#E8EDF3", "border": 1})
    formats = {
        Kind.NUMBER: workbook.add_format({"num_format": "#,##0.0"}),
        Kind.DATE: workbook.add_format({"num_format": "yyyy-mm-dd"}),
        Kind.TEXT: None,
    }
    for index, column in enumerate(columns):
        sheet.set_column(index, index, column.width)
        sheet.write_string(0, index, str(column.header), header)
    sheet.freeze_panes(1, 0)
    row_number = 0
    for row_number, row in enumerate(rows, start=1):
        for index, column in enumerate(columns):
            value = column.value(row)
            if value is None or value == "":
                sheet.write_blank(row_number, index, None)
            elif column.kind == Kind.NUMBER:
                sheet.write_number(row_number, index, float(value), formats[Kind.NUMBER])
            elif column.kind == Kind.DATE:
                sheet.write_datetime(
                    row_number, index, dt.datetime.combine(value, dt.time()), formats[Kind.DATE]
                )
            else:
                sheet.write_string(row_number, index, str(value))
    if row_number:
        sheet.autofilter(0, 0, row_number, len(columns) - 1)
    workbook.close()
    return output.getvalue()


def xlsx_response(
    stem: str, sheet_title: str, columns: list[Column], rows: Iterable[dict]
) -> HttpResponse:
    response = HttpResponse(
        xlsx_content(sheet_title, columns, rows), content_type=XLSX_CONTENT_TYPE
    )
    response["Content-Disposition"] = _disposition(export_filename(stem, "xlsx"))
    return response


def export_response(
    export_format: str, stem: str, sheet_title: str, columns: list[Column], rows: Iterable[dict]
) -> HttpResponse | StreamingHttpResponse:
    """The list as `export_format` ("csv" or "xlsx")."""
    if export_format == "xlsx":
        return xlsx_response(stem, sheet_title, columns, rows)
    return csv_response(stem, columns, rows)
