"""What the finance importers share: fiscal years named in a file, and amounts."""

from decimal import Decimal

from django.core.exceptions import ValidationError

from consortium.core.models import FiscalYear
from consortium.core.money import parse_amount
from consortium.finance.services import fiscal_year_ensure
from consortium.imports.importers.base import RowValues, required_message


class FiscalYears:
    """The fiscal years a file names, looked up (or created, for a valid name) once each."""

    def __init__(self) -> None:
        self.known: dict[str, FiscalYear] = {year.name: year for year in FiscalYear.objects.all()}

    def get(self, row: RowValues, column: str) -> FiscalYear | None:
        name = row.text(column)
        if not name:
            row.fail(column, required_message())
            return None
        year = self.known.get(name)
        if year is None:
            try:
                year = fiscal_year_ensure(name=name)
            except ValidationError as error:
                for message in error.messages:
                    row.fail(column, message)
                return None
            self.known[name] = year
        return year


def amount(row: RowValues, column: str) -> Decimal | None:
    text = row.text(column)
    if not text:
        row.fail(column, required_message())
        return None
    try:
        return parse_amount(text)
    except ValueError as error:
        row.fail(column, str(error))
        return None


def first_lines_check(
    row: RowValues, key: tuple, seen: dict[tuple, int], column: str, message: str
):
    """Refuse a row that repeats an earlier row's key; `message` has a %(line)s."""
    if key in seen:
        row.fail(column, message % {"line": seen[key]})
        return False
    seen[key] = row.line
    return True
