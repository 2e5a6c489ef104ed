"""`consortium import budgets FILE`: `fiscal_year,account_code,amount`; a year and account
already budgeted get the file's amount."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from consortium.finance.models import Account
from consortium.finance.services import budget_record
from consortium.imports.csv_reader import CsvTable
from consortium.imports.errors import ErrorList
from consortium.imports.importers.base import (
    Count,
    ImportSummary,
    RowValues,
    report_validation_error,
)
from consortium.imports.importers.finance_rows import FiscalYears, amount, first_lines_check

COLUMNS = ("fiscal_year", "account_code", "amount")
FIELD_COLUMNS = {"fiscal_year": "fiscal_year", "account": "account_code", "amount": "amount"}


def run(table: CsvTable, errors: ErrorList) -> ImportSummary:
    accounts = {account.code: account for account in Account.objects.all()}
    years = FiscalYears()
    seen: dict[tuple, int] = {}
    count = Count(_("budgets"))
    for line, values in table.records():
        row = RowValues(errors, line, values)
        fiscal_year = years.get(row, "fiscal_year")
        account = row.reference("account_code", accounts, _("Compte inconnu : « %(code)s »."))
        value = amount(row, "amount")
        if row.failed:
            continue
        if not first_lines_check(
            row,
            (fiscal_year.pk, account.pk),
            seen,
            "account_code",
            _("Ce compte a déjà un budget pour cet exercice à la ligne %(line)s."),
        ):
            continue
        try:
            _budget, created = budget_record(account=account, fiscal_year=fiscal_year, amount=value)
        except ValidationError as error:
            report_validation_error(errors, line, error, FIELD_COLUMNS, "amount")
            continue
        count.add(created)
    return ImportSummary(rows=len(table.rows), counts=[count])
