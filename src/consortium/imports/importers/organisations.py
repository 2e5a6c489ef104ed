"""`consortium import organisations FILE`: organisations, their federation and memberships.

An organisation may take several rows, one per membership (keyed by its first day); its own
columns must then agree. A federation may be declared after its affiliates: organisations are
written federations first, once the whole file's chains were checked for cycles.
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from consortium.imports.csv_reader import CsvTable
from consortium.imports.errors import ErrorList
from consortium.imports.importers.base import (
    Count,
    ImportSummary,
    RowValues,
    check_without_saving,
    choice_message,
    constraint_message,
    report_validation_error,
)
from consortium.members.models import (
    LegalForm,
    MemberCategory,
    Membership,
    Organisation,
    Region,
)
from consortium.members.services import membership_record, organisation_upsert

COLUMNS = (
    "code",
    "name",
    "legal_form",
    "neq",
    "region",
    "federation_code",
    "member_category",
    "member_since",
    "member_until",
)
ORGANISATION_COLUMNS = {
    "code": "code",
    "name": "name",
    "legal_form": "legal_form",
    "neq": "neq",
    "region": "region",
    "federation": "federation_code",
}
MEMBERSHIP_COLUMNS = {
    "organisation": "code",
    "category": "member_category",
    "start": "member_since",
    "end": "member_until",
}
# Errors across a membership's fields are overlaps with another membership.
MEMBERSHIP_DEFAULT_COLUMN = "member_since"


@dataclass
class OrganisationRow:
    row: RowValues
    code: str
    name: str
    legal_form: str
    neq: str
    region: str
    federation_code: str

    def failed(self) -> bool:
        return bool(self.row.failed & set(ORGANISATION_COLUMNS.values()))


@dataclass
class MembershipRow:
    line: int
    category: str
    start: dt.date | None
    end: dt.date | None
    failed: bool


def _region(row: RowValues) -> str:
    text = row.text("region")
    # "6" is how a spreadsheet shows "06" once it took the column for numbers.
    value = text.zfill(2) if text.isdigit() and len(text) == 1 else text
    if value and value not in Region.values:
        row.fail("region", choice_message(text, Region))
        return ""
    return value


def _membership(row: RowValues, code: str) -> MembershipRow | None:
    if not row.text("member_category"):
        if row.text("member_since") or row.text("member_until"):
            row.fail("member_category", _("Indiquez la catégorie de membre de cette adhésion."))
        return None
    failed_before = len(row.failed)
    category = row.choice("member_category", MemberCategory)
    start = row.date("member_since")
    end = row.date("member_until", required=False)
    if start and end and end < start:
        row.fail("member_until", constraint_message(Membership, "membership_ends_after_it_starts"))
    return MembershipRow(row.line, category, start, end, failed=len(row.failed) > failed_before)


def _parse(
    table: CsvTable, errors: ErrorList
) -> tuple[dict[str, OrganisationRow], dict[str, list[MembershipRow]]]:
    organisations: dict[str, OrganisationRow] = {}
    memberships: dict[str, list[MembershipRow]] = defaultdict(list)
    membership_lines: dict[tuple[str, dt.date], int] = {}
    for line, values in table.records():
        row = RowValues(errors, line, values)
        code = values["code"]
        if not code:
            row.fail("code", _("Valeur obligatoire."))
            continue
        organisation = OrganisationRow(
            row=row,
            code=code,
            name=row.text("name"),
            legal_form=row.choice("legal_form", LegalForm),
            neq=row.text("neq"),
            region=_region(row),
            federation_code=row.text("federation_code"),
        )
        first = organisations.setdefault(code, organisation)
        if first is not organisation:
            for column in ("name", "legal_form", "neq", "region", "federation_code"):
                if values[column] != first.row.values[column]:
                    errors.add(
                        line,
                        column,
                        _("L'organisation %(code)s a « %(value)s » à la ligne %(line)s.")
                        % {"code": code, "value": first.row.values[column], "line": first.row.line},
                    )
        membership = _membership(row, code)
        if membership is None:
            continue
        if membership.start is not None:
            key = (code, membership.start)
            if key in membership_lines:
                errors.add(
                    line,
                    "member_since",
                    _("L'adhésion de %(code)s du %(start)s figure déjà à la ligne %(line)s.")
                    % {"code": code, "start": key[1].isoformat(), "line": membership_lines[key]},
                )
                membership.failed = True
            membership_lines.setdefault(key, line)
        memberships[code].append(membership)
    return organisations, memberships


def _check_overlaps_in_file(memberships: list[MembershipRow], errors: ErrorList) -> None:
    """Memberships of one organisation in the file may not overlap one another.

    Overlaps with memberships already stored are the model's to find, when each is written.
    """
    reach: MembershipRow | None = None
    for membership in sorted(
        (m for m in memberships if not m.failed), key=lambda m: (m.start, m.line)
    ):
        if reach is not None and (reach.end is None or reach.end >= membership.start):
            errors.add(
                membership.line,
                "member_since",
                _("Cette adhésion chevauche celle de la ligne %(line)s.") % {"line": reach.line},
            )
            membership.failed = True
        if reach is None or (
            reach.end is not None and (membership.end is None or membership.end > reach.end)
        ):
            reach = membership


def _check_federations(
    organisations: dict[str, OrganisationRow], stored_parents: dict[str, str | None]
) -> None:
    """Check the federation codes, and the chains the file makes with stored organisations."""
    for organisation in organisations.values():
        federation = organisation.federation_code
        if federation and federation not in organisations and federation not in stored_parents:
            organisation.row.fail(
                "federation_code",
                _("Regroupement inconnu : « %(code)s ».") % {"code": federation},
            )

    def parent(code: str) -> str | None:
        if code not in organisations:
            return stored_parents.get(code)
        organisation = organisations[code]
        if "federation_code" in organisation.row.failed:
            return None
        return organisation.federation_code or None

    explored: set[str] = set()
    for code in organisations:
        path: list[str] = []
        positions: dict[str, int] = {}
        current: str | None = code
        while current is not None and current not in explored and current not in positions:
            positions[current] = len(path)
            path.append(current)
            current = parent(current)
        explored.update(path)
        if current is None or current not in positions:
            continue
        cycle = path[positions[current] :]
        for position, member in enumerate(cycle):
            if member in organisations:
                chain = [*cycle[position:], *cycle[:position], member]
                organisations[member].row.fail(
                    "federation_code",
                    _("Ce regroupement créerait un cycle de regroupements : %(chain)s.")
                    % {"chain": " → ".join(chain)},
                )


def _federations_first(organisations: dict[str, OrganisationRow]) -> list[str]:
    """The file's codes, each after the federation it names when that one is in the file too."""
    ordered: list[str] = []
    placed: set[str] = set()
    for code in organisations:
        chain: list[str] = []
        current: str | None = code
        while current in organisations and current not in placed:
            chain.append(current)
            placed.add(current)
            current = organisations[current].federation_code or None
        ordered.extend(reversed(chain))
    return ordered


