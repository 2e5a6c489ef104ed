"""`consortium demo-data [--seed N] [--scale F] [--reset]`: build the demo centre."""

import time

from django.core.management.base import CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from consortium.core.commands import TranslatedCommand
from consortium.demo.generator import generate
from consortium.demo.selectors import ledger_data_counts
from consortium.demo.services import demo_data_delete
from consortium.demo.summary import counts_sentence, existing_sentence, recent_sentence


class Command(TranslatedCommand):
    help_text = gettext_lazy(
        "Crée un centre de démonstration : organisations, membres, experts, mandats et heures "
        "d'avril 2019 à mars 2022, avec les chiffres du rapport 2020-2021, puis de l'exercice "
        "précédent à la semaine dernière, et un accès par rôle."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--seed",
            type=int,
            default=2021,
            help=_("Graine du hasard : même graine, mêmes données (défaut : 2021)."),
        )
        parser.add_argument(
            "--scale",
            type=float,
            default=1.0,
            help=_(
                "Multiplie les heures, les organisations et les experts (défaut : 1, "
                "les chiffres exacts du rapport; 18 ≈ 1 000 000 d'entrées)."
            ),
        )
        parser.add_argument(
            "--reset",
            action="store_true",
            help=_("Efface d'abord les données du registre déjà présentes."),
        )

    def handle(self, *args, seed: int, scale: float, reset: bool, **options) -> None:
        if not scale > 0:
            raise CommandError(_("L'échelle doit être un nombre positif."))
        started = time.monotonic()
        existing = ledger_data_counts()
        if any(existing.values()):
            if not reset:
                raise CommandError(
                    _(
                        "La base contient déjà des données du registre (%(existing)s). "
                        "Relancez avec --reset pour les effacer et recréer la démo."
                    )
                    % {"existing": existing_sentence(existing)}
                )
            # Committed before the build, not with it: on SQLite, with the locked-period
            # triggers in place, inserting the entries in the transaction that has just deleted
            # the old ones is several times slower (7 s instead of 1 s at scale 1, measured).
            # The build itself is all-or-nothing.
            demo_data_delete()
        counts = generate(seed=seed, scale=scale, progress=self.stderr.isatty())
        self.stdout.write(self.style.SUCCESS(counts_sentence(counts, time.monotonic() - started)))
        if recent := recent_sentence(counts):
            self.stdout.write(recent)
