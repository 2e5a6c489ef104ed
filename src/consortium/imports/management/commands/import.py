"""`consortium import KIND FILE [--lang fr|en]`: import a CSV file, all of it or nothing."""

from pathlib import Path

from django.core.management.base import CommandError
from django.db import IntegrityError, OperationalError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from consortium.core.commands import TranslatedCommand
from consortium.core.database import database_busy_message, is_database_busy
from consortium.imports.errors import ImportRefused
from consortium.imports.importers import IMPORTERS
from consortium.imports.services import csv_import

ERRORS_SHOWN = 200


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
        try:
            summary = csv_import(kind=kind, path=path, approve=approve)
        except ImportRefused as refused:
            for error in refused.errors[:ERRORS_SHOWN]:
                self.stderr.write(str(error))
            hidden = len(refused.errors) - ERRORS_SHOWN
            if hidden > 0:
                self.stderr.write(
                    _("… et %(count)s autres erreurs non affichées.") % {"count": hidden}
                )
            raise CommandError(
                _("%(file)s refusé : %(count)s erreur(s), rien n'a été importé.")
                % {"file": refused.file, "count": len(refused.errors)}
            ) from None
        except IntegrityError as error:
            # Only a concurrent write can get past the checks to the database's own guards.
            raise CommandError(
                _("%(file)s refusé par la base de données, rien n'a été importé : %(error)s")
                % {"file": path, "error": error}
            ) from None
        except OperationalError as error:
            if not is_database_busy(error):
                raise
            # Another import holds the database past the busy timeout: said in --lang.
            raise CommandError(database_busy_message()) from None
        self.stdout.write(
            _("%(file)s importé : %(rows)s ligne(s).") % {"file": path, "rows": summary.rows}
        )
        for count in summary.counts:
            self.stdout.write(
                _("%(label)s — créations : %(created)s, mises à jour : %(updated)s.")
                % {"label": count.label, "created": count.created, "updated": count.updated}
            )
