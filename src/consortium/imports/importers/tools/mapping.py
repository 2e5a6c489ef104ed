"""Mapping the rows of another tool onto our registry: people → experts, clients →
organisations, projects → mandates, tasks/activities → mandate types.

First through MAP.csv (columns `kind,source_name,code`; kind is person, client, project or task;
source_name the tool's name — for a person, their e-mail or their name; code ours), then by
name: a person by e-mail, then by name ("First Last" or "Last First"); the others by code or
name. Names are compared without accents, case or extra spaces. A client left empty in the
export goes by the MAP.csv row `client,,CODE`, a task left empty by `task,,CODE`.

With `create_missing`, what is still missing is created through the registry's services:
experts employed from their first entry (professionals of the `department` given), organisations,
mandate types, and mandates of the department given, open from their first entry.
"""

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from consortium.imports.csv_reader import read_csv
from consortium.imports.errors import ErrorList
from consortium.imports.importers.tools import ToolExport, ToolRow
from consortium.imports.importers.tools.values import fold
from consortium.mandates.models import Mandate, MandateType
from consortium.mandates.services import mandate_create, mandate_type_create
from consortium.members.models import Organisation
from consortium.members.services import organisation_create
from consortium.staff.models import Department, Expert, Role
from consortium.staff.services import expert_create

MAP_COLUMNS = ("kind", "source_name", "code")
KINDS = ("person", "client", "project", "task")
TOOL_NAMES = {"kimai": "Kimai", "toggl": "Toggl", "clockify": "Clockify", "harvest": "Harvest"}


def read_map(path: Path, errors: ErrorList) -> dict[tuple[str, str], str] | None:
    """MAP.csv as {(kind, folded source name): code}; None with errors if refused."""
    table = read_csv(path, MAP_COLUMNS, errors)
    if table is None:
        return None
    found: dict[tuple[str, str], str] = {}
    for line, values in table.records():
        kind = values["kind"].lower()
        if kind not in KINDS:
            errors.add(
                line,
                "kind",
                _("« %(value)s » n'est pas permis. Valeurs permises : %(allowed)s.")
                % {"value": values["kind"], "allowed": ", ".join(KINDS)},
            )
            continue
        if not values["code"]:
            errors.add(line, "code", _("Valeur obligatoire."))
            continue
        found[(kind, fold(values["source_name"]))] = values["code"]
    return None if errors else found


@dataclass
class Created:
    """What the import created, to be said (and, with --dry-run, only said)."""

    experts: list[str] = field(default_factory=list)
    organisations: list[str] = field(default_factory=list)
    mandate_types: list[str] = field(default_factory=list)
    mandates: list[str] = field(default_factory=list)


@dataclass
class Mapped:
    """Each row's expert and mandate codes, by the row's line."""

    expert_codes: dict[int, str]
    mandate_codes: dict[int, str]
    created: Created


class _Index:
    """Records of one kind found by code or by folded name; a name two records share finds none
    (and says so)."""

    def __init__(self, records: list[tuple[str, list[str]]]) -> None:
        self.codes = {code.casefold(): code for code, _names in records}
        self.names: dict[str, set[str]] = defaultdict(set)
        for code, names in records:
            for name in names:
                if name:
                    self.names[fold(name)].add(code)

    def add(self, code: str, name: str) -> None:
        self.codes[code.casefold()] = code
        if name:
            self.names[fold(name)].add(code)

    def find(self, text: str) -> tuple[str | None, list[str]]:
        """The code, and the codes that make it ambiguous (when more than one)."""
        code = self.codes.get(text.casefold())
        if code is not None:
            return code, []
        codes = sorted(self.names.get(fold(text), ()))
        return (codes[0], []) if len(codes) == 1 else (None, codes)


def map_rows(
    export: ToolExport,
    explicit: dict[tuple[str, str], str],
    errors: ErrorList,
    *,
    create_missing: bool,
    department: Department | None,
) -> Mapped | None:
    """Map every row; create what is missing when asked. None (with errors) if refused."""
    mapper = _Mapper(export, explicit, errors, create_missing, department)
    return mapper.run()


