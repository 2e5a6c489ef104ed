"""`consortium import actuals FILE`: the accounting system's export,
`fiscal_year,account_code,amount,organisation_code`.

Service revenue names the organisation billed; other accounts leave it empty. A year, account
(and organisation) already recorded get the file's amount. A locked fiscal year refuses the row.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from consortium.finance.models import Account
from consortium.finance.services import actual_amount_record
from consortium.imports.csv_reader import CsvTable
from consortium.imports.errors import ErrorList
from consortium.imports.importers.base import (
    Count,
    ImportSummary,
    RowValues,
    report_validation_error,
)
from consortium.imports.importers.finance_rows import FiscalYears, amount, first_lines_check
from consortium.members.models import Organisation

COLUMNS = ("fiscal_year", "account_code", "amount", "organisation_code")
FIELD_COLUMNS = {
    "fiscal_year": "fiscal_year",
    "account": "account_code",
    "amount": "amount",
    "organisation": "organisation_code",
}


def run(table: CsvTable, errors: ErrorList) -> ImportSummary:
    accounts = {account.code: account for account in Account.objects.all()}
    codes = {values["organisation_code"] for _line, values in table.records()} - {""}
    organisations = {o.code: o for o in Organisation.objects.filter(code__in=codes)}
    years = FiscalYears()
    seen: dict[tuple, int] = {}
    count = Count(_("montants réels"))
    for line, values in table.records():
        row = RowValues(errors, line, values)
        fiscal_year = years.get(row, "fiscal_year")
        account = row.reference("account_code", accounts, _("Compte inconnu : « %(code)s »."))
        value = amount(row, "amount")
        organisation = None
        if values["organisation_code"]:
            organisation = row.reference(
                "organisation_code",
                organisations,
                _("Organisation inconnue : « %(code)s »."),
            )
        if row.failed:
            continue
        key = (fiscal_year.pk, account.pk, organisation.pk if organisation else None)
        if not first_lines_check(
            row,
            key,
            seen,
            "account_code",
            _("Ce montant figure déjà à la ligne %(line)s (même exercice, compte, organisation)."),
        ):
            continue
        try:
            _actual, created = actual_amount_record(
                account=account, fiscal_year=fiscal_year, amount=value, organisation=organisation
            )
        except ValidationError as error:
            report_validation_error(errors, line, error, FIELD_COLUMNS, "fiscal_year")
            continue
        count.add(created)
    return ImportSummary(rows=len(table.rows), counts=[count])
