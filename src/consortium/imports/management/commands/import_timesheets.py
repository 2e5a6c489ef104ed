"""`consortium import-timesheets --from kimai|toggl|clockify|harvest FILE`: another tool's
export, all of it or nothing (see the README, "Importing other tools' exports")."""

from pathlib import Path

from django.core.management.base import CommandError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from consortium.core.commands import TranslatedCommand
from consortium.imports.importers.tools import TOOLS
from consortium.imports.importers.tools.values import DATE_ORDERS
from consortium.imports.management.refusals import refusals_reported
from consortium.imports.tool_imports import ToolImportResult, tool_import


class Command(TranslatedCommand):
    help_text = gettext_lazy(
        "Importe l'export d'un autre outil de saisie du temps (Kimai, Toggl, Clockify, "
        "Harvest) : tout le fichier, ou rien s'il contient une erreur."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--from", dest="tool", choices=TOOLS, required=True, help=_("outil"))
        parser.add_argument("file", help=_("fichier exporté (CSV, ou XLSX pour Kimai)"))
        parser.add_argument(
            "--map", dest="map_file", help=_("MAP.csv : kind,source_name,code (voir le README)")
        )
        parser.add_argument(
            "--create-missing",
            action="store_true",
            help=_("crée les experts, organisations, types de mandat et mandats manquants"),
        )
        parser.add_argument(
            "--department",
            default="",
            help=_("code du département des experts et mandats créés (--create-missing)"),
        )
        parser.add_argument(
            "--approve",
            action="store_true",
            help=_("les semaines du fichier sont approuvées, au nom de l'import"),
        )
        parser.add_argument(
            "--dry-run", action="store_true", help=_("montre ce qui serait fait, sans rien écrire")
        )
        parser.add_argument(
            "--date-order",
            choices=DATE_ORDERS,
            help=_("ordre des dates à barres obliques quand le fichier ne le dit pas"),
        )
        parser.add_argument("--lang", choices=["fr", "en"], default="fr")

    def handle(self, *args, lang: str, **options) -> None:
        with translation.override(lang):
            self._import(**options)

    def _import(self, *, tool, file, map_file, create_missing, department, approve, dry_run,
                date_order, **_options) -> None:  # fmt: skip
        path = Path(file)
        for given in (path, Path(map_file) if map_file else None):
            if given is not None and not given.is_file():
                raise CommandError(_("Fichier introuvable : %(file)s") % {"file": given})
        with refusals_reported(path, self.stderr):
            result = tool_import(
                tool=tool,
                path=path,
                map_path=Path(map_file) if map_file else None,
                create_missing=create_missing,
                department_code=department,
                approve=approve,
                dry_run=dry_run,
                date_order=date_order,
            )
        self._report(path, result)

    def _report(self, path: Path, result: ToolImportResult) -> None:
        write = self.stdout.write
        if result.dry_run:
            write(_("%(file)s : essai (--dry-run), rien n'a été écrit.") % {"file": path})
        else:
            write(_("%(file)s importé : %(rows)s ligne(s).") % {"file": path, "rows": result.rows})
        if result.skipped:
            write(
                _("Lignes laissées de côté (totaux, durées nulles) : %(lines)s.")
                % {"lines": ", ".join(str(line) for line in result.skipped)}
            )
        verb = _("Création prévue") if result.dry_run else _("Création")
        for label, names in (
            (_("expert"), result.created.experts),
            (_("organisation"), result.created.organisations),
            (_("type de mandat"), result.created.mandate_types),
            (_("mandat"), result.created.mandates),
        ):
            for name in names:
                write(f"{verb} — {label} : {name}")
        for count in result.summary.counts:
            write(
                _("%(label)s — créations : %(created)s, mises à jour : %(updated)s.")
                % {"label": count.label, "created": count.created, "updated": count.updated}
            )
        write(_("Heures par expert :"))
        for code, hours in result.hours_by_person.items():
            write(f"  {code}\t{hours}")
        write(_("Heures par mandat :"))
        for code, hours in result.hours_by_project.items():
            write(f"  {code}\t{hours}")
        write(_("Total : %(hours)s h") % {"hours": sum(result.hours_by_person.values())})
