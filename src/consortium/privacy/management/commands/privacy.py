"""`consortium privacy export|anonymise|purge-login-records|purge-registrations`: Law 25 from the
command line.

- `export --expert CODE | --user USERNAME | --registrant EMAIL | --contact USERNAME_OR_EMAIL
  [--format json|csv] -o FILE`: everything held about one person;
- `anonymise` with the same person `[--yes] [--force]`: replaces their names, e-mail and free
  text, keeps every figure (asks first unless `--yes`);
- `purge-login-records [--days N]`: deletes the sign-in records older than N days (the setting
  `CONSORTIUM_LOGIN_RECORDS_DAYS`, 90 by default) — what the scheduler runs every night;
- `purge-registrations [--days N]`: anonymises the sign-ups of events held more than N days ago
  (the setting `CONSORTIUM_REGISTRATIONS_DAYS`, 365 by default).
"""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import CommandError
from django.http import Http404
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from consortium.core.commands import TranslatedCommand
from consortium.privacy.exports import FORMATS, person_export
from consortium.privacy.selectors import Subject, find_subject
from consortium.privacy.services import (
    contact_anonymise,
    expert_anonymise,
    login_records_purge,
    registrant_anonymise,
    registrations_purge,
    user_anonymise,
)

# The person options, in the order they are tried, and the kind of person each names.
PERSON_OPTIONS = ("expert", "user", "registrant", "contact")


class Command(TranslatedCommand):
    help_text = gettext_lazy(
        "Renseignements personnels (Loi 25) : exporte ou anonymise ce que la plateforme détient "
        "sur une personne, purge les anciennes traces de connexion."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--lang", choices=["fr", "en"], default="fr", help=_("langue des messages")
        )
        actions = parser.add_subparsers(dest="action", required=True)
        export = actions.add_parser(
            "export", help=_("exporte tout ce qui est détenu sur une personne")
        )
        _person_arguments(export)
        export.add_argument(
            "--format", dest="export_format", choices=FORMATS, default="json", help="json | csv"
        )
        export.add_argument("-o", "--output", required=True, help=_("fichier à écrire"))
        anonymise = actions.add_parser(
            "anonymise", help=_("remplace noms, courriel et texte libre, garde les chiffres")
        )
        _person_arguments(anonymise)
        anonymise.add_argument("--yes", action="store_true", help=_("sans demander confirmation"))
        anonymise.add_argument(
            "--force", action="store_true", help=_("même si la personne est encore en poste")
        )
        purge = actions.add_parser(
            "purge-login-records", help=_("supprime les traces de connexion trop anciennes")
        )
        purge.add_argument("--days", type=int, help=_("jours gardés (par défaut : le réglage)"))
        registrations = actions.add_parser(
            "purge-registrations",
            help=_("anonymise les inscriptions des événements passés depuis trop longtemps"),
        )
        registrations.add_argument(
            "--days", type=int, help=_("jours gardés après l'événement (par défaut : le réglage)")
        )

    def handle(self, *args, action: str, lang: str, **options) -> None:
        with translation.override(lang):
            if action == "purge-login-records":
                self._purge(options["days"])
                return
            if action == "purge-registrations":
                self._purge_registrations(options["days"])
                return
            subject = self._subject(options)
            if action == "export":
                self._export(subject, options["export_format"], Path(options["output"]))
            else:
                self._anonymise(subject, yes=options["yes"], force=options["force"])

    def _subject(self, options: dict) -> Subject:
        kind = next(option for option in PERSON_OPTIONS if options[option])
        key = options[kind]
        try:
            return find_subject(kind, key)
        except Http404 as error:
            raise CommandError(str(error)) from None

    def _export(self, subject: Subject, export_format: str, path: Path) -> None:
        with path.open("w", encoding="utf-8", newline="") as file:
            for chunk in person_export(subject, export_format):
                file.write(chunk)
        self.stdout.write(_("Renseignements écrits dans %(path)s.") % {"path": path})

    def _anonymise(self, subject: Subject, *, yes: bool, force: bool) -> None:
        if not yes:
            answer = input(
                _("Anonymiser %(person)s ? Cela ne se défait pas. Tapez « oui » : ")
                % {"person": subject.row}
            )
            if answer.strip().lower() not in {"oui", "yes"}:
                raise CommandError(_("Rien n'a été anonymisé."))
        try:
            if subject.kind == "expert":
                done = expert_anonymise(expert=subject.row, force=force)
            elif subject.kind == "registrant":
                done = registrant_anonymise(registration=subject.row)
            elif subject.kind == "contact":
                done = contact_anonymise(user=subject.row)
            else:
                done = user_anonymise(user=subject.row, force=force)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        self.stdout.write(
            _("Personne anonymisée (fiche %(id)s, le %(day)s).")
            % {"id": done.subject_id, "day": f"{done.performed_at:%Y-%m-%d}"}
        )

    def _purge(self, days: int | None) -> None:
        if days is not None and days < 0:
            raise CommandError(_("Le nombre de jours est positif."))
        count = login_records_purge(days=days)
        self.stdout.write(_("Traces de connexion supprimées : %(count)s.") % {"count": count})

    def _purge_registrations(self, days: int | None) -> None:
        if days is not None and days < 0:
            raise CommandError(_("Le nombre de jours est positif."))
        count = registrations_purge(days=days)
        self.stdout.write(_("Inscriptions anonymisées : %(count)s.") % {"count": count})


def _person_arguments(parser) -> None:
    person = parser.add_mutually_exclusive_group(required=True)
    person.add_argument("--expert", help=_("code de l'expert"))
    person.add_argument("--user", help=_("identifiant de l'utilisateur"))
    person.add_argument("--registrant", help=_("courriel d'une personne inscrite à un événement"))
    person.add_argument(
        "--contact", help=_("identifiant ou courriel d'une personne-ressource d'un membre")
    )
