"""`consortium rollups rebuild [--check]`: fill the hours rollups again from the time entries
(one INSERT … SELECT … GROUP BY, in one transaction), or, with `--check`, compare them to the
entries and exit non-zero listing the first differences. The triggers of
timesheets/rollups_sql.py keep them exact on every write: a difference means someone wrote
them by hand, or wrote entries with the triggers off."""

import time

from django.core.management.base import CommandError
from django.db import connection, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from consortium.core.commands import TranslatedCommand
from consortium.timesheets.rollups_sql import differences, rebuild

SHOWN = 20


class Command(TranslatedCommand):
    help_text = gettext_lazy(
        "Reconstruit les cumuls d'heures (jour × expert × mandat) à partir des entrées de temps, "
        "ou les compare aux entrées (--check)."
    )

    def add_arguments(self, parser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        rebuild_parser = actions.add_parser(
            "rebuild", help=_("reconstruit les cumuls d'heures à partir des entrées")
        )
        rebuild_parser.add_argument(
            "--check",
            action="store_true",
            help=_("compare seulement, sans rien écrire ; code de sortie non nul si écart"),
        )

    def handle(self, *args, action: str, check: bool, **options) -> None:
        if check:
            self._check()
            return
        started = time.perf_counter()
        with transaction.atomic():
            rows = rebuild(connection)
        self.stdout.write(
            _("Cumuls d'heures reconstruits : %(rows)s lignes en %(seconds).1f s.")
            % {"rows": rows, "seconds": time.perf_counter() - started}
        )

    def _check(self) -> None:
        count, shown = differences(connection, limit=SHOWN)
        if not count:
            self.stdout.write(_("Cumuls d'heures conformes aux entrées de temps."))
            return
        lines = [
            _(
                "Cumuls d'heures différents des entrées de temps : %(count)s écarts "
                "(les %(shown)s premiers ci-dessous). "
                "Corrigez avec « consortium rollups rebuild »."
            )
            % {"count": count, "shown": len(shown)}
        ]
        lines += [
            _(
                "%(date)s, expert %(expert)s, mandat %(mandate)s : cumul %(rollup_hours)s h "
                "(%(rollup_entries)s entrées), entrées %(entry_hours)s h (%(entries)s entrées)"
            )
            % {
                "date": difference.date,
                "expert": difference.expert_id,
                "mandate": difference.mandate_id,
                "rollup_hours": difference.rollup_hours,
                "rollup_entries": difference.rollup_entries,
                "entry_hours": difference.entry_hours,
                "entries": difference.entries,
            }
            for difference in shown
        ]
        raise CommandError("\n".join(lines))
