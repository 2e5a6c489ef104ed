"""Reading import files: UTF-8 (a BOM is accepted), comma or semicolon, a header row.

Every row keeps the physical line it starts on (the header is line 1), so that an error can
point at it even when a quoted value spans several lines.
"""

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _

from consortium.imports.errors import ErrorList

Row = tuple[int, list[str]]


@dataclass
class CsvTable:
    """The rows of a file whose header was checked, values stripped of surrounding spaces."""

    file: str
    delimiter: str
    index: dict[str, int]
    rows: list[Row]

    def records(self) -> Iterator[tuple[int, dict[str, str]]]:
        """Each row as its line and a mapping of column name to value."""
        for line, fields in self.rows:
            yield line, {column: fields[position] for column, position in self.index.items()}


def detect_delimiter(header: str) -> str:
    return ";" if header.count(";") > header.count(",") else ","


def _decode(data: bytes, errors: ErrorList) -> str | None:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        # Point at the value that holds the bad byte: its line, and its column counted by
        # delimiters (quotes aside, which is close enough to find it).
        line_start = data.rfind(b"\n", 0, error.start) + 1
        line = data.count(b"\n", 0, error.start) + 1
        header = data.split(b"\n", 1)[0].decode("utf-8-sig", "replace")
        delimiter = detect_delimiter(header)
        before = data[line_start : error.start].decode("utf-8", "replace")
        names = [name.strip().lower() for name in header.split(delimiter)]
        position = before.count(delimiter)
        errors.add(
            line,
            names[position] if position < len(names) else "",
            _("Le fichier n'est pas en UTF-8 (octet invalide) : enregistrez-le en UTF-8."),
        )
        return None


def _check_header(header: list[str], expected: Sequence[str], errors: ErrorList) -> bool:
    seen: set[str] = set()
    allowed = ", ".join(expected)
    for name in header:
        if name in seen:
            errors.add(1, name, _("Colonne en double dans l'en-tête."))
        elif name not in expected:
            errors.add(
                1,
                name,
                _("Colonne inconnue. Colonnes attendues : %(columns)s.") % {"columns": allowed},
            )
        seen.add(name)
    for name in expected:
        if name not in seen:
            errors.add(1, name, _("Colonne manquante dans l'en-tête."))
    return not errors


def _records(text: str, delimiter: str, errors: ErrorList) -> Iterable[tuple[int, list[str]]]:
    """The records after the header, each with the physical line it starts on."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    next(reader)
    try:
        records = list(reader)
    except csv.Error:
        records = None
    if records is not None and reader.line_num == len(records) + 1:
        # Every record is one line (no quoted line break): the fast path for big files.
        return zip(range(2, len(records) + 2), records, strict=True)
    return _records_line_by_line(text, delimiter, errors)


def _records_line_by_line(
    text: str, delimiter: str, errors: ErrorList
) -> list[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    next(reader)
    records: list[tuple[int, list[str]]] = []
    previous = reader.line_num
    try:
        for fields in reader:
            records.append((previous + 1, fields))
            previous = reader.line_num
    except csv.Error as error:
        errors.add(previous + 1, "", _("Ligne illisible : %(error)s") % {"error": error})
    return records


def read_csv(path: Path, columns: Sequence[str], errors: ErrorList) -> CsvTable | None:
    """Read `path`, whose header must hold exactly `columns` (in any order).

    Problems go to `errors`; returns None when the file cannot be read past its header.
    """
    text = _decode(path.read_bytes(), errors)
    if text is None:
        return None
    header_line = text.split("\n", 1)[0]
    if not header_line.strip():
        errors.add(1, "", _("Le fichier doit commencer par une ligne d'en-tête."))
        return None
    delimiter = detect_delimiter(header_line)
    header_reader = csv.reader(io.StringIO(header_line), delimiter=delimiter)
    header = [name.strip().lower() for name in next(header_reader)]
    if not _check_header(header, columns, errors):
        return None
    width = len(header)
    rows: list[Row] = []
    for line, fields in _records(text, delimiter, errors):
        if len(fields) != width:
            if not fields or (len(fields) == 1 and not fields[0].strip()):
                continue  # a blank line
            errors.add(
                line,
                header[len(fields)] if len(fields) < width else header[-1],
                _("La ligne compte %(found)s valeurs au lieu de %(expected)s.")
                % {"found": len(fields), "expected": width},
            )
            continue
        rows.append((line, [field.strip() for field in fields]))
    return CsvTable(
        file=errors.file,
        delimiter=delimiter,
        index={name: position for position, name in enumerate(header)},
        rows=rows,
    )