def run(table: CsvTable, errors: ErrorList) -> ImportSummary:
    organisations, memberships = _parse(table, errors)
    for rows in memberships.values():
        _check_overlaps_in_file(rows, errors)

    stored = {organisation.code: organisation for organisation in Organisation.objects.all()}
    codes_by_id = {organisation.pk: code for code, organisation in stored.items()}
    stored_parents = {
        code: codes_by_id.get(organisation.federation_id) for code, organisation in stored.items()
    }
    _check_federations(organisations, stored_parents)

    organisation_count = Count(_("organisations"))
    membership_count = Count(_("adhésions"))
    written: dict[str, Organisation] = {
        code: organisation for code, organisation in stored.items() if code not in organisations
    }
    # Rows in a cycle failed on their federation: they are checked without being saved.
    for code in _federations_first(organisations):
        row = organisations[code]
        federation = written.get(row.federation_code) if row.federation_code else None
        attributes = {
            "code": code,
            "name": row.name,
            "legal_form": row.legal_form,
            "neq": row.neq,
            "region": row.region,
            "federation": federation,
        }
        federation_unknown = bool(row.federation_code) and federation is None
        if row.failed() or federation_unknown:
            # A federation whose own row failed is not known yet: leave it out of the checks.
            unchecked = {"federation_code"} if federation_unknown else set()
            check_without_saving(
                Organisation, attributes, row.row, ORGANISATION_COLUMNS, "code", unchecked=unchecked
            )
            continue
        try:
            organisation, created = organisation_upsert(**attributes)
        except ValidationError as error:
            report_validation_error(errors, row.row.line, error, ORGANISATION_COLUMNS, "code")
            continue
        written[code] = organisation
        organisation_count.add(created)
        # In order of their first day, so that a membership the file ends comes before the
        # one that follows it.
        recorded = sorted(
            (m for m in memberships.get(code, []) if not m.failed), key=lambda m: (m.start, m.line)
        )
        for membership in recorded:
            try:
                _membership, created = membership_record(
                    organisation=organisation,
                    category=membership.category,
                    start=membership.start,
                    end=membership.end,
                )
            except ValidationError as error:
                report_validation_error(
                    errors, membership.line, error, MEMBERSHIP_COLUMNS, MEMBERSHIP_DEFAULT_COLUMN
                )
                continue
            membership_count.add(created)
    return ImportSummary(rows=len(table.rows), counts=[organisation_count, membership_count])
