"""`consortium import departments FILE`: code, name_fr, name_en."""

from django.utils.translation import gettext as _

from consortium.imports.csv_reader import CsvTable
from consortium.imports.errors import ErrorList
from consortium.imports.importers.base import ImportSummary
from consortium.imports.importers.coded_names import COLUMNS, import_coded_names
from consortium.staff.services import department_upsert

__all__ = ["COLUMNS", "run"]


def run(table: CsvTable, errors: ErrorList) -> ImportSummary:
    return import_coded_names(table, errors, department_upsert, _("départements"))
