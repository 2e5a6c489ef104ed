"""`consortium import KIND FILE [--lang fr|en]`: import a CSV file, all of it or nothing."""

from pathlib import Path

from django.core.management.base import CommandError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from consortium.core.commands import TranslatedCommand
from consortium.imports.importers import IMPORTERS
from consortium.imports.management.refusals import refusals_reported
from consortium.imports.services import csv_import


class Command(TranslatedCommand):
    help_text = gettext_lazy(
        "Importe un fichier CSV (UTF-8, virgule ou point-virgule, ligne d'en-tête) : "
        "tout le fichier, ou rien s'il contient une erreur."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("kind", choices=list(IMPORTERS), help=_("type de fichier"))
        parser.add_argument("file", help=_("fichier CSV"))
        parser.add_argument(
            "--approve",
            action="store_true",
            help=_(
                "entrées de temps : les semaines du fichier sont approuvées (historique déjà "
                "approuvé ailleurs), au nom de l'import"
            ),
        )
        parser.add_argument(
            "--lang",
            choices=["fr", "en"],
            default="fr",
            help=_("langue des messages (fr par défaut)"),
        )

    def handle(
        self, *args, kind: str, file: str, lang: str, approve: bool = False, **options
    ) -> None:
        with translation.override(lang):
            self._import(kind, Path(file), approve)

    def _import(self, kind: str, path: Path, approve: bool) -> None:
        if approve and kind != "time-entries":
            raise CommandError(_("--approve ne vaut que pour les entrées de temps (time-entries)."))
        if not path.is_file():
            raise CommandError(_("Fichier introuvable : %(file)s") % {"file": path})
        with refusals_reported(path, self.stderr):
            summary = csv_import(kind=kind, path=path, approve=approve)
        self.stdout.write(
            _("%(file)s importé : %(rows)s ligne(s).") % {"file": path, "rows": summary.rows}
        )
        for count in summary.counts:
            self.stdout.write(
                _("%(label)s — créations : %(created)s, mises à jour : %(updated)s.")
                % {"label": count.label, "created": count.created, "updated": count.updated}
            )
