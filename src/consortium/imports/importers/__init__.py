"""One importer per kind of file: its expected columns and a `run(table, errors)`.

An importer adds every problem it finds to `errors` and may write as it goes: the caller runs it
in one transaction and rolls everything back if any error was found.
"""

from types import ModuleType

from consortium.imports.importers import (
    accounts,
    actuals,
    budgets,
    departments,
    development_activities,
    experts,
    mandate_types,
    mandates,
    organisations,
    programme_eligibility,
    programmes,
    rates,
    satisfaction_answers,
    time_entries,
)

IMPORTERS: dict[str, ModuleType] = {
    "departments": departments,
    "mandate-types": mandate_types,
    "organisations": organisations,
    "experts": experts,
    "mandates": mandates,
    "time-entries": time_entries,
    "satisfaction-answers": satisfaction_answers,
    "accounts": accounts,
    "budgets": budgets,
    "actuals": actuals,
    "development-activities": development_activities,
    "rates": rates,
    "programmes": programmes,
    "programme-eligibility": programme_eligibility,
}
