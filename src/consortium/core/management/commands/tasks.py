"""`consortium tasks worker`: runs the queued tasks (report PDFs, mail) until stopped."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from consortium.core.commands import TranslatedCommand
from consortium.core.tasks import run_worker


class Command(TranslatedCommand):
    help_text = gettext_lazy(
        "La file des tâches longues (PDF des rapports, courriels) : `worker` les exécute, "
        "sur cette machine ou sur plusieurs, jusqu'à Ctrl-C."
    )

    def add_arguments(self, parser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        worker = actions.add_parser(
            "worker", help=_("Exécute les tâches en file, puis attend les suivantes.")
        )
        worker.add_argument(
            "--interval",
            type=float,
            default=1.0,
            help=_("Secondes d'attente quand la file est vide (défaut : 1)."),
        )
        worker.add_argument(
            "--once",
            action="store_true",
            help=_("Exécute les tâches en file, puis s'arrête."),
        )

    def handle(self, *args, action: str, interval: float, once: bool, **options) -> None:
        if options["verbosity"]:
            self.stdout.write(_("Les tâches en file s'exécutent ; Ctrl-C pour arrêter."))
        run_worker(interval=interval, once=once, handle_signals=True)
