"""`consortium notify-reminders [--today DATE]`: Monday's reminders by e-mail, run by the
production server's scheduler (deploy/README.md): each expert whose last week is not submitted,
each director with weeks waiting. Each person turns them off on their notifications page."""

import datetime as dt

from django.core.management.base import CommandError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from consortium.core.commands import TranslatedCommand
from consortium.timesheets.notifications import reminders_send


class Command(TranslatedCommand):
    help_text = gettext_lazy(
        "Envoie les rappels : aux experts dont la semaine dernière n'est pas soumise, aux "
        "directions qui ont des semaines à approuver."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--today", help=_("Le jour de l'envoi, AAAA-MM-JJ (défaut : aujourd'hui).")
        )

    def handle(self, *args, today: str | None, **options) -> None:
        try:
            day = dt.date.fromisoformat(today) if today else timezone.localdate()
        except ValueError:
            raise CommandError(
                _("--today : « %(value)s » n'est pas une date AAAA-MM-JJ.") % {"value": today}
            ) from None
        sent = reminders_send(day)
        self.stdout.write(
            _("Rappels envoyés : %(experts)s à des experts, %(directors)s à des directions.")
            % {"experts": sent.experts, "directors": sent.directors}
        )