class _Mapper:
    def __init__(self, export, explicit, errors, create_missing, department) -> None:
        self.export = export
        self.explicit = explicit
        self.errors = errors
        self.create_missing = create_missing
        self.department = department
        self.created = Created()

    def _explicit(self, kind: str, *names: str) -> str | None:
        for name in names:
            code = self.explicit.get((kind, fold(name)))
            if code is not None:
                return code
        return None

    def run(self) -> Mapped | None:
        export = self.export
        people = _group(export.rows, lambda row: (row.email.casefold(), fold(row.person)))
        projects = _group(export.rows, lambda row: fold(row.project))
        expert_index = _Index(
            [
                (code, [f"{first} {last}", f"{last} {first}"])
                for code, first, last in Expert.objects.values_list(
                    "code", "first_name", "last_name"
                )
            ]
        )
        emails = _Index(
            [(code, [email]) for code, email in Expert.objects.values_list("code", "email")]
        )
        mandate_index = _Index(list(_named(Mandate, "title")))
        self.indexes = (expert_index, emails)
        needs_creation = []
        for rows in people.values():
            if self._expert_code(rows, expert_index, emails) is None:
                needs_creation.append(rows)
        missing_projects = [
            rows
            for rows in projects.values()
            if self._mandate_code(rows, mandate_index, dry=True) is None
        ]
        if (needs_creation or missing_projects) and self.create_missing and not self.department:
            self.errors.add(
                export.rows[0].line,
                "",
                _(
                    "--create-missing crée des experts ou des mandats : dites dans quel "
                    "département avec --department CODE."
                ),
            )
            return None
        expert_codes: dict[int, str] = {}
        for rows in people.values():
            code = self._expert_code(rows, expert_index, emails, report=True)
            if code is None and self.create_missing:
                code = self._create_expert(rows)
            if code is not None:
                expert_codes.update((row.line, code) for row in rows)
        mandate_codes: dict[int, str] = {}
        for rows in projects.values():
            code = self._mandate_code(rows, mandate_index)
            if code is None and self.create_missing:
                code = self._create_mandate(rows)
            if code is not None:
                mandate_codes.update((row.line, code) for row in rows)
        if self.errors:
            return None
        return Mapped(expert_codes, mandate_codes, self.created)

    # People -----------------------------------------------------------------------------

    def _expert_code(self, rows, names: _Index, emails: _Index, report=False) -> str | None:
        row = rows[0]
        code = self._explicit("person", row.email, row.person)
        if code is not None:
            if code.casefold() not in names.codes:
                if report:
                    self._unknown(
                        rows,
                        "person",
                        _("Expert inconnu : « %(code)s » (MAP.csv).") % {"code": code},
                    )
                return None
            return names.codes[code.casefold()]
        shared: list[str] = []
        if row.email:
            code, shared = emails.find(row.email)
            if code is not None:
                return code
        if row.person:
            code, shared_names = names.find(row.person)
            if code is not None:
                return code
            shared = shared or shared_names
        if report and (shared or not self.create_missing):
            if shared:
                message = _(
                    "« %(name)s » désigne plusieurs experts (%(codes)s) : précisez-le dans "
                    "MAP.csv (person,%(name)s,CODE)."
                ) % {"name": row.email or row.person, "codes": ", ".join(shared)}
            else:
                message = _(
                    "Personne sans expert : « %(name)s ». Ajoutez-la à MAP.csv "
                    "(person,%(name)s,CODE) ou importez avec --create-missing."
                ) % {"name": row.email or row.person}
            self._unknown(rows, "person", message)
        return None

    def _create_expert(self, rows: list[ToolRow]) -> str | None:
        row = rows[0]
        words = (row.person or row.email.split("@")[0]).split()
        first, last = (" ".join(words[:-1]), words[-1]) if len(words) > 1 else (words[0],) * 2
        code = _free_code(Expert, row.person or row.email)
        try:
            expert_create(
                code=code,
                first_name=first,
                last_name=last,
                email=row.email,
                role=Role.PROFESSIONAL,
                department=self.department,
                hired_on=min(each.day for each in rows),
            )
        except ValidationError as error:
            self._unknown(rows, "person", "; ".join(error.messages))
            return None
        self.created.experts.append(f"{code} ({row.person or row.email})")
        # The same person may come again under another group (rows without their e-mail).
        names, emails = self.indexes
        names.add(code, row.person)
        emails.add(code, row.email)
        return code

    # Projects, clients, tasks -----------------------------------------------------------

    def _mandate_code(self, rows, index: _Index, dry=False) -> str | None:
        row = rows[0]
        code = self._explicit("project", row.project)
        if code is not None:
            if code.casefold() in index.codes:
                return index.codes[code.casefold()]
            if not dry:
                self._unknown(
                    rows, "project", _("Mandat inconnu : « %(code)s » (MAP.csv).") % {"code": code}
                )
            return None
        code, shared = index.find(row.project)
        if code is not None:
            return code
        if not dry and (shared or not self.create_missing):
            if shared:
                message = _(
                    "« %(name)s » désigne plusieurs mandats (%(codes)s) : précisez-le dans "
                    "MAP.csv (project,%(name)s,CODE)."
                ) % {"name": row.project, "codes": ", ".join(shared)}
            else:
                message = _(
                    "Projet sans mandat : « %(name)s ». Ajoutez-le à MAP.csv "
                    "(project,%(name)s,CODE) ou importez avec --create-missing."
                ) % {"name": row.project}
            self._unknown(rows, "project", message)
        return None

    def _create_mandate(self, rows: list[ToolRow]) -> str | None:
        row = rows[0]
        organisation = self._organisation(row, rows)
        mandate_type = self._mandate_type(row, rows)
        if organisation is None or mandate_type is None:
            return None
        code = _free_code(Mandate, row.project)
        try:
            mandate_create(
                code=code,
                organisation=organisation,
                title=row.project,
                mandate_type=mandate_type,
                department=self.department,
                start=min(each.day for each in rows),
            )
        except ValidationError as error:
            self._unknown(rows, "project", "; ".join(error.messages))
            return None
        self.created.mandates.append(f"{code} ({row.project})")
        return code

    def _organisation(self, row: ToolRow, rows) -> Organisation | None:
        code = self._explicit("client", row.client)
        if code is not None:
            found = Organisation.objects.filter(code=code).first()
            if found is None:
                self._unknown(
                    rows,
                    "client",
                    _("Organisation inconnue : « %(code)s » (MAP.csv).") % {"code": code},
                )
            return found
        if not row.client:
            self._unknown(
                rows,
                "client",
                _(
                    "Projet « %(project)s » sans client : dites quelle organisation le sert par "
                    "une ligne client,,CODE de MAP.csv."
                )
                % {"project": row.project},
            )
            return None
        code, shared = _Index(list(_named(Organisation, "name"))).find(row.client)
        if code is not None:
            return Organisation.objects.get(code=code)
        if shared:
            self._unknown(
                rows,
                "client",
                _(
                    "« %(name)s » désigne plusieurs organisations "
                    "(%(codes)s) : précisez-le dans MAP.csv."
                )
                % {"name": row.client, "codes": ", ".join(shared)},
            )
            return None
        code = _free_code(Organisation, row.client)
        organisation = organisation_create(code=code, name=row.client)
        self.created.organisations.append(f"{code} ({row.client})")
        return organisation

    def _mandate_type(self, row: ToolRow, rows) -> MandateType | None:
        code = self._explicit("task", row.task)
        if code is not None:
            found = MandateType.objects.filter(code=code).first()
            if found is None:
                self._unknown(
                    rows,
                    "task",
                    _("Type de mandat inconnu : « %(code)s » (MAP.csv).") % {"code": code},
                )
            return found
        name = row.task or _("Importé de %(tool)s") % {"tool": TOOL_NAMES[self.export.tool]}
        fallback = "" if row.task else self.export.tool
        code, shared = _Index(list(_named(MandateType, "name_fr", "name_en"))).find(
            row.task or fallback
        )
        if code is None and not shared:
            code, shared = _Index(list(_named(MandateType, "name_fr"))).find(name)
        if code is not None:
            return MandateType.objects.get(code=code)
        code = _free_code(MandateType, row.task or self.export.tool)
        mandate_type = mandate_type_create(code=code, name_fr=name)
        self.created.mandate_types.append(f"{code} ({name})")
        return mandate_type

    def _unknown(self, rows: list[ToolRow], key: str, message: str) -> None:
        others = len(rows) - 1
        if others:
            message += " " + _("(et %(count)s autre(s) ligne(s))") % {"count": others}
        self.errors.add(rows[0].line, self.export.column(key), message)


def _group(rows: list[ToolRow], key) -> dict:
    groups: dict = {}
    for row in rows:
        groups.setdefault(key(row), []).append(row)
    return groups


def _named(model, *fields: str):
    for code, *names in model.objects.values_list("code", *fields):
        yield code, names


_NOT_CODE = re.compile(r"[^A-Z0-9]+")


def _free_code(model, name: str) -> str:
    """A code made of the name (ASCII capitals, dashes), made unique by a number."""
    base = _NOT_CODE.sub("-", fold(name).upper()).strip("-")[:24] or "IMPORT"
    taken = set(model.objects.filter(code__startswith=base).values_list("code", flat=True))
    code, number = base, 1
    while code in taken:
        number += 1
        code = f"{base}-{number}"
    return code
