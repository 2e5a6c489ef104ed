"""Import errors that say where: the file, the physical line (the header is line 1), the column."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import gettext as _


@dataclass(frozen=True)
class LocatedError:
    """One problem in an import file. The message is already in the active language."""

    file: str
    line: int
    column: str
    message: str

    def __str__(self) -> str:
        return _("%(file)s, ligne %(line)s, colonne « %(column)s » : %(message)s") % {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "message": self.message,
        }


class ErrorList:
    """The errors of one file, collected as the import goes so that all of them are reported."""

    def __init__(self, file: str) -> None:
        self.file = file
        self._errors: list[LocatedError] = []

    def add(self, line: int, column: str, message: str) -> None:
        self._errors.append(LocatedError(self.file, line, column, str(message)))

    def extend(self, line: int, problems: Iterable[tuple[str, str]]) -> None:
        for column, message in problems:
            self.add(line, column, message)

    def __bool__(self) -> bool:
        return bool(self._errors)

    def __len__(self) -> int:
        return len(self._errors)

    def sorted(self) -> list[LocatedError]:
        # Stable: the errors of one line keep the order in which the checks found them.
        return sorted(self._errors, key=lambda error: error.line)


class ImportRefused(Exception):
    """The file was refused whole: nothing of it was written."""

    def __init__(self, file: str, errors: list[LocatedError]) -> None:
        super().__init__(f"{file}: {len(errors)} error(s)")
        self.file = file
        self.errors = errors
