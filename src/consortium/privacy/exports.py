"""An export of everything held about one person, as JSON or CSV, written as it is read.

Both formats are produced as an iterator of text chunks, each section's rows streamed from the
database: the command writes them to a file, the admin streams them to the browser, and neither
holds the whole export in memory.
"""

import json
from collections.abc import Iterator
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone

from consortium.core.exports import csv_line
from consortium.privacy.selectors import Section, Subject, subject_sections

FORMATS = ("json", "csv")
CONTENT_TYPES = {"json": "application/json; charset=utf-8", "csv": "text/csv; charset=utf-8"}
# A spreadsheet runs a cell that starts with one of these as a formula (OWASP, CSV injection).


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


def _csv_value(value: Any) -> Any:
    """A nested value (a JSON field) as its JSON text; the rest as `csv_cell` writes it."""
    return _json(value) if isinstance(value, dict | list) else value


def _csv_chunks(subject: Subject, sections: list[Section]) -> Iterator[str]:
    """One line per value: section, row number, field, value — one file for every section."""
    yield "\ufeff" + csv_line(["section", "row", "field", "value"])
    for field, value in _header(subject).items():
        yield csv_line(["subject", "", field, _csv_value(value)])
    for section in sections:
        count = 0
        for count, row in enumerate(section.rows(), start=1):
            for field, value in row.items():
                yield csv_line([section.name, count, field, _csv_value(value)])
        yield csv_line([section.name, "", "count", count])
