"""An export of everything held about one person, as JSON or CSV, written as it is read.

Both formats are produced as an iterator of text chunks, each section's rows streamed from the
database: the command writes them to a file, the admin streams them to the browser, and neither
holds the whole export in memory.
"""

import csv
import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone

from consortium.privacy.selectors import Section, Subject, subject_sections

FORMATS = ("json", "csv")
CONTENT_TYPES = {"json": "application/json; charset=utf-8", "csv": "text/csv; charset=utf-8"}
# A spreadsheet runs a cell that starts with one of these as a formula (OWASP, CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def person_export(subject: Subject, export_format: str) -> Iterator[str]:
    sections = subject_sections(subject)
    if export_format == "json":
        return _json_chunks(subject, sections)
    return _csv_chunks(subject, sections)


def person_export_filename(subject: Subject, export_format: str) -> str:
    return f"renseignements-{subject.kind}-{subject.row.pk}-{timezone.localdate()}.{export_format}"


def _header(subject: Subject) -> dict[str, Any]:
    return {
        "kind": subject.kind,
        "id": subject.row.pk,
        "exported_at": timezone.now(),
    }


def _json(value: Any) -> str:
    return json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False)


def _json_chunks(subject: Subject, sections: list[Section]) -> Iterator[str]:
    yield '{"subject": ' + _json(_header(subject)) + ', "sections": {'
    for index, section in enumerate(sections):
        yield ("" if index == 0 else ", ") + _json(section.name) + ": {"
        yield '"title": ' + _json(str(section.title)) + ', "rows": ['
        count = 0
        for row in section.rows():
            yield ("" if count == 0 else ", ") + _json(row)
            count += 1
        # After the rows, so that counting them costs no query of its own.
        yield '], "count": ' + str(count) + "}"
    yield "}}\n"


class _Echo:
    def write(self, value: str) -> str:
        return value


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dict | list):
        value = _json(value)
    elif isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    elif not isinstance(value, str):
        return str(value)
    if value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _csv_chunks(subject: Subject, sections: list[Section]) -> Iterator[str]:
    """One line per value: section, row number, field, value — one file for every section."""
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(["section", "row", "field", "value"])
    for field, value in _header(subject).items():
        yield writer.writerow(["subject", "", field, _csv_cell(value)])
    for section in sections:
        count = 0
        for count, row in enumerate(section.rows(), start=1):
            for field, value in row.items():
                yield writer.writerow([section.name, count, field, _csv_cell(value)])
        yield writer.writerow([section.name, "", "count", count])
