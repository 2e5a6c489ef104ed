"""Reading import files: UTF-8 (a BOM is accepted), comma or semicolon, a header row.

Every row keeps the physical line it starts on (the header is line 1), so that an error can
point at it even when a quoted value spans several lines.
"""

import csv
import io
import re
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


# The csv module's own limit on one value (131,072 characters unless raised).
FIELD_LIMIT = csv.field_size_limit()
_BARE_CR = re.compile(r"\r(?!\n)")


def well_formed(text: str, delimiter: str, errors: ErrorList) -> bool:
    """Whether `text` is CSV that reads one way only; if not, say where it stops being so.

    Refused: line endings of a lone CR (the csv module would read them, but no line count would
    match the file's), a quote never closed (it would swallow the rest of the file into one
    value) or closed before more text, a value over FIELD_LIMIT, a NUL character (no database
    column takes it). The csv module finds these fast; `_first_problem` then walks the file
    again to say where, which only a refused file pays for.
    """
    cr = _BARE_CR.search(text)
    if cr is not None:
        errors.add(
            text.count("\n", 0, cr.start()) + 1,
            "",
            _(
                "Fin de ligne faite d'un retour chariot (CR) seul : enregistrez le fichier "
                "avec des fins de ligne LF ou CRLF."
            ),
        )
        return False
    try:
        for _record in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True):
            pass
    except csv.Error as error:
        problem = _first_problem(text, delimiter) or (
            1,
            "",
            _("Fichier CSV illisible : %(error)s") % {"error": error},
        )
    else:
        if "\x00" not in text:
            return True
        problem = _first_problem(text, delimiter)
        assert problem is not None  # a NUL is always found
    line, column, message = problem
    errors.add(line, column, message)
    return False


def _first_problem(text: str, delimiter: str) -> tuple[int, str, str] | None:
    """The line, column and message of the first value that makes `text` ill-formed.

    Reads as the csv module does (quotes doubled inside a quoted value, a quote inside an
    unquoted value taken as it is), one value at a time.
    """
    unquoted_end = re.compile(f"[{re.escape(delimiter)}\n]")
    header: list[str] = []
    fields: list[str] = []
    line, position, end = 1, 0, len(text)

    def column() -> str:
        index = len(fields)
        if line == 1 or not header:
            return str(index + 1)
        return header[min(index, len(header) - 1)]

    while True:
        start_line = line
        if text.startswith('"', position):
            cursor = position + 1
            while True:
                close = text.find('"', cursor)
                if close == -1:
                    return start_line, column(), _unclosed_message()
                if not text.startswith('""', close):
                    break
                cursor = close + 2
            value = text[position + 1 : close].replace('""', '"')
            line += value.count("\n")
            position = close + 1
            if position < end and text[position] not in (delimiter, "\n", "\r"):
                return start_line, column(), _text_after_quote_message()
            if text.startswith("\r", position):
                position += 1
        else:
            stop = unquoted_end.search(text, position)
            stop_at = stop.start() if stop else end
            value = text[position:stop_at].removesuffix("\r")
            position = stop_at
        if len(value) > FIELD_LIMIT:
            return (
                start_line,
                column(),
                _("Valeur de plus de %(limit)s caractères : elle est refusée.")
                % {"limit": FIELD_LIMIT},
            )
        if "\x00" in value:
            return (
                start_line + value.count("\n", 0, value.index("\x00")),
                column(),
                _("Caractère nul (octet 0) dans la valeur : ce n'est pas du texte."),
            )
        fields.append(value)
        if position >= end:
            return None
        if text[position] == delimiter:
            position += 1
            continue
        # The end of a record.
        if line == 1:
            header = [name.strip().lower() for name in fields]
        fields = []
        line += 1
        position += 1
        if position >= end:
            return None


def _unclosed_message() -> str:
    return _(
        "Guillemet ouvert ici et jamais refermé : le reste du fichier serait lu comme une "
        'seule valeur. Fermez-le, ou doublez-le ("") s\'il fait partie de la valeur.'
    )


def _text_after_quote_message() -> str:
    return _(
        "Valeur entre guillemets suivie d'autres caractères avant le séparateur : doublez "
        '("") les guillemets qui font partie de la valeur.'
    )


def _check_header(
    header: list[str], expected: Sequence[str], errors: ErrorList, optional: Sequence[str] = ()
) -> bool:
    seen: set[str] = set()
    allowed = ", ".join([*expected, *optional])
    for name in header:
        if name in seen:
            errors.add(1, name, _("Colonne en double dans l'en-tête."))
        elif name not in expected and name not in optional:
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


def _records(text: str, delimiter: str) -> Iterable[tuple[int, list[str]]]:
    """Every record, the header first, each with the physical line it starts on.

    Strict: a quote never closed or followed by more text raises csv.Error, as does a value
    over the csv module's limit.
    """
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    records = list(reader)
    if reader.line_num == len(records):
        # Every record is one line (no quoted line break): the fast path for big files.
        return zip(range(1, len(records) + 1), records, strict=True)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    lines: list[tuple[int, list[str]]] = []
    previous = 0
    for fields in reader:
        lines.append((previous + 1, fields))
        previous = reader.line_num
    return lines


def read_csv(
    path: Path, columns: Sequence[str], errors: ErrorList, optional: Sequence[str] = ()
) -> CsvTable | None:
    """Read `path`, whose header must hold exactly `columns` (in any order), and may hold any
    of the `optional` ones: an optional column left out is absent from the table's records.

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
    if not well_formed(text, delimiter, errors):
        return None
    records = iter(_records(text, delimiter))
    header = [name.strip().lower() for name in next(records)[1]]
    if not _check_header(header, columns, errors, optional):
        return None
    width = len(header)
    rows: list[Row] = []
    for line, fields in records:
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
    if not rows and not errors:
        # Not a success: an empty export upstream should not pass for an import.
        errors.add(2, "", _("Aucune ligne à importer : le fichier n'a que son en-tête."))
        return None
    return CsvTable(
        file=errors.file,
        delimiter=delimiter,
        index={name: position for position, name in enumerate(header)},
        rows=rows,
    )
